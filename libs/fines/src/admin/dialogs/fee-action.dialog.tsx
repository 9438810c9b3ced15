import { Dialog, flatFieldErrors, FormError, formMessageOf, setServerErrors, useGuardedClose } from '@ulms/ui';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

export interface FeeActionDialogProps<V extends FieldValues, O> {
  readonly title: string;
  readonly form: UseFormReturn<V, unknown, O>;
  /** Field names and labels, so a server message about a field shows under it and in the summary by its label. */
  readonly fieldLabels: Readonly<Record<string, string>>;
  /** The submit button's text ("Waive"); with `closeLabel` too, the first keeps the dialog open after sending. */
  readonly submitLabel: string;
  readonly closeLabel?: string;
  /** What the confirmation step asks ("Waive 5.00 USD of this fee?"). */
  readonly confirmation: (output: O) => ReactNode;
  /** Sends; rejects with the server's error, whose field messages go under the fields. */
  readonly send: (output: O, after: { readonly close: boolean }) => Promise<unknown>;
  readonly onClose: () => void;
  /** The fields, registered with `form`. */
  readonly children: ReactNode;
}

/**
 * The shape every fee action shares: a form (checked by its zod schema), a confirmation step before anything is
 * sent, the server's messages under their fields, and a question before typed text is dropped.
 */
export function FeeActionDialog<V extends FieldValues, O>(props: FeeActionDialogProps<V, O>) {
  const { title, form, fieldLabels, submitLabel, closeLabel, confirmation, send, onClose, children } = props;
  const formId = useId();
  const [pending, setPending] = useState<{ output: O; close: boolean } | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const guard = useGuardedClose(form.formState.isDirty, onClose);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const close = closeLabel === undefined || submitter?.dataset['close'] === 'true';
    void form.handleSubmit((output) => {
      setError(null);
      setPending({ output, close });
    })(event);
  };
  const confirm = async () => {
    if (!pending) return;
    setSending(true);
    try {
      await send(pending.output, { close: pending.close });
      setPending(null);
    } catch (failure) {
      setServerErrors(form.setError, failure);
      setError(failure);
      setPending(null);
    } finally {
      setSending(false);
    }
  };

  const footer = pending ? (
    <>
      <button type="button" className="ui-button" onClick={() => setPending(null)} disabled={sending}>
        Back
      </button>
      <button
        type="button"
        className="ui-button ui-button--primary"
        onClick={() => void confirm()}
        disabled={sending}
        aria-busy={sending}
        data-autofocus
      >
        {sending ? 'Sending…' : 'Confirm'}
      </button>
    </>
  ) : (
    <>
      <button type="button" className="ui-button" onClick={guard.requestClose}>
        Cancel
      </button>
      {closeLabel !== undefined ? (
        <button type="submit" form={formId} className="ui-button">
          {submitLabel}
        </button>
      ) : null}
      <button type="submit" form={formId} data-close="true" className="ui-button ui-button--primary">
        {closeLabel ?? submitLabel}
      </button>
    </>
  );

  return (
    <Dialog open title={title} onClose={pending ? () => setPending(null) : guard.requestClose} footer={footer}>
      {pending ? (
        <div className="ui-confirm__message" role="status">
          {confirmation(pending.output)}
        </div>
      ) : null}
      {/* Kept mounted while confirming, so the typed values and the dirty state survive "Back". */}
      <form id={formId} className="ui-form" noValidate onSubmit={submit} hidden={pending !== null}>
        <FormError
          message={formMessageOf(error, Object.keys(fieldLabels))}
          fieldErrors={flatFieldErrors(form.formState.errors)}
          fieldLabels={fieldLabels}
        />
        {children}
      </form>
      {guard.dialog}
    </Dialog>
  );
}
