import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bulkLetterInput } from '@ulms/letters/contracts';
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
  useNavigate,
  useToast,
} from '@ulms/ui';
import type { FindUsersActionProps } from '@ulms/users/contracts';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useLettersTrpc } from '../letters-admin-context.js';
import '../user/letters-user.css';

const messageSchema = bulkLetterInput.pick({ subject: true, body: true });
type MessageValues = z.input<typeof messageSchema>;

/** Message users: a General mail to every user the current search finds, sent by a job; then its report. */
export function MessageUsersDialog({ search, matchedText, onClose }: FindUsersActionProps) {
  const trpc = useLettersTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const formId = useId();
  const start = useMutation(trpc.letters.bulk.start.mutationOptions());
  const form = useForm<MessageValues>({
    resolver: zodResolver(messageSchema),
    defaultValues: { subject: '', body: '' },
  });
  const guard = useGuardedClose(form.formState.isDirty, onClose);
  const { errors } = form.formState;

  const submit = async (values: MessageValues) => {
    try {
      const job = await start.mutateAsync({ search, ...values });
      toast.show('Messaging started: the Jobs page shows its progress and report.', 'success');
      await queryClient.invalidateQueries(trpc.platform.jobs.list.pathFilter());
      onClose();
      void navigate({ to: '/jobs', search: { job: job.id } });
    } catch (failure) {
      setServerErrors(form.setError, failure);
    }
  };

  return (
    <Dialog
      open
      title="Message users"
      onClose={guard.requestClose}
      footer={
        <FormDialogActions
          formId={formId}
          busy={form.formState.isSubmitting}
          label="Send to all"
          busyLabel="Starting…"
          onCancel={guard.requestClose}
        />
      }
    >
      <form id={formId} className="ui-form" noValidate onSubmit={(event) => void form.handleSubmit(submit)(event)}>
        <p className="notice">
          A General mail goes to every user the current search finds (<strong>{matchedText}</strong>), on every page, at
          their preferred email address. It runs as a job; its report on the Jobs page lists who got none.
        </p>
        <FormError message={formMessageOf(start.error, ['subject', 'body'])} />
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
