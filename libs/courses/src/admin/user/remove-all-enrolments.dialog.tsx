import { useMutation } from '@tanstack/react-query';
import { ConfirmDialog, errorCodeOf, useToast } from '@ulms/ui';
import { useCoursesTrpc } from '../courses-admin-context.js';
import { plural } from '../courses-format.js';
import { useEnrolmentsChanged } from './use-enrolments-changed.js';

export interface RemoveAllEnrolmentsDialogProps {
  readonly userId: string;
  /** Every enrolment of the user, as the tab read it: what the confirmation names. */
  readonly total: number;
  readonly onClose: () => void;
  readonly onRemoved: (ruleError: string | null) => void;
  /** The user's enrolments changed since they were read: nothing was removed. */
  readonly onConflict: () => void;
}

/** Asks before removing every enrolment of the user, naming how many; refused when that number is out of date. */
export function RemoveAllEnrolmentsDialog({
  userId,
  total,
  onClose,
  onRemoved,
  onConflict,
}: RemoveAllEnrolmentsDialogProps) {
  const trpc = useCoursesTrpc();
  const toast = useToast();
  const changed = useEnrolmentsChanged();
  const removeAll = useMutation(
    trpc.courses.enrolments.removeAll.mutationOptions({
      onSuccess: async (outcome) => {
        toast.show(`Removed from ${plural(outcome.removed, 'course')}.`, 'success');
        await changed();
        onRemoved(outcome.ruleError);
      },
      onError: async (error) => {
        await changed();
        if (errorCodeOf(error) === 'CONFLICT') onConflict();
        else {
          toast.show(error.message, 'error');
          onClose();
        }
      },
    }),
  );
  return (
    <ConfirmDialog
      open
      title="Remove all courses?"
      message={
        <>
          <p>
            The user will no longer be enrolled in any course: <strong>{plural(total, 'enrolment')}</strong> will be
            removed, including those the filters hide.
          </p>
          <p className="muted">The courses themselves stay, with their other participants.</p>
        </>
      }
      confirmLabel={`Remove all ${total.toLocaleString()}`}
      danger
      busy={removeAll.isPending}
      onCancel={onClose}
      onConfirm={() => removeAll.mutate({ userId, expected: total })}
    />
  );
}
