import { createExtensionPoint, type FieldError } from '@ulms/platform/contracts';
import type { UserFields } from './user.schema.js';

/** An institution's own rule on a user record, applied when the contributing plugin is enabled. */
export interface UserValidator {
  readonly id: string;
  validate(user: UserFields, context: { institutionId: string; userId: string | null }): FieldError[] | Promise<FieldError[]>;
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
  load(institutionId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, string | number | boolean | null>>;
}

/** Something that can stop users from being deleted (fines: a balance due; loans: items out). */
export interface UserDeletionGuard {
  readonly id: string;
  /** The reasons each user may not be deleted; users without reasons are absent from the map. */
  reasons(institutionId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>>;
}

/** Where attachments are stored; the institution's configuration picks one by id. */
export interface AttachmentStorage {
  readonly id: string;
  put(key: string, content: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  delete(key: string): Promise<void>;
}

/** Extension points of the users module. */
export const usersExtensionPoints = {
  validators: createExtensionPoint<UserValidator>({ id: 'users.validators' }),
  identifierGenerators: createExtensionPoint<IdentifierGenerator>({ id: 'users.identifierGenerators' }),
  listColumns: createExtensionPoint<UserListColumn>({ id: 'users.listColumns' }),
  deletionGuards: createExtensionPoint<UserDeletionGuard>({ id: 'users.deletionGuards' }),
  attachmentStorage: createExtensionPoint<AttachmentStorage>({ id: 'users.attachmentStorage' }),
};
