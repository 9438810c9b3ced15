import type { UserChangeActor } from './service-callers.js';
import type { DeleteUserResult } from './user-parts.schema.js';

/** Deleting users: every guard is asked, and the answer lists every reason that stops it. */
export interface UserDeletionService {
  reasons(institutionId: string, userIds: readonly string[]): Promise<Map<string, string[]>>;
  delete(by: UserChangeActor, userId: string): Promise<DeleteUserResult>;
  /** Deletes the given users that no guard protects (a purge); returns who was deleted and who skipped. */
  deleteUnguarded(
    by: UserChangeActor,
    userIds: readonly string[],
  ): Promise<{ deleted: string[]; skipped: Map<string, string[]> }>;
}
