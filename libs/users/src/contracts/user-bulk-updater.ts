import type { FieldError } from '@ulms/platform/contracts';
import type { UserChangeActor } from './service-callers.js';
import type { BulkEditInput } from './user.schema.js';

export type BulkChanges = NonNullable<BulkEditInput['changes']>;

/** The outcome for one batch: who was changed, and why the others were not. */
export interface BulkOutcome {
  readonly updated: string[];
  readonly failed: Map<string, FieldError[]>;
}

/** One change applied to many users at once, with the rules a single edit applies to those fields. */
export interface UserBulkUpdater {
  /** Null when rules that need the whole record apply (validators, role assignment rules): save one by one. */
  bulkUpdate(by: UserChangeActor, userIds: readonly string[], changes: BulkChanges): Promise<BulkOutcome | null>;
}
