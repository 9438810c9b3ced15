import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { TRPC_MAX_URL_LENGTH, transformer } from '@ulms/platform/contracts';
import type { AppRouter } from '@ulms/server/app-router';
import { errorCodeOf } from '@ulms/ui';
import { sessionExpiryLink } from './session-expiry-link.js';

// Errors a retry cannot fix: the answer would be the same.
const finalCodes = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'BAD_REQUEST', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS']);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 2 && !finalCodes.has(errorCodeOf(error) ?? ''),
      },
    },
  });
}

/**
 * The batched HTTP client for `/trpc`, with Dates and Decimals kept by the shared transformer; a batch whose
 * GET URL would pass the server's limit is split in several requests.
 */
export function createTrpcClient(onUnauthorized: () => void) {
  return createTRPCClient<AppRouter>({
    links: [
      sessionExpiryLink(onUnauthorized),
      httpBatchLink({ url: '/trpc', transformer, maxURLLength: TRPC_MAX_URL_LENGTH }),
    ],
  });
}
