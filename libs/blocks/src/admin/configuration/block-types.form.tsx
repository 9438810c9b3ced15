import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BLOCKS_MODULE, type BlocksConfig } from '@ulms/blocks/contracts';
import { platformPermissions } from '@ulms/platform/contracts';
import {
  CheckboxField,
  errorAt,
  flatFieldErrors,
  FormError,
  formMessageOf,
  setServerErrors,
  TextField,
  useAdminCan,
  useToast,
} from '@ulms/ui';
import { useEffect } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useBlocksTrpc } from '../blocks-admin-context.js';
import { blockTypesResolver, type BlockTypesFormValues, formValuesOf, labelsOf } from './block-types.form-schema.js';

export interface BlockTypesFormProps {
  readonly saved: BlocksConfig;
  readonly onDirtyChange: (dirty: boolean) => void;
}

const effects = [
  { key: 'borrowing', label: 'Borrowing' },
  { key: 'renewals', label: 'Renewals' },
  { key: 'requests', label: 'Requests' },
] as const;

/** The block types staff choose from, with what each stops; saved as the module's settings (the rules kept). */
export function BlockTypesForm({ saved, onDirtyChange }: BlockTypesFormProps) {
  const trpc = useBlocksTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const readOnly = !useAdminCan(platformPermissions.moduleManage);
  const form = useForm<BlockTypesFormValues, unknown, BlockTypesFormValues>({
    resolver: blockTypesResolver,
    defaultValues: formValuesOf(saved),
  });
  const rows = useFieldArray({ control: form.control, name: 'blockTypes' });
  const { errors, isDirty } = form.formState;
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);
  const configure = useMutation(
    trpc.platform.modules.configure.mutationOptions({
      onSuccess: async (_result, input) => {
        toast.show('Block types saved.', 'success');
        form.reset(formValuesOf(input.config as BlocksConfig));
        await queryClient.invalidateQueries(trpc.blocks.pathFilter());
      },
      // The server names fields as `config.blockTypes.0.code`.
      onError: (error) => setServerErrors(form.setError, error, 'config.'),
    }),
  );
  const fieldErrors = flatFieldErrors(errors);
  return (
    <form
      className="panel blocks-config"
      aria-label="Block types"
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit(({ blockTypes }) =>
          // The rules are saved by their own form: the settings keep them as they are.
          configure.mutate({ moduleId: BLOCKS_MODULE, config: { ...saved, blockTypes } }),
        )(event)
      }
    >
      <h2>Block types</h2>
      <p className="muted">The types staff choose when they add a block, and what a block of each type stops.</p>
      <FormError
        message={formMessageOf(configure.error, [])}
        fieldErrors={fieldErrors}
        fieldLabels={labelsOf(Object.keys(fieldErrors))}
      />
      {rows.fields.length === 0 ? <p className="muted">No block types: staff cannot add blocks.</p> : null}
      {rows.fields.map((field, index) => (
        <div key={field.id} className="blocks-config__row" role="group" aria-label={`Block type ${index + 1}`}>
          <TextField
            label="Code"
            className="blocks-config__code"
            required
            disabled={readOnly}
            error={errorAt(errors, `blockTypes.${index}.code`)}
            {...form.register(`blockTypes.${index}.code`)}
          />
          <TextField
            label="Description"
            className="blocks-config__description"
            required
            disabled={readOnly}
            error={errorAt(errors, `blockTypes.${index}.description`)}
            {...form.register(`blockTypes.${index}.description`)}
          />
          <fieldset className="blocks-config__effects">
            <legend>Blocks</legend>
            {effects.map(({ key, label }) => (
              <CheckboxField
                key={key}
                label={label}
                disabled={readOnly}
                {...form.register(`blockTypes.${index}.effects.${key}`)}
              />
            ))}
          </fieldset>
          {readOnly ? null : (
            <button
              type="button"
              className="ui-button ui-button--small"
              aria-label={`Remove block type ${index + 1}`}
              onClick={() => rows.remove(index)}
            >
              Remove
            </button>
          )}
        </div>
      ))}
      {readOnly ? (
        <p className="muted">Only staff who manage modules can change the block types.</p>
      ) : (
        <div className="blocks-config__actions">
          <button
            type="button"
            className="ui-button ui-button--small"
            onClick={() =>
              rows.append({ code: '', description: '', effects: { borrowing: true, renewals: true, requests: true } })
            }
          >
            Add type
          </button>
          <button type="submit" className="ui-button ui-button--primary" disabled={configure.isPending}>
            {configure.isPending ? 'Saving…' : 'Save block types'}
          </button>
        </div>
      )}
    </form>
  );
}
