import { describe, expect, it } from 'vitest';
import { configFieldErrors } from './config-field-errors.js';

describe('configFieldErrors', () => {
  it('strips the input prefix from server field paths', () => {
    expect(configFieldErrors({ 'config.maxLoans': 'must be at least 1', debtLimit: 'is required' })).toEqual({
      maxLoans: 'must be at least 1',
      debtLimit: 'is required',
    });
  });

  it('keeps the path of a nested setting, which the form places under its field', () => {
    expect(configFieldErrors({ 'config.oidc.issuer': 'must use https://' })).toEqual({
      'oidc.issuer': 'must use https://',
    });
  });
});
