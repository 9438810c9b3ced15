import { platformPermissions } from '@ulms/platform/contracts';
import { useCan } from '../session/session-context.js';
import { useTRPC } from '../trpc/trpc.js';

/**
 * The jobs the signed-in staff member may follow: every job of the institution with the Jobs permission,
 * otherwise the ones they started themselves (a desk operator's bulk edit and its report).
 */
export function useJobProcedures() {
  const trpc = useTRPC();
  const everyJob = useCan(platformPermissions.jobRead);
  return { everyJob, procedures: everyJob ? trpc.platform.jobs : trpc.platform.jobs.own };
}
