import type { Logger } from 'pino';
import type { ServiceContainer } from '../plugin/service-ref.js';
import type { WorkerDefinition } from './worker-definition.js';

/** Runs the plugins' background workers in this process. */
export interface WorkerService {
  /** Starts every worker's rounds; the server calls it once it listens. */
  start(): void;
  /** Runs a worker's next round now (after the one in progress), as when new work was just queued. */
  wake(id: string): void;
  /** Runs one round of a worker here and now, started or not (tests, the CLI); resolves with its answer. */
  runOnce(id: string): Promise<boolean>;
  /** Stops the rounds and waits for those in progress. */
  stop(): Promise<void>;
}

const MORE_WORK_PAUSE_MS = 0;

export function createWorkerService(deps: {
  definitions: readonly WorkerDefinition[];
  logger: Logger;
  services: () => ServiceContainer;
}): WorkerService {
  const byId = new Map(deps.definitions.map((d) => [d.id, d]));
  const abort = new AbortController();
  const timers = new Map<string, NodeJS.Timeout>();
  const inProgress = new Map<string, Promise<boolean>>();
  const wakeAgain = new Set<string>();
  let started = false;

  const definitionOf = (id: string): WorkerDefinition => {
    const definition = byId.get(id);
    if (!definition) throw new Error(`no worker "${id}" is installed`);
    return definition;
  };

  const round = (definition: WorkerDefinition): Promise<boolean> => {
    const current = inProgress.get(definition.id);
    if (current) {
      wakeAgain.add(definition.id);
      return current;
    }
    const work = definition
      .run({ services: deps.services(), signal: abort.signal })
      .finally(() => inProgress.delete(definition.id));
    inProgress.set(definition.id, work);
    return work;
  };

  const schedule = (definition: WorkerDefinition, delayMs: number) => {
    if (!started || abort.signal.aborted) return;
    clearTimeout(timers.get(definition.id));
    const timer = setTimeout(() => {
      round(definition)
        .catch((error: unknown) => {
          deps.logger.error({ err: error, worker: definition.id }, 'worker round failed');
          return false;
        })
        .then((more) => {
          const again = more || wakeAgain.delete(definition.id);
          schedule(definition, again ? MORE_WORK_PAUSE_MS : definition.intervalMs);
        });
    }, delayMs);
    timer.unref();
    timers.set(definition.id, timer);
  };

  return {
    start() {
      if (started) return;
      started = true;
      for (const definition of byId.values()) schedule(definition, 0);
    },
    wake(id) {
      const definition = byId.get(id);
      if (!definition || !started) return;
      if (inProgress.has(id)) wakeAgain.add(id);
      else schedule(definition, 0);
    },
    async runOnce(id) {
      return round(definitionOf(id));
    },
    async stop() {
      started = false;
      abort.abort(new Error('the server is stopping'));
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.allSettled([...inProgress.values()]);
      await Promise.allSettled([...byId.values()].map((definition) => definition.stop?.()));
    },
  };
}
