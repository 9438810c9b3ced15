import type { UserChangeActor } from './service-callers.js';
import type { HistoryField } from './user-codes.js';

/** One History tab entry another module's change writes. */
export interface UserHistoryRecord {
  readonly userId: string;
  readonly field: HistoryField;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

/**
 * Writes History entries for changes another module makes to many users at once (an enrolment import), in the
 * caller's transaction and in one statement; the users' record (and its version) is not touched.
 */
export interface UserHistoryWriter {
  /** `tx` is the caller's Prisma transaction client. Users of another institution are skipped. */
  record(tx: unknown, by: UserChangeActor, entries: readonly UserHistoryRecord[]): Promise<void>;
}
