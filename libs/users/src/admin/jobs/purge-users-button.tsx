import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog, useNavigate, useToast } from '@ulms/ui';
import { useState } from 'react';
import { jobReportLink } from '../shared/users-paths.js';
import { useUsersTrpc } from '../users-admin-context.js';

/** "Purge users now": starts the users.purge job after a confirmation and opens its report. */
export function PurgeUsersButton() {
  const trpc = useUsersTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const purge = useMutation(
    trpc.users.purge.mutationOptions({
      onSuccess: async (job) => {
        setConfirming(false);
        toast.show('Purge started.', 'success');
        void queryClient.invalidateQueries({ ...trpc.users.pathFilter(), refetchType: 'none' });
        await queryClient.invalidateQueries(trpc.platform.jobs.list.pathFilter());
        void navigate(jobReportLink(job.id));
      },
      onError: (error) => toast.show(error.message, 'error'),
    }),
  );
  return (
    <>
      <button type="button" className="ui-button ui-button--danger" onClick={() => setConfirming(true)}>
        Purge users now
      </button>
      <ConfirmDialog
        open={confirming}
        title="Purge users now?"
        message={
          <>
            <p>
              Every user whose purge date has passed is deleted, with their notes, statistics, attachments and history.
            </p>
            <p>
              Users that cannot be deleted, for example because of a balance due, are kept and listed in the report.
            </p>
          </>
        }
        confirmLabel="Purge users"
        danger
        busy={purge.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => purge.mutate()}
      />
    </>
  );
}
