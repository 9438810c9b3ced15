import type { UsersInstitutionRef } from './service-callers.js';
import type { UserListPage, UserSummary } from './user.dto.js';
import type { FindUsersInput, SearchUsersInput } from './user.schema.js';

/** Find and Manage Users: search, tabs, filters, sorting, paging, and other modules' columns. */
export interface UserSearchService {
  search(institution: UsersInstitutionRef, input: SearchUsersInput): Promise<UserListPage>;
  /** Every user the search finds, id and primary identifier only (for jobs). */
  matching(institution: UsersInstitutionRef, input: SearchUsersInput): Promise<{ id: string; primaryId: string }[]>;
  /** One window of the users matching every field condition (the REST API's `q`), with the exact total. */
  find(institution: UsersInstitutionRef, input: FindUsersInput): Promise<{ total: number; ids: string[] }>;
  /**
   * The list row of each of `ids` (at most 1,000; the record's own columns, none of its lists) in the order asked, in
   * one prepared statement; ids the institution has no user for are left out. For a page's worth of users judged
   * on their group, type, status or dates (automatic-block rules), where `UserService.getMany` reads whole records.
   */
  summaries(institutionId: string, ids: readonly string[]): Promise<UserSummary[]>;
  /**
   * The users holding each of `primaryIds` (at most 5,000) as their primary identifier, case-insensitive, in one
   * statement: keyed by `identifierKey(primaryId)`; identifiers no user holds are absent.
   */
  idsByPrimaryId(institutionId: string, primaryIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}
