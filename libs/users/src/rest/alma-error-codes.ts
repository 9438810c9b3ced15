import {
  ConflictError,
  NotFoundError,
  RestError,
  type RestErrorEntry,
  restErrorCodes,
  ValidationError,
} from '@ulms/platform';
import type { FieldError } from '@ulms/platform/contracts';
import { almaUserNotFoundCodes } from '../contracts/alma-user-id.js';
import { StaleVersionError } from '../server/user.service.js';
import { almaFieldPath } from './alma-field-names.js';
import { stale } from './alma-versions.js';

/** The reference's error codes for the Users API. */
export const almaErrorCodes = {
  identifierExists: '401851',
  mandatoryFieldMissing: '401664',
  illegalUserGroup: '401852',
  userNotFound: almaUserNotFoundCodes.any,
  accountType: '401857',
  externalIdMustBeEmpty: '401853',
  externalIdMandatory: '401854',
  passwordPolicy: '500038',
  failedToDelete: '401850',
} as const;

const detail = (e: FieldError) => (e.field ? `${almaFieldPath(e.field)}: ${e.message}` : e.message);

/** The reference's code for one field-level error of ours; the generic code when none matches. */
function entryOf(e: FieldError): RestErrorEntry {
  const code = (errorCode: string, prefix: string) => ({
    errorCode,
    errorMessage: `${prefix} (${detail(e)})`,
  });
  if (/^(primaryId|identifiers\.\d+\.value)$/.test(e.field) && /already exists/.test(e.message)) {
    return code(almaErrorCodes.identifierExists, 'User with identifier already exists.');
  }
  if (e.field === 'externalId' && /must be empty/.test(e.message))
    return code(almaErrorCodes.externalIdMustBeEmpty, 'External id must be empty for an internal user.');
  if (e.field === 'externalId' && /is mandatory/.test(e.message))
    return code(almaErrorCodes.externalIdMandatory, 'External id is mandatory for an external user.');
  if (/^(is required|at least one is required\b.*)$/.test(e.message))
    return code(almaErrorCodes.mandatoryFieldMissing, 'Mandatory field is missing.');
  if (e.field === 'userGroup') return code(almaErrorCodes.illegalUserGroup, 'Given user group is not legal.');
  if (e.field === 'accountType') return code(almaErrorCodes.accountType, 'Account type is not legal.');
  if (e.field === 'password')
    return code(almaErrorCodes.passwordPolicy, 'The password does not meet the password policy.');
  return { errorCode: restErrorCodes.invalidRequest, errorMessage: detail(e) };
}

/** How the users module's errors read in the reference's envelope; undefined leaves the rest to the kit. */
export function almaUsersError(error: unknown): RestError | undefined {
  if (error instanceof ValidationError) return new RestError(400, error.fieldErrors.map(entryOf));
  if (error instanceof StaleVersionError) return stale();
  if (error instanceof NotFoundError && error.message === 'user not found') {
    return RestError.of(404, almaErrorCodes.userNotFound, 'User was not found.');
  }
  if (error instanceof ConflictError && /identifiers/.test(error.message)) {
    return RestError.of(
      400,
      almaErrorCodes.identifierExists,
      `User with identifier already exists. (${error.message})`,
    );
  }
  return undefined;
}
