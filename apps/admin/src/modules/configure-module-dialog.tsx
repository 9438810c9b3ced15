import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ModuleStatus } from '@ulms/platform/contracts';
import { Dialog, fieldErrorsOf, JsonSchemaForm, useToast } from '@ulms/ui';
import { useId } from 'react';
import { useTRPC } from '../trpc/trpc.js';
import { configFieldErrors } from './config-field-errors.js';

export interface ConfigureModuleDialogProps {
  readonly module: ModuleStatus;
  readonly onClose: () => void;
}

/** Titles and a line of explanation for modules whose settings need more than "Configure <module>". */
const presentations: Readonly<Record<string, { readonly title: string; readonly intro: string }>> = {
  auth: {
    title: 'Sign-in settings',
    intro:
      'Secrets are given as the names of environment variables on the server (such as ULMS_OIDC_SECRET), never stored here.',
  },
};

/** The module's settings form, built from its JSON Schema, in a dialog. */
export function ConfigureModuleDialog({ module, onClose }: ConfigureModuleDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const formId = useId();
  const configure = useMutation(
    trpc.platform.modules.configure.mutationOptions({
      onSuccess: async () => {
        toast.show(`Settings of ${module.title} saved.`, 'success');
        onClose();
        await queryClient.invalidateQueries(trpc.platform.modules.list.queryFilter());
      },
    }),
  );
  const serverErrors = configFieldErrors(fieldErrorsOf(configure.error));
  const unplaced = configure.error && Object.keys(serverErrors).length === 0 ? configure.error.message : null;
  const presentation = presentations[module.id];
  return (
    <Dialog
      open
      title={presentation?.title ?? `Configure ${module.title}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="ui-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="ui-button ui-button--primary" disabled={configure.isPending}>
            {configure.isPending ? 'Saving…' : 'Save settings'}
          </button>
        </>
      }
    >
      {presentation ? <p className="muted">{presentation.intro}</p> : null}
      <JsonSchemaForm
        formId={formId}
        schema={module.configJsonSchema}
        config={module.config}
        serverErrors={serverErrors}
        serverMessage={unplaced}
        onSubmit={(config) => configure.mutate({ moduleId: module.id, config })}
      />
    </Dialog>
  );
}
