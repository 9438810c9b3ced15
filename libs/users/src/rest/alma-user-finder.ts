import { type InstitutionRef, RestError, type ServiceContainer } from '@ulms/platform';
import {
  ALL_UNIQUE,
  almaUserNotFound,
  findUserByAlmaId,
  heldAsAccepted,
  searchableUserId,
} from '../contracts/alma-user-id.js';
import type { UserDto } from '../contracts/user.dto.js';
import type { PartsViewer } from '../contracts/service-callers.js';
import { usersServices } from '../server/users-services.js';

const notFound = (id: string, idType: string) => {
  const { errorCode, errorMessage } = almaUserNotFound(id, idType);
  return RestError.of(404, errorCode, errorMessage);
};

/** The user an `{user_id}` path names: by primary identifier or another identifier (of `idType`), case-insensitive and normalised as stored. */
export async function findAlmaUser(
  services: ServiceContainer,
  institution: InstitutionRef,
  id: string,
  idType = ALL_UNIQUE,
): Promise<UserDto> {
  const user = await findUserByAlmaId(services.get(usersServices.users), institution.id, id, idType);
  if (user) return user;
  throw notFound(id, idType);
}

/** The same user with the notes and statistics the caller may see (the full `GET /users/{user_id}`). */
export async function findAlmaDocument(
  services: ServiceContainer,
  viewer: PartsViewer,
  id: string,
  idType = ALL_UNIQUE,
) {
  const found = searchableUserId(id)
    ? await services.get(usersServices.users).findDocumentByIdentifier(viewer, id)
    : null;
  if (found && heldAsAccepted(idType, found.heldAs)) return found;
  throw notFound(id, idType);
}
