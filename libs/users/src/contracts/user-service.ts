import type { PartsViewer, UserChangeActor } from './service-callers.js';
import type { SaveUserResult, UserDto } from './user.dto.js';
import type { NoteDto, StatisticDto, UserPartsReplacement } from './user-parts.schema.js';
import type { CreateUserInput, UpdateUserInput } from './user.schema.js';
import type { AddRoleInput, RecalculateRolesInput, RemoveRoleInput, UpdateRoleInput } from './user-roles.schema.js';

/** The user record: read, create and edit with every rule of the reference and the institution. */
export interface UserService {
  get(institutionId: string, id: string): Promise<UserDto>;
  /**
   * The users of the institution among `ids` (at most 1,000), in the order asked, in one statement; ids it has no
   * user for are left out. For a page's worth of users, where `get` would read them one by one.
   */
  getMany(institutionId: string, ids: readonly string[]): Promise<UserDto[]>;
  /** Throws the NotFoundError `get` throws when the institution has no user `id`; reads nothing of the record. */
  requireExisting(institutionId: string, id: string): Promise<void>;
  /** The user holding `identifier` as primary identifier (held as type PRIMARY) or another identifier, case-insensitive. */
  findByIdentifier(institutionId: string, identifier: string): Promise<{ heldAs: string; user: UserDto } | null>;
  /** The same with the notes and statistics `viewer` may see, in one statement (the REST API's full user). */
  findDocumentByIdentifier(
    viewer: PartsViewer,
    identifier: string,
  ): Promise<{
    heldAs: string;
    user: UserDto;
    notes: NoteDto[];
    statistics: StatisticDto[];
  } | null>;
  /** Creates a user; `options.parts` gives its notes and statistics in the same transaction. */
  create(
    by: UserChangeActor,
    input: CreateUserInput,
    options?: { parts?: UserPartsReplacement },
  ): Promise<SaveUserResult>;
  /**
   * Saves a user's record; `options.parts` replaces its notes and statistics in the same transaction. The
   * account type changes only with `options.accountTypeChange` (the caller has checked the toggle permission);
   * the role assignment rules apply again only with `options.recalculateRoles`.
   */
  update(
    by: UserChangeActor,
    input: UpdateUserInput,
    options?: { parts?: UserPartsReplacement; accountTypeChange?: boolean; recalculateRoles?: boolean },
  ): Promise<SaveUserResult>;
  /** Moves the last-updated date and actor, as adding a note or block does (the reference's rule). */
  markUpdated(
    by: UserChangeActor,
    userId: string,
    history?: {
      field: string;
      oldValue: string | null;
      newValue: string | null;
    },
  ): Promise<void>;
  /** Drops a local override of an external user and restores the value the SIS sent. */
  revertOverride(by: UserChangeActor, userId: string, field: string): Promise<UserDto>;
  /** Internal → External (owner SIS_temp, identifiers external) or External → Internal (data kept as internal). */
  toggleAccountType(by: UserChangeActor, userId: string): Promise<UserDto>;
  /** Adds one role; the caller grants only roles whose permissions they hold. */
  addRole(by: UserChangeActor, input: AddRoleInput): Promise<UserDto>;
  /** Changes one role's scope, status and expiry date. */
  updateRole(by: UserChangeActor, input: UpdateRoleInput): Promise<UserDto>;
  /** Removes one role; the institution's last administrator's role cannot go. */
  removeRole(by: UserChangeActor, input: RemoveRoleInput): Promise<UserDto>;
  /** Applies the institution's role assignment rules to the user again. */
  recalculateRoles(by: UserChangeActor, input: RecalculateRolesInput): Promise<UserDto>;
  /** What the sis module calls for each user it loads: the SIS record, except what staff overrode. */
  applySisRecord(by: UserChangeActor, userId: string, incoming: CreateUserInput): Promise<UserDto>;
}
