import type { composeRouter } from '@ulms/platform';
import type { studentRulesPlugin } from '../server/student-rules.plugin.js';

/** The part of the app's tRPC router these screens call; a type only, so no server code reaches the browser. */
export type StudentRulesAdminRouter = ReturnType<typeof composeRouter<readonly [typeof studentRulesPlugin]>>;
