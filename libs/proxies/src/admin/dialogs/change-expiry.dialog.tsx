import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProxyRelationDto } from '@ulms/proxies/contracts';
import {
  Dialog,
  errorAt,
  errorCodeOf,
  flatFieldErrors,
  FormDialogActions,
  FormError,
  formMessageOf,
  setServerErrors,
  TextField,
  useGuardedClose,
} from '@ulms/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useProxiesTrpc } from '../proxies-admin-context.js';
import { nameOf } from '../proxy-format.js';
import { useProxiesChanged } from '../use-proxies-changed.js';
import {
  type ExpiryFormOutput,
  expiryFormSchema,
  type ExpiryFormValues,
  proxyFieldLabels,
} from './proxy-form.schema.js';

const conflictMessage =
  'Someone else changed this relation since you opened it: the form now shows their date. Make your change again.';

export interface ChangeExpiryDialogProps {
  /** The relation as the list has it now (a newer version after a conflict). */
  readonly relation: ProxyRelationDto;
  readonly onClose: () => void;
}

/** Change expiry date of a Proxy For relation, at the version read; a change made meanwhile is refused. */
export function ChangeExpiryDialog({ relation, onClose }: ChangeExpiryDialogProps) {
  const trpc = useProxiesTrpc();
  const queryClient = useQueryClient();
  const changed = useProxiesChanged();
  const formId = useId();
  const [error, setError] = useState<unknown>(null);
  const update = useMutation(trpc.proxies.update.mutationOptions());
  const form = useForm<ExpiryFormValues, unknown, ExpiryFormOutput>({
    resolver: zodResolver(expiryFormSchema),
    defaultValues: { expiryDate: relation.expiryDate ?? '' },
  });
  const guard = useGuardedClose(form.formState.isDirty, onClose);
  // After a conflict the list is read again: the form takes the relation's current date and version.
  const shownVersion = useRef(relation.version);
  useEffect(() => {
    if (relation.version === shownVersion.current) return;
    shownVersion.current = relation.version;
    form.reset({ expiryDate: relation.expiryDate ?? '' });
  }, [relation, form]);
  const { errors } = form.formState;
  const sending = form.formState.isSubmitting;

  const send = async ({ expiryDate }: ExpiryFormOutput) => {
    setError(null);
    try {
      await update.mutateAsync({ id: relation.id, version: relation.version, expiryDate });
    } catch (failure) {
      setServerErrors(form.setError, failure);
      setError(failure);
      if (errorCodeOf(failure) === 'CONFLICT') await queryClient.invalidateQueries(trpc.proxies.list.pathFilter());
      return;
    }
    await changed('Expiry date changed.');
    onClose();
  };

  return (
    <Dialog
      open
      size="small"
      title={`Change expiry date: ${nameOf(relation.patron)}`}
      onClose={guard.requestClose}
      footer={
        <FormDialogActions
          formId={formId}
          busy={sending}
          label="Save"
          busyLabel="Saving…"
          onCancel={guard.requestClose}
        />
      }
    >
      <form id={formId} className="ui-form" noValidate onSubmit={(event) => void form.handleSubmit(send)(event)}>
        <FormError
          message={
            errorCodeOf(error) === 'CONFLICT' ? conflictMessage : formMessageOf(error, Object.keys(proxyFieldLabels))
          }
          fieldErrors={flatFieldErrors(errors)}
          fieldLabels={proxyFieldLabels}
        />
        <p>
          {nameOf(relation.proxy)} acts for {nameOf(relation.patron)} ({relation.patron.primaryId}).
        </p>
        <TextField
          label="Expiry date"
          type="date"
          hint="The last day the proxy may act for the patron; leave empty for no end."
          error={errorAt(errors, 'expiryDate')}
          {...form.register('expiryDate')}
        />
      </form>
      {guard.dialog}
    </Dialog>
  );
}
