import type { AnyTRPCRouter } from '@trpc/server';

export type GuardKind = 'authenticated' | 'institution' | 'module' | 'permission';

interface GuardMark {
  kind: GuardKind;
  permission?: string;
}

const marks = new WeakMap<object, GuardMark>();

/** Records that a middleware is one of the kernel's guards, so tests can prove every procedure has them. */
export function markGuard(middleware: unknown, kind: GuardKind, permission?: string): void {
  const fns = (middleware as { _middlewares?: object[] })._middlewares ?? [middleware as object];
  for (const fn of fns) marks.set(fn, { kind, permission });
}

/** A procedure of a router with the guards it passes through. */
export interface ProcedureGuards {
  readonly path: string;
  readonly type: string;
  readonly guards: ReadonlySet<GuardKind>;
  readonly permission?: string;
}

/** Lists every procedure of a router with its guards. */
export function describeProcedureGuards(router: AnyTRPCRouter): ProcedureGuards[] {
  const procedures = router._def.procedures as Record<
    string,
    { _def: { type: string; middlewares: object[] } }
  >;
  return Object.entries(procedures).map(([path, procedure]) => {
    const found = procedure._def.middlewares.map((fn) => marks.get(fn)).filter((m) => m !== undefined);
    return {
      path,
      type: procedure._def.type,
      guards: new Set(found.map((m) => m.kind)),
      permission: found.find((m) => m.kind === 'permission')?.permission,
    };
  });
}
