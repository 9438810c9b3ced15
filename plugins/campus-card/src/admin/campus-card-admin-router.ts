import type { composeRouter } from '@ulms/platform';
import type { campusCardPlugin } from '../server/campus-card.plugin.js';

/** The part of the app's tRPC router these screens call; a type only, so no server code reaches the browser. */
export type CampusCardAdminRouter = ReturnType<typeof composeRouter<readonly [typeof campusCardPlugin]>>;
