import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { generalMailInput } from '@ulms/letters/contracts';
import {
  Dialog,
  errorAt,
  FormDialogActions,
  FormError,
  formMessageOf,
  setServerErrors,
  TextAreaField,
  TextField,
  useGuardedClose,
} from '@ulms/ui';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { letterErrorOf } from './letter-error.js';
import { useLetterSent } from './use-letter-sent.js';
import { useLettersTrpc } from '../letters-admin-context.js';

const composeSchema = generalMailInput.pick({ subject: true, body: true });
type ComposeValues = z.input<typeof composeSchema>;
// The server's errors on these sit under the fields; the others (about the recipient) above the form.
const composeFields = ['subject', 'body'];

export interface GeneralMailDialogProps {
  readonly userId: string;
  /** The recipient's name, for the title. */
  readonly userName: string;
  readonly onClose: () => void;
}

/** Compose a General mail to the user: subject and body, checked as the server does; Cancel asks before dropping it. */
export function GeneralMailDialog({ userId, userName, onClose }: GeneralMailDialogProps) {
  const trpc = useLettersTrpc();
  const sent = useLetterSent();
  const formId = useId();
  const send = useMutation(trpc.letters.send.generalMail.mutationOptions());
  const form = useForm<ComposeValues>({
    resolver: zodResolver(composeSchema),
    defaultValues: { subject: '', body: '' },
  });
  const guard = useGuardedClose(form.formState.isDirty, onClose);
  const { errors } = form.formState;

  const submit = async (values: ComposeValues) => {
    try {
      const entry = await send.mutateAsync({ userId, ...values });
      await sent(`General mail queued to ${entry.toAddress}.`);
      onClose();
    } catch (failure) {
      setServerErrors(form.setError, failure);
    }
  };

  return (
    <Dialog
      open
      title={`General mail to ${userName}`}
      onClose={guard.requestClose}
      footer={
        <FormDialogActions
          formId={formId}
          busy={form.formState.isSubmitting}
          label="Send"
          busyLabel="Sending…"
          onCancel={guard.requestClose}
        />
      }
    >
      <form id={formId} className="ui-form" noValidate onSubmit={(event) => void form.handleSubmit(submit)(event)}>
        <FormError message={formMessageOf(send.error, composeFields) ? letterErrorOf(send.error) : null} />
        <p className="muted letters-compose__note">
          It goes to the user&apos;s preferred email address, in the institution&apos;s letter layout.
        </p>
        <TextField
          label="Subject"
          required
          maxLength={200}
          error={errorAt(errors, 'subject')}
          {...form.register('subject')}
        />
        <TextAreaField
          label="Body"
          required
          rows={10}
          maxLength={20_000}
          hint="Plain text; line breaks are kept."
          error={errorAt(errors, 'body')}
          {...form.register('body')}
        />
      </form>
      {guard.dialog}
    </Dialog>
  );
}
