import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useCoursesTrpc } from '../courses-admin-context.js';

/** After a removal: reads the enrolments again, and the users screens' queries (History, the Courses column). */
export function useEnrolmentsChanged(): () => Promise<void> {
  const trpc = useCoursesTrpc();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.courses.enrolments.pathFilter()),
      // The users module's tRPC queries, by their path: its router type is not the courses module's to import.
      queryClient.invalidateQueries({ queryKey: [['users']] }),
    ]);
  }, [trpc, queryClient]);
}
