import type { Logger } from 'pino';

/** A named domain event whose payload type is `P`, such as `user.created`. */
export interface EventDefinition<P> {
  readonly name: string;
  readonly P?: P;
}

/** Defines a domain event. Names are `<noun>.<past-tense verb>`. */
export function defineEvent<P>(name: string): EventDefinition<P> {
  return { name };
}

export type EventHandler<P> = (payload: P) => void | Promise<void>;

/** A raised event waiting to be delivered. */
export interface PendingEvent {
  readonly name: string;
  readonly payload: unknown;
}

/** An in-process bus: plugins subscribe at registration; deliveries happen after commits. */
export interface EventBus {
  subscribe<P>(event: EventDefinition<P>, handler: EventHandler<P>): void;
  /** Delivers events in order to every subscriber; a failing subscriber is logged, never rethrown. */
  deliver(events: readonly PendingEvent[]): Promise<void>;
}

/** Creates the bus. Subscribers run one after another so their effects are ordered. */
export function createEventBus(log: Logger): EventBus {
  const handlers = new Map<string, EventHandler<unknown>[]>();
  return {
    subscribe(event, handler) {
      const list = handlers.get(event.name) ?? [];
      list.push(handler as EventHandler<unknown>);
      handlers.set(event.name, list);
    },
    async deliver(events) {
      for (const event of events) {
        for (const handler of handlers.get(event.name) ?? []) {
          try {
            await handler(event.payload);
          } catch (error) {
            log.error({ err: error, event: event.name }, 'event subscriber failed');
          }
        }
      }
    },
  };
}
