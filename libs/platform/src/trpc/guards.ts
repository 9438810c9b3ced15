import type { AnyTRPCRouter } from '@trpc/server';

export type GuardKind = 'authenticated' | 'institution' | 'module' | 'permission';

interface GuardMark {
  kinds: readonly GuardKind[];
  permission?: string;
}

const marks = new WeakMap<object, GuardMark>();
const inputScreens = new WeakSet<object>();

/** Records which of the kernel's checks a middleware makes, so tests can prove every procedure has them. */
export function markGuard(middleware: unknown, kinds: readonly GuardKind[], permission?: string): void {
  const fns = (middleware as { _middlewares?: object[] })._middlewares ?? [middleware as object];
  for (const fn of fns) marks.set(fn, { kinds, permission });
}

/** Records that a middleware is the kernel's screen of raw input, so tests can prove no procedure skips it. */
export function markInputScreen(middleware: unknown): void {
  const fns = (middleware as { _middlewares?: object[] })._middlewares ?? [middleware as object];
  for (const fn of fns) inputScreens.add(fn);
}

/** A procedure of a router with the guards it passes through. */
export interface ProcedureGuards {
  readonly path: string;
  readonly type: string;
  readonly guards: ReadonlySet<GuardKind>;
  readonly permission?: string;
  /** Whether the kernel screens its raw input for characters XML 1.0 cannot carry before anything else runs. */
  readonly screensInput: boolean;
}

/** Lists every procedure of a router with its guards. */
export function describeProcedureGuards(router: AnyTRPCRouter): ProcedureGuards[] {
  const procedures = router._def.procedures as Record<string, { _def: { type: string; middlewares: object[] } }>;
  return Object.entries(procedures).map(([path, procedure]) => {
    const found = procedure._def.middlewares.map((fn) => marks.get(fn)).filter((m) => m !== undefined);
    const first = procedure._def.middlewares[0];
    return {
      path,
      type: procedure._def.type,
      guards: new Set(found.flatMap((m) => m.kinds)),
      permission: found.find((m) => m.kinds.includes('permission'))?.permission,
      screensInput: first !== undefined && inputScreens.has(first),
    };
  });
}
