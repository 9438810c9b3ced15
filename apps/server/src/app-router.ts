import { composeRouter } from '@ulms/platform';
import { installedPlugins } from './installed-plugins.js';

/** The root tRPC router: every installed plugin's router under its id. */
export const appRouter = composeRouter(installedPlugins);
export type AppRouter = typeof appRouter;
