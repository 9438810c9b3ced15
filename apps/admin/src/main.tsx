import './zod-without-eval.js';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@ulms/server/app-router';
import { ToastProvider } from '@ulms/ui';
import '@ulms/ui/ui.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { adminPlugins } from './admin-plugins.js';
import { appScreens } from './app.js';
import { createAdminRouter } from './navigation/route-tree.js';
import { expireSession } from './session/expire-session.js';
import './styles.css';
import { createQueryClient, createTrpcClient } from './trpc/create-clients.js';
import { TRPCProvider } from './trpc/trpc.js';

const queryClient = createQueryClient();
const router = createAdminRouter(adminPlugins, appScreens);
const trpcClient = createTrpcClient(() =>
  expireSession(queryClient, sessionKey, (href) => void router.navigate({ href, replace: true })),
);
const sessionKey = createTRPCOptionsProxy<AppRouter>({
  client: trpcClient,
  queryClient,
}).auth.session.queryKey();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </TRPCProvider>
    </QueryClientProvider>
  </StrictMode>,
);
