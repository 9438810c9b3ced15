import { ZodError } from 'zod';
import { DomainError, type DomainErrorCode, ValidationError } from '../errors/domain-errors.js';
import { RestError, restErrorCodes as codes } from './rest-error.js';

const describe = (field: string, message: string) => (field ? `${field}: ${message}` : message);

/** Input that failed a route's schema, one entry per problem, with the field in the message. */
export function invalidInput(error: ZodError, where: string): RestError {
  return new RestError(
    400,
    error.issues.map((issue) => ({
      errorCode: codes.invalidRequest,
      errorMessage: describe([where, ...issue.path.map(String)].filter(Boolean).join('.'), issue.message),
    })),
  );
}

/**
 * The HTTP status and the envelope's code of each kind of domain error, in the reference's way: a conflict
 * (a duplicate, a dependency) is a bad request (400) there, not a 409.
 */
const restAnswerOf: Record<DomainErrorCode, readonly [status: number, errorCode: string]> = {
  VALIDATION: [400, codes.invalidRequest],
  CONFLICT: [400, codes.invalidRequest],
  NOT_FOUND: [404, codes.notFound],
  UNAUTHORIZED: [401, codes.unauthorized],
  FORBIDDEN: [403, codes.unauthorized],
  PAYLOAD_TOO_LARGE: [413, codes.invalidRequest],
  TOO_MANY_REQUESTS: [429, codes.perSecondThreshold],
};

/**
 * The kit's reading of the kernel's domain errors (the REST edge): a ValidationError gives one entry per field,
 * any other domain error one entry with its message; anything else is an internal error.
 */
export function defaultRestError(error: unknown): RestError {
  if (error instanceof RestError) return error;
  if (error instanceof ValidationError) {
    return new RestError(
      400,
      error.fieldErrors.map((e) => ({ errorCode: codes.invalidRequest, errorMessage: describe(e.field, e.message) })),
    );
  }
  if (error instanceof DomainError) {
    const [status, errorCode] = restAnswerOf[error.code];
    return RestError.of(status, errorCode, error.message);
  }
  return RestError.of(500, codes.internal, 'internal error');
}
