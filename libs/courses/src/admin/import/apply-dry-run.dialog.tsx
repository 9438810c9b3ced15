import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CourseImportDto } from '@ulms/courses/contracts';
import { ConfirmDialog, useToast } from '@ulms/ui';
import { useCoursesTrpc } from '../courses-admin-context.js';
import { plural } from '../courses-format.js';

export interface ApplyDryRunDialogProps {
  readonly item: CourseImportDto;
  readonly onClose: () => void;
  readonly onApplied: (applied: CourseImportDto) => void;
}

/** Asks before importing a dry run's file for real, saying what it will do. */
export function ApplyDryRunDialog({ item, onClose, onApplied }: ApplyDryRunDialogProps) {
  const trpc = useCoursesTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const apply = useMutation(
    trpc.courses.imports.applyDryRun.mutationOptions({
      onSuccess: async (applied) => {
        await queryClient.invalidateQueries(trpc.courses.imports.pathFilter());
        onApplied(applied);
      },
      onError: (error) => toast.show(error.message, 'error'),
    }),
  );
  const { added, removed, rejected, coursesCreated } = item.counts;
  return (
    <ConfirmDialog
      open
      title="Apply this dry run?"
      message={
        <>
          <p>
            The file <strong>{item.fileName}</strong> is imported again, for real: it will add{' '}
            {plural(added, 'enrolment')} and create {plural(coursesCreated, 'course')}
            {item.fullLoad ? (
              <>
                , and remove <strong>{plural(removed, 'enrolment')}</strong> missing from the file
              </>
            ) : null}
            .
          </p>
          {rejected > 0 ? (
            <p>
              {rejected === 1 ? 'The rejected row is' : `The ${rejected.toLocaleString()} rejected rows are`} not
              imported.
            </p>
          ) : null}
          <p className="muted">Enrolments changed since the dry run are imported as they are then.</p>
        </>
      }
      confirmLabel="Apply"
      busy={apply.isPending}
      onCancel={onClose}
      onConfirm={() => apply.mutate({ id: item.id })}
    />
  );
}
