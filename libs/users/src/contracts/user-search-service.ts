import type { UsersInstitutionRef } from './service-callers.js';
import type { UserListPage } from './user.dto.js';
import type { FindUsersInput, SearchUsersInput } from './user.schema.js';

/** Find and Manage Users: search, tabs, filters, sorting, paging, and other modules' columns. */
export interface UserSearchService {
  search(institution: UsersInstitutionRef, input: SearchUsersInput): Promise<UserListPage>;
  /** Every user the search finds, id and primary identifier only (for jobs). */
  matching(institution: UsersInstitutionRef, input: SearchUsersInput): Promise<{ id: string; primaryId: string }[]>;
  /** One window of the users matching every field condition (the REST API's `q`), with the exact total. */
  find(institution: UsersInstitutionRef, input: FindUsersInput): Promise<{ total: number; ids: string[] }>;
}
