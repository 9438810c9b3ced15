import { TRPCError } from '@trpc/server';

import type { FieldError } from '../contracts/field-error.js';

export type { FieldError };

/** Bad input: every broken rule with its field, so a form can show each message in place. */
export class ValidationError extends TRPCError {
  constructor(readonly fieldErrors: readonly FieldError[]) {
    super({
      code: 'BAD_REQUEST',
      message: fieldErrors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '),
    });
    this.name = 'ValidationError';
  }

  static of(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

/** The thing asked for does not exist in the caller's institution. */
export class NotFoundError extends TRPCError {
  constructor(what: string) {
    super({ code: 'NOT_FOUND', message: `${what} not found` });
    this.name = 'NotFoundError';
  }
}

/** The change conflicts with the current state (a duplicate, a dependency, a running job). */
export class ConflictError extends TRPCError {
  constructor(message: string) {
    super({ code: 'CONFLICT', message });
    this.name = 'ConflictError';
  }
}
