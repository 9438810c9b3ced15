import { z } from 'zod';
import { MAX_IDENTIFIER_LENGTH, PRIMARY_ID_TYPE } from './identifiers.js';
import type { UserDto } from './user.dto.js';
import type { UserService } from './user-service.js';

/** `user_id_type` that matches the primary identifier or any other identifier (the reference's default). */
export const ALL_UNIQUE = 'all_unique';
const PRIMARY = 'primary_id';

/** The reference's codes for a `{user_id}` that names no user. */
export const almaUserNotFoundCodes = { any: '401861', ofType: '401890' } as const;

/** `{user_id}` in an Alma-format path: a primary identifier or another identifier, of any length one may have. */
export const userPathParams = z.object({
  user_id: z
    .string()
    .min(1)
    .max(MAX_IDENTIFIER_LENGTH)
    .describe('primary identifier, or another identifier (see user_id_type)'),
});

/** Which identifier `{user_id}` is. */
export const userIdType = z
  .string()
  .min(1)
  .default(ALL_UNIQUE)
  .describe('all_unique (primary identifier or any identifier, the default), primary_id, or an identifier type code');

/** Whether the identifier a user was found by is of the `user_id_type` asked for. */
export const heldAsAccepted = (idType: string, heldAs: string): boolean =>
  idType === ALL_UNIQUE || (idType === PRIMARY ? heldAs === PRIMARY_ID_TYPE : heldAs === idType);

/** Whether `{user_id}` may name a user at all: an identifier is neither blank nor longer than one can be. */
export const searchableUserId = (id: string) => id.trim() !== '' && id.length <= MAX_IDENTIFIER_LENGTH;

/** The user `{user_id}` names with `user_id_type`, or null; what every Alma-format route under `/users/{user_id}` uses. */
export async function findUserByAlmaId(
  users: Pick<UserService, 'findByIdentifier'>,
  institutionId: string,
  id: string,
  idType = ALL_UNIQUE,
): Promise<UserDto | null> {
  const found = searchableUserId(id) ? await users.findByIdentifier(institutionId, id) : null;
  return found && heldAsAccepted(idType, found.heldAs) ? found.user : null;
}

/** The reference's answer to a `{user_id}` that names no user: its code and message. */
export function almaUserNotFound(id: string, idType = ALL_UNIQUE): { errorCode: string; errorMessage: string } {
  return idType === ALL_UNIQUE
    ? { errorCode: almaUserNotFoundCodes.any, errorMessage: `User with identifier ${id} was not found.` }
    : {
        errorCode: almaUserNotFoundCodes.ofType,
        errorMessage: `User with identifier ${id} of type ${idType} was not found.`,
      };
}
