import { useMutation } from '@tanstack/react-query';
import type { EnrolmentDto } from '@ulms/courses/contracts';
import { ConfirmDialog, useToast } from '@ulms/ui';
import { useCoursesTrpc } from '../courses-admin-context.js';
import { codeOf } from '../courses-format.js';
import { useEnrolmentsChanged } from './use-enrolments-changed.js';

export interface RemoveEnrolmentDialogProps {
  readonly enrolment: EnrolmentDto;
  readonly onClose: () => void;
  /** The removal is done; `ruleError` is an enrolment rule's failure after it. */
  readonly onRemoved: (ruleError: string | null) => void;
}

/** Asks before removing the user from one course, naming it. */
export function RemoveEnrolmentDialog({ enrolment, onClose, onRemoved }: RemoveEnrolmentDialogProps) {
  const trpc = useCoursesTrpc();
  const toast = useToast();
  const changed = useEnrolmentsChanged();
  const code = codeOf(enrolment.course);
  const remove = useMutation(
    trpc.courses.enrolments.remove.mutationOptions({
      onSuccess: async (outcome) => {
        toast.show(`Removed from ${code}.`, 'success');
        await changed();
        onRemoved(outcome.ruleError);
      },
      onError: async (error) => {
        toast.show(error.message, 'error');
        await changed();
        onClose();
      },
    }),
  );
  return (
    <ConfirmDialog
      open
      title={`Remove ${code}?`}
      message={
        <p>
          The user will no longer be enrolled in <strong>{code}</strong> {enrolment.course.name}
          {enrolment.course.term ? ` (${enrolment.course.term})` : ''}.
        </p>
      }
      confirmLabel="Remove"
      danger
      busy={remove.isPending}
      onCancel={onClose}
      onConfirm={() => remove.mutate({ id: enrolment.id })}
    />
  );
}
