import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from '../errors/domain-errors.js';
import { defaultRestError } from './default-rest-errors.js';
import { RestError } from './rest-error.js';

const answer = (error: unknown) => {
  const rest = defaultRestError(error);
  return { status: rest.status, errors: rest.errors };
};

describe("the REST kit's reading of domain errors", () => {
  it('gives a ValidationError one INVALID_REQUEST entry per field, with the field in the message', () => {
    expect(
      answer(
        new ValidationError([
          { field: 'last_name', message: 'is required' },
          { field: '', message: 'nothing to change' },
        ]),
      ),
    ).toEqual({
      status: 400,
      errors: [
        { errorCode: 'INVALID_REQUEST', errorMessage: 'last_name: is required' },
        { errorCode: 'INVALID_REQUEST', errorMessage: 'nothing to change' },
      ],
    });
  });

  it('answers each other kind with its status and the message, a conflict as a bad request as the reference does', () => {
    expect(answer(new NotFoundError('user'))).toEqual({
      status: 404,
      errors: [{ errorCode: 'NOT_FOUND', errorMessage: 'user not found' }],
    });
    expect(answer(new ConflictError('the code is taken'))).toEqual({
      status: 400,
      errors: [{ errorCode: 'INVALID_REQUEST', errorMessage: 'the code is taken' }],
    });
    expect(answer(new UnauthorizedError('sign in first'))).toMatchObject({
      status: 401,
      errors: [{ errorCode: 'UNAUTHORIZED' }],
    });
    expect(answer(new ForbiddenError('no'))).toMatchObject({ status: 403, errors: [{ errorCode: 'UNAUTHORIZED' }] });
    expect(answer(new PayloadTooLargeError('big'))).toMatchObject({ status: 413 });
    expect(answer(new TooManyRequestsError('slow down'))).toMatchObject({ status: 429 });
  });

  it('passes a RestError through and hides anything else as an internal error', () => {
    const rest = RestError.of(418, 'TEAPOT', 'short and stout');
    expect(defaultRestError(rest)).toBe(rest);
    expect(answer(new Error('connection refused to 10.0.0.5'))).toEqual({
      status: 500,
      errors: [{ errorCode: 'INTERNAL_SERVER_ERROR', errorMessage: 'internal error' }],
    });
  });
});
