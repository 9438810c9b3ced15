import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { composeRouter, platformPlugin } from '@ulms/platform';
import { useAdminTrpc } from '@ulms/ui';
import type { coursesPlugin } from '../server/courses.plugin.js';

/** The part of the app's router the courses screens call; a type only, so no server code reaches the browser. */
export type CoursesAdminRouter = ReturnType<
  typeof composeRouter<readonly [typeof platformPlugin, typeof coursesPlugin]>
>;

/** The app's tRPC options proxy, typed with the courses screens' part of the router. */
export function useCoursesTrpc(): TRPCOptionsProxy<CoursesAdminRouter> {
  return useAdminTrpc<CoursesAdminRouter>();
}
