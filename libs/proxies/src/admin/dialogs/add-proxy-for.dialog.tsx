import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import type { ProxyPartyDto } from '@ulms/proxies/contracts';
import {
  Dialog,
  errorAt,
  flatFieldErrors,
  FormDialogActions,
  FormError,
  formMessageOf,
  setServerErrors,
  TextField,
  useGuardedClose,
} from '@ulms/ui';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { PatronPicker } from '../patron-picker.js';
import { useProxiesTrpc } from '../proxies-admin-context.js';
import { nameOf } from '../proxy-format.js';
import { useProxiesChanged } from '../use-proxies-changed.js';
import {
  type AddProxyForFormOutput,
  addProxyForFormSchema,
  type AddProxyForFormValues,
  proxyFieldLabels,
} from './proxy-form.schema.js';

export interface AddProxyForDialogProps {
  /** The user whose record is open: the proxy. */
  readonly userId: string;
  readonly onClose: () => void;
}

/**
 * Add Proxy For: the patron found with the users search and picked, an optional expiry date. The server's refusals
 * (already a proxy for them, themselves, a Contact user) show under the patron, and another can be picked at once.
 */
export function AddProxyForDialog({ userId, onClose }: AddProxyForDialogProps) {
  const trpc = useProxiesTrpc();
  const changed = useProxiesChanged();
  const formId = useId();
  const [patron, setPatron] = useState<ProxyPartyDto | null>(null);
  const [error, setError] = useState<unknown>(null);
  const add = useMutation(trpc.proxies.add.mutationOptions());
  const form = useForm<AddProxyForFormValues, unknown, AddProxyForFormOutput>({
    resolver: zodResolver(addProxyForFormSchema),
    defaultValues: { patronUserId: '', expiryDate: '' },
  });
  const guard = useGuardedClose(form.formState.isDirty, onClose);
  const { errors } = form.formState;
  const sending = form.formState.isSubmitting;

  const choose = (next: ProxyPartyDto | null) => {
    setPatron(next);
    setError(null);
    form.clearErrors('patronUserId');
    form.setValue('patronUserId', next?.id ?? '', { shouldDirty: true });
  };
  const send = async (output: AddProxyForFormOutput) => {
    setError(null);
    try {
      const relation = await add.mutateAsync({ proxyUserId: userId, ...output });
      await changed(`${nameOf(relation.proxy)} is now a proxy for ${nameOf(relation.patron)}.`);
      onClose();
    } catch (failure) {
      setServerErrors(form.setError, failure);
      setError(failure);
    }
  };

  return (
    <Dialog
      open
      title="Add Proxy For"
      onClose={guard.requestClose}
      footer={
        <FormDialogActions
          formId={formId}
          busy={sending}
          label="Add"
          busyLabel="Adding…"
          onCancel={guard.requestClose}
        />
      }
    >
      <form id={formId} className="ui-form" noValidate onSubmit={(event) => void form.handleSubmit(send)(event)}>
        <FormError
          message={formMessageOf(error, Object.keys(proxyFieldLabels))}
          fieldErrors={flatFieldErrors(errors)}
          fieldLabels={proxyFieldLabels}
        />
        <PatronPicker
          label="Patron"
          required
          value={patron}
          onChange={choose}
          excludeId={userId}
          hint="The patron this user will act for."
          error={errorAt(errors, 'patronUserId')}
        />
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
