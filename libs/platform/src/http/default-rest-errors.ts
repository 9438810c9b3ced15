import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { NotFoundError, ValidationError } from '../errors/domain-errors.js';
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

/** The kit's reading of the kernel's domain errors; anything else is an internal error. */
export function defaultRestError(error: unknown): RestError {
  if (error instanceof RestError) return error;
  if (error instanceof ValidationError) {
    return new RestError(
      400,
      error.fieldErrors.map((e) => ({ errorCode: codes.invalidRequest, errorMessage: describe(e.field, e.message) })),
    );
  }
  if (error instanceof NotFoundError) return RestError.of(404, codes.notFound, error.message);
  if (error instanceof TRPCError && (error.code === 'CONFLICT' || error.code === 'BAD_REQUEST')) {
    return RestError.of(400, codes.invalidRequest, error.message);
  }
  return RestError.of(500, codes.internal, 'internal error');
}
