import type { FieldError } from '@ulms/platform/contracts';
import type { UserChangeActor } from './service-callers.js';

/** How a SIS profile loads its users (the reference's integration profile, as far as the merge needs it). */
export interface ExternalLoadOptions {
  /** The owner code the loaded users carry (`external_id`); `SIS_temp` users are claimed for it. */
  readonly owner: string;
  readonly recordType: 'PUBLIC' | 'STAFF';
  /** Match on the primary identifier, or on the identifier of `idType`. */
  readonly match: { readonly by: 'PRIMARY_ID' } | { readonly by: 'IDENTIFIER'; readonly idType: string };
  /** IMPORT creates only (a matched user is refused); SYNCHRONIZE updates and adds. */
  readonly mode: 'IMPORT' | 'SYNCHRONIZE';
  /** Values for fields the record leaves empty. Dates are ISO `YYYY-MM-DD`. */
  readonly defaults: {
    readonly userGroup?: string | null;
    readonly campusCode?: string | null;
    readonly preferredLanguage?: string | null;
    readonly jobCategory?: string | null;
    readonly expiryDate?: string | null;
    readonly purgeDate?: string | null;
  };
  /** Protected fields the record's value replaces even over a staff override. */
  readonly overwriteProtected: readonly string[];
}

/** One incoming record: its position in the load and the user as an Alma user JSON document. */
export interface ExternalLoadRecord {
  readonly seq: number;
  readonly user: Record<string, unknown>;
}

/** A field changed (or that a dry run would change), as the History tab words it. */
export interface ExternalFieldChange {
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** What became of one record. */
export interface ExternalLoadOutcome {
  readonly seq: number;
  readonly outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'REJECTED';
  /** The matched user, or the id a created one gets. */
  readonly userId: string | null;
  readonly primaryId: string | null;
  /** The user's version after the load: a later load may skip the record while the version holds. */
  readonly version: number | null;
  readonly changes: readonly ExternalFieldChange[];
  readonly errors: readonly FieldError[];
}

/** A transaction of the caller's: the load's writes commit (or roll back) with the caller's own. */
export interface ExternalLoadTransaction {
  /** The Prisma transaction client (typed loosely: contracts stay free of the generated client). */
  readonly tx: unknown;
  /** The unit of work's `raise`: the users' events go out when the caller's transaction commits. */
  raise(...args: never[]): void;
}

/** What a full load does to a user its file no longer holds. */
export interface ExternalRetirement {
  readonly status?: 'INACTIVE';
  readonly expiryDate?: string | null;
  readonly purgeDate?: string | null;
}

/** What a load would do: the outcomes, and the writes `apply` makes (opaque to the caller). */
export interface ExternalLoadPlan {
  readonly outcomes: readonly ExternalLoadOutcome[];
  /** Users created or changed when applied. */
  readonly writes: number;
}

/**
 * The SIS's way in: records merged with the reference's rules (core fields replaced, staff overrides of
 * protected fields kept, external segments replaced and internal ones kept, internal users refused, `SIS_temp`
 * users claimed) and written set-based, with the validation, history and events of a save. A bad record is
 * refused alone; the others of the batch go on.
 */
export interface ExternalUserLoad {
  /** Matches, merges and checks a batch, reading outside any transaction; writes nothing (a dry run stops here). */
  plan(
    by: UserChangeActor,
    records: readonly ExternalLoadRecord[],
    options: ExternalLoadOptions,
  ): Promise<ExternalLoadPlan>;
  /** Which of the institution's external users owned by `owner` are among `userIds`, retired as `retirement` would. */
  planRetirement(
    by: UserChangeActor,
    userIds: readonly string[],
    owner: string,
    retirement: ExternalRetirement,
  ): Promise<ExternalLoadPlan>;
  /**
   * Writes a plan in the caller's transaction. A user changed since the plan read it makes it throw (a
   * ConflictError): plan again.
   */
  apply(plan: ExternalLoadPlan, write: ExternalLoadTransaction): Promise<void>;
  /** The current versions of those of `userIds` the institution has (a deleted user is absent). */
  versions(institutionId: string, userIds: readonly string[]): Promise<Map<string, number>>;
}
