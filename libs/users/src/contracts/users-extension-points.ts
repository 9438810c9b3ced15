import type { Prisma } from '@prisma/client';
import { createExtensionPoint, type FieldError } from '@ulms/platform/contracts';
import type { UserFields } from './user.schema.js';

/** An institution's own rule on a user record, applied when the contributing plugin is enabled. */
export interface UserValidator {
  readonly id: string;
  validate(
    user: UserFields,
    context: { institutionId: string; userId: string | null },
  ): FieldError[] | Promise<FieldError[]>;
}

/** Makes a primary identifier for a new user given none; chosen by the institution's configuration. */
export interface IdentifierGenerator {
  readonly id: string;
  generate(context: {
    institutionId: string;
    user: UserFields;
    config: { prefix: string; digits: number };
    nextInSequence: () => Promise<bigint>;
  }): Promise<string>;
}

/** A column another module adds to Find and Manage Users (Blocks, Fines, Notes). */
export interface UserListColumn {
  readonly id: string;
  readonly title: string;
  load(
    institutionId: string,
    userIds: readonly string[],
  ): Promise<ReadonlyMap<string, string | number | boolean | null>>;
}

/**
 * A filter another module adds to Find and Manage Users (the courses module's "Enrolled in course"): a value typed
 * beside the search box keeps the users `condition` holds for. Offered while the contributing module is enabled.
 */
export interface UserSearchFilter {
  /** Its key in the search's `filters`: `<pluginId>.<name>`. */
  readonly id: string;
  readonly label: string;
  /** What to type, shown in the empty field ("Course code"). */
  readonly placeholder?: string;
  /**
   * An SQL condition on the user aliased `u` (its `id`), over the contributing module's own tables only; the value
   * is trimmed and not empty. Throw a ValidationError to refuse a value.
   */
  condition(institutionId: string, value: string): Prisma.Sql;
}

/** Something that can stop users from being deleted (fines: a balance due; loans: items out). */
export interface UserDeletionGuard {
  readonly id: string;
  /** The reasons each user may not be deleted; users without reasons are absent from the map. */
  reasons(institutionId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>>;
}

/**
 * Where attachments are stored; the institution's configuration picks one by id. A storage that can stream
 * implements `putStream` and `getStream`; without them uploads are gathered in memory (up to the configured
 * maximum) and downloads read whole.
 */
export interface AttachmentStorage {
  readonly id: string;
  put(key: string, content: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  delete(key: string): Promise<void>;
  /**
   * Stores the bytes as they come. When `content` fails (too large, a type not allowed, the client gone) it
   * rejects with that error and leaves nothing stored under `key`.
   */
  putStream?(key: string, content: AsyncIterable<Uint8Array>): Promise<void>;
  /** The stored bytes as a stream; rejects (before any byte) when nothing is stored under `key`. */
  getStream?(key: string): Promise<AsyncIterable<Uint8Array>>;
}

/** What a part's write changed that the user's History shows (the reference lists blocks and proxy for). */
export interface DocumentPartChanges {
  readonly history: readonly {
    readonly field: 'blocks' | 'proxyFor';
    readonly oldValue: string | null;
    readonly newValue: string | null;
  }[];
}

/**
 * Another module's part of the Alma user document: a list it stores (`user_block`, `proxy_for_user`) or a
 * summary shown on request (`expand=loans`, `requests`, `fees`). Applied where the contributing plugin is
 * enabled; a field no enabled part takes is refused on input with an error naming it.
 */
export interface UserDocumentPart {
  readonly id: string;
  /** The document's field: `user_block`, `proxy_for_user`, `loans`, `requests`, `fees`. */
  readonly field: string;
  /** Shown only when GET asks for it with `expand=<field>`. */
  readonly expandOnly?: boolean;
  /** The field's value for one user, as the Alma document shows it. */
  read(context: { institutionId: string; userId: string; userUrl: string }): Promise<unknown>;
  /**
   * Checks and resolves what a POST or PUT carried before the save's transaction begins (a read through another
   * service inside it would wait for it); its result is what `write` receives. Throw a ValidationError to refuse.
   */
  prepare?(context: { institutionId: string; userId: string | null }, value: unknown): Promise<unknown>;
  /**
   * Replaces the user's part with what a POST or PUT carried, inside the user's save transaction (`tx` is the
   * Prisma transaction client); throw a ValidationError with the document's paths to refuse it. Without
   * `write`, the field is read-only and a value sent is refused.
   */
  write?(
    context: { tx: unknown; institutionId: string; userId: string; actor: string; recordType: string },
    value: unknown,
  ): Promise<void | DocumentPartChanges>;
}

/**
 * Sends a newly generated PIN to its user (the letters module's PIN Number Generation letter). When one sends
 * it, staff are not shown the PIN: the letter is the only place it appears in clear.
 */
export interface PinLetterSender {
  readonly id: string;
  /** True when the letter is on its way; false when it cannot go (the user has no preferred email). */
  send(by: { institutionId: string; actor: string }, userId: string, pin: string): Promise<boolean>;
}

/** Extension points of the users module. */
export const usersExtensionPoints = {
  validators: createExtensionPoint<UserValidator>({ id: 'users.validators' }),
  identifierGenerators: createExtensionPoint<IdentifierGenerator>({ id: 'users.identifierGenerators' }),
  listColumns: createExtensionPoint<UserListColumn>({ id: 'users.listColumns' }),
  searchFilters: createExtensionPoint<UserSearchFilter>({ id: 'users.searchFilters' }),
  deletionGuards: createExtensionPoint<UserDeletionGuard>({ id: 'users.deletionGuards' }),
  attachmentStorage: createExtensionPoint<AttachmentStorage>({ id: 'users.attachmentStorage' }),
  documentParts: createExtensionPoint<UserDocumentPart>({ id: 'users.documentParts' }),
  pinLetters: createExtensionPoint<PinLetterSender>({ id: 'users.pinLetters' }),
};
