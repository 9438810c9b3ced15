import { type InstitutionRef, RestError, type ServiceContainer } from '@ulms/platform';
import { MAX_IDENTIFIER_LENGTH } from '../contracts/identifiers.js';
import type { UserDto } from '../contracts/user.dto.js';
import { PRIMARY_ID_TYPE } from '../server/user-record.mapper.js';
import type { PartsViewer } from '../contracts/service-callers.js';
import { usersServices } from '../server/users-services.js';
import { almaErrorCodes } from './alma-error-codes.js';

/** `user_id_type` that matches the primary identifier or any other identifier (the reference's default). */
export const ALL_UNIQUE = 'all_unique';
const PRIMARY = 'primary_id';

const accepts = (idType: string, held: string): boolean =>
  idType === ALL_UNIQUE || (idType === PRIMARY ? held === PRIMARY_ID_TYPE : held === idType);

const searchable = (id: string) => id.trim() !== '' && id.length <= MAX_IDENTIFIER_LENGTH;

const notFound = (id: string, idType: string) =>
  idType === ALL_UNIQUE
    ? RestError.of(404, almaErrorCodes.userNotFound, `User with identifier ${id} was not found.`)
    : RestError.of(
        404,
        almaErrorCodes.userOfTypeNotFound,
        `User with identifier ${id} of type ${idType} was not found.`,
      );

/** The user an `{user_id}` path names: by primary identifier or another identifier (of `idType`), case-insensitive and normalised as stored. */
export async function findAlmaUser(
  services: ServiceContainer,
  institution: InstitutionRef,
  id: string,
  idType = ALL_UNIQUE,
): Promise<UserDto> {
  const found = searchable(id) ? await services.get(usersServices.users).findByIdentifier(institution.id, id) : null;
  if (found && accepts(idType, found.heldAs)) return found.user;
  throw notFound(id, idType);
}

/** The same user with the notes and statistics the caller may see (the full `GET /users/{user_id}`). */
export async function findAlmaDocument(
  services: ServiceContainer,
  viewer: PartsViewer,
  id: string,
  idType = ALL_UNIQUE,
) {
  const found = searchable(id) ? await services.get(usersServices.users).findDocumentByIdentifier(viewer, id) : null;
  if (found && accepts(idType, found.heldAs)) return found;
  throw notFound(id, idType);
}
