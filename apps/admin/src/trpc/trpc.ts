import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@ulms/server/app-router';

/** The typed tRPC hooks of the admin app; the router type is imported as a type only. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
