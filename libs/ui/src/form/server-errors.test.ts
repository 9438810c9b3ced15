import { describe, expect, it } from 'vitest';
import { flatFieldErrors, setServerErrors } from './server-errors.js';

const serverError = {
  message: 'Invalid input',
  data: {
    code: 'BAD_REQUEST',
    fieldErrors: [
      { field: 'firstName', message: 'is required' },
      { field: 'emails.1.emailAddress', message: 'is not an email address' },
    ],
  },
};

describe('setServerErrors', () => {
  it('sets every field error under its path', () => {
    const set: Record<string, string> = {};
    setServerErrors((name, error) => (set[name] = error.message ?? ''), serverError);
    expect(set).toEqual({ firstName: 'is required', 'emails.1.emailAddress': 'is not an email address' });
  });

  it('with a prefix, sets only the errors under it, without the prefix', () => {
    const set: Record<string, string> = {};
    setServerErrors((name, error) => (set[name] = error.message ?? ''), serverError, 'emails.1.');
    expect(set).toEqual({ emailAddress: 'is not an email address' });
  });
});

describe('flatFieldErrors', () => {
  it('lists nested messages by their path', () => {
    expect(
      flatFieldErrors({
        firstName: { type: 'server', message: 'is required' },
        emails: [{ emailAddress: { type: 'invalid_format', message: 'is not an email address' } }],
      } as never),
    ).toEqual({ firstName: 'is required', 'emails.0.emailAddress': 'is not an email address' });
  });
});
