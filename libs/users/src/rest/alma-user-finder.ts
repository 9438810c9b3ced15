import { type InstitutionRef, RestError, type ServiceContainer } from '@ulms/platform';
import type { UserDto } from '../contracts/user.dto.js';
import { usersServices } from '../server/users-services.js';
import { almaErrorCodes } from './alma-error-codes.js';

/** `user_id_type` that matches the primary identifier or any other identifier (the reference's default). */
export const ALL_UNIQUE = 'all_unique';
const PRIMARY = 'primary_id';
const MAX_IDENTIFIER_LENGTH = 200;

const holds = (user: UserDto, id: string, idType: string): boolean => {
  const key = id.toLowerCase();
  const isPrimary = user.primaryId.toLowerCase() === key;
  if (idType === PRIMARY) return isPrimary;
  const byIdentifier = user.identifiers.some((i) => i.value.toLowerCase() === key && (idType === ALL_UNIQUE || i.idType === idType));
  return byIdentifier || (idType === ALL_UNIQUE && isPrimary);
};

/** The user an `{user_id}` path names: by primary identifier or another identifier (of `idType`), case-insensitive. */
export async function findAlmaUser(services: ServiceContainer, institution: InstitutionRef, id: string, idType = ALL_UNIQUE): Promise<UserDto> {
  const candidates =
    id.trim() === '' || id.length > MAX_IDENTIFIER_LENGTH
      ? []
      : await services.get(usersServices.search).matching(institution, { query: id, searchBy: 'identifier' });
  for (const candidate of candidates) {
    const user = await services.get(usersServices.users).get(institution.id, candidate.id);
    if (holds(user, id, idType)) return user;
  }
  throw idType === ALL_UNIQUE
    ? RestError.of(404, almaErrorCodes.userNotFound, `User with identifier ${id} was not found.`)
    : RestError.of(404, almaErrorCodes.userOfTypeNotFound, `User with identifier ${id} of type ${idType} was not found.`);
}
