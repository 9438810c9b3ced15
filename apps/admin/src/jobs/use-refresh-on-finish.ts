import { useQueryClient } from '@tanstack/react-query';
import type { JobInfo } from '@ulms/platform/contracts';
import { useEffect, useRef } from 'react';
import { isUnfinished } from './job-status.js';

/**
 * When a job seen running has finished, the data it changed (users, their lists) is read again: every
 * cached query is marked stale, and the ones on screen refetch.
 */
export function useRefreshOnFinish(jobs: readonly Pick<JobInfo, 'id' | 'status'>[] | undefined): void {
  const queryClient = useQueryClient();
  const running = useRef(new Set<string>());
  useEffect(() => {
    if (!jobs) return;
    let finished = false;
    for (const job of jobs) {
      if (isUnfinished(job)) running.current.add(job.id);
      else if (running.current.delete(job.id)) finished = true;
    }
    if (finished) void queryClient.invalidateQueries();
  }, [jobs, queryClient]);
}
