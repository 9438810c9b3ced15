import type { FieldError } from '../contracts/field-error.js';

export type { FieldError };

/**
 * What kind of failure a domain error is. Services say only this; each edge (tRPC, the REST kit, the file
 * routes) turns it into its own status and envelope, so no service depends on a transport.
 */
export type DomainErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHORIZED'
  | 'TOO_MANY_REQUESTS'
  | 'PAYLOAD_TOO_LARGE';

/** A failure the caller can act on, with its kind; anything else that is thrown is an internal error. */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: every broken rule with its field, so a form can show each message in place. */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION';

  constructor(readonly fieldErrors: readonly FieldError[]) {
    super(fieldErrors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '));
  }

  static of(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

/** The thing asked for does not exist in the caller's institution. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(what: string) {
    super(`${what} not found`);
  }
}

/** The change conflicts with the current state (a duplicate, a dependency, a running job). */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

/** The caller is known but may not do this. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

/** The caller is not (or no longer) signed in, or the credentials are wrong. */
export class UnauthorizedError extends DomainError {
  readonly code = 'UNAUTHORIZED';
}

/** Too many attempts (failed sign-ins): try again later. */
export class TooManyRequestsError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
}

/** A file (or body) larger than allowed. */
export class PayloadTooLargeError extends DomainError {
  readonly code = 'PAYLOAD_TOO_LARGE';
}
