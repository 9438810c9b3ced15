import type { AnyTRPCRouter } from '@trpc/server';

export type GuardKind = 'authenticated' | 'institution' | 'module' | 'permission';

interface GuardMark {
  kind: GuardKind;
  permission?: string;
}

const marks = new WeakMap<object, GuardMark>();
const inputScreens = new WeakSet<object>();
const errorMappings = new WeakSet<object>();

/** Records that a middleware is one of the kernel's guards, so tests can prove every procedure has them. */
export function markGuard(middleware: unknown, kind: GuardKind, permission?: string): void {
  const fns = (middleware as { _middlewares?: object[] })._middlewares ?? [middleware as object];
  for (const fn of fns) marks.set(fn, { kind, permission });
}

/** Records that a middleware is the kernel's screen of raw input, so tests can prove no procedure skips it. */
export function markInputScreen(middleware: unknown): void {
  const fns = (middleware as { _middlewares?: object[] })._middlewares ?? [middleware as object];
  for (const fn of fns) inputScreens.add(fn);
}

/**
 * Records that a middleware is the kernel's mapping of domain errors to tRPC's: it only looks at what the rest
 * of the chain answers, so it may run before the input screen.
 */
export function markErrorMapping(middleware: unknown): void {
  const fns = (middleware as { _middlewares?: object[] })._middlewares ?? [middleware as object];
  for (const fn of fns) errorMappings.add(fn);
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
    const first = procedure._def.middlewares.find((fn) => !errorMappings.has(fn));
    return {
      path,
      type: procedure._def.type,
      guards: new Set(found.map((m) => m.kind)),
      permission: found.find((m) => m.kind === 'permission')?.permission,
      screensInput: first !== undefined && inputScreens.has(first),
    };
  });
}
