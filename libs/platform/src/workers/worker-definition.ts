import { createExtensionPoint } from '../plugin/extension-point.js';
import type { ServiceContainer } from '../plugin/service-ref.js';

/** What a worker's round can see and do. */
export interface WorkerContext {
  readonly services: ServiceContainer;
  /** Aborted when the server stops: check it between items. */
  readonly signal: AbortSignal;
}

/**
 * A background worker, contributed to `platform.workers`: every serving process runs its rounds, one at a time,
 * every `intervalMs` and whenever `WorkerService.wake` names it. Workers serve every institution, so a round
 * scopes its own queries; several processes run the same worker at once, so a round claims its work (a lease).
 */
export interface WorkerDefinition {
  /** `<pluginId>.<name>`, such as `letters.outbox`. */
  readonly id: string;
  readonly intervalMs: number;
  /** Does one round; returns true when it left work it could do at once (the next round starts without waiting). */
  run(context: WorkerContext): Promise<boolean>;
  /** Frees what the worker keeps open between rounds (connections), once the server stops. */
  stop?(): Promise<void>;
}

/** Declares a worker; only checks and returns it. */
export function defineWorker(definition: WorkerDefinition): WorkerDefinition {
  return definition;
}

export const workerDefinitions = createExtensionPoint<WorkerDefinition>({ id: 'platform.workers' });
