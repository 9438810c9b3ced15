import type { Prisma, PrismaClient } from '@prisma/client';
import type { EventBus, EventDefinition, PendingEvent } from './event-bus.js';

/** One database transaction and the events it raises, delivered only if it commits. */
export interface UnitOfWork {
  readonly tx: Prisma.TransactionClient;
  raise<P>(event: EventDefinition<P>, payload: P): void;
}

/** Runs multi-row changes atomically and delivers their events after the commit. */
export interface Transactions {
  run<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T>;
}

export function createTransactions(prisma: PrismaClient, bus: EventBus): Transactions {
  return {
    async run(work) {
      const raised: PendingEvent[] = [];
      const result = await prisma.$transaction((tx) =>
        work({ tx, raise: (event, payload) => raised.push({ name: event.name, payload }) }),
      );
      await bus.deliver(raised);
      return result;
    },
  };
}
