import { describe, expect, it } from 'vitest';
import { errorCodeOf, fieldErrorsOf, formMessageOf } from './field-errors.js';

const validationError = {
  message: 'name: is required',
  data: {
    code: 'BAD_REQUEST',
    fieldErrors: [
      { field: 'name', message: 'is required' },
      { field: 'name', message: 'is too short' },
      { field: 'permissions', message: 'give permissions or a role' },
    ],
  },
};

describe('fieldErrorsOf', () => {
  it('keeps the first message of each field', () => {
    expect(fieldErrorsOf(validationError)).toEqual({
      name: 'is required',
      permissions: 'give permissions or a role',
    });
  });

  it('gives nothing for errors without field errors or for non-errors', () => {
    expect(fieldErrorsOf({ message: 'x', data: { code: 'FORBIDDEN', fieldErrors: undefined } })).toEqual({});
    expect(fieldErrorsOf(undefined)).toEqual({});
    expect(fieldErrorsOf('boom')).toEqual({});
  });
});

describe('errorCodeOf', () => {
  it('reads the tRPC code', () => {
    expect(errorCodeOf(validationError)).toBe('BAD_REQUEST');
    expect(errorCodeOf(new Error('network'))).toBeUndefined();
  });
});

describe('formMessageOf', () => {
  it('stays silent when every field error has a field on the form', () => {
    expect(formMessageOf(validationError, ['name', 'permissions'])).toBeNull();
  });

  it('shows the server message when a field error has nowhere to go', () => {
    expect(formMessageOf(validationError, ['name'])).toBe('name: is required');
  });

  it('shows the server message for errors without fields', () => {
    expect(formMessageOf({ message: 'sign-in failed', data: { code: 'UNAUTHORIZED' } }, [])).toBe('sign-in failed');
    expect(formMessageOf(null, [])).toBeNull();
  });
});
