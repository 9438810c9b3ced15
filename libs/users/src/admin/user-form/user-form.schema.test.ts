import { describe, expect, it } from 'vitest';
import {
  emptyEmail,
  emptyQuickAdd,
  generalFormSchema,
  generalFormValuesOf,
  generalInputOf,
  identifierFormSchemaFor,
  quickAddFormSchema,
} from './user-form.schema.js';

const issuesOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('the General information form, checked with the server’s schema', () => {
  it('sends empty inputs as none, leaves an empty PIN and password out, and drops the confirmation', () => {
    const values = { ...generalFormValuesOf(null, 'PUBLIC'), firstName: ' Ada ', lastName: 'Byron', birthDate: '' };
    const parsed = generalFormSchema.parse(values);
    const input = generalInputOf(parsed);
    expect(input).toMatchObject({
      firstName: 'Ada',
      lastName: 'Byron',
      birthDate: null,
      gender: null,
      recordType: 'PUBLIC',
    });
    expect(input).not.toHaveProperty('passwordVerify');
    expect(input.pinNumber).toBeUndefined();
    expect(input.password).toBeUndefined();
  });

  it('reports the server’s messages and the password pair under their fields', () => {
    const values = {
      ...generalFormValuesOf(null, 'PUBLIC'),
      webSiteUrl: 'not a url',
      pinNumber: '12',
      birthDate: '2026-02-30',
    };
    expect(issuesOf(generalFormSchema.safeParse(values))).toEqual({
      webSiteUrl: 'is not a web address such as https://example.org',
      pinNumber: 'must be four digits',
      birthDate: 'is not a real date (years 0001 to 9999)',
    });
    const mismatch = { ...generalFormValuesOf(null, 'PUBLIC'), password: 'secret-one', passwordVerify: 'secret-two' };
    expect(issuesOf(generalFormSchema.safeParse(mismatch))).toEqual({ passwordVerify: 'does not match the password' });
  });
});

describe('Add user', () => {
  it('sends an entry only when filled in or required, and checks an email whether or not a type is ticked', () => {
    const schema = quickAddFormSchema(new Set(), 'PUBLIC', undefined);
    const blank = { ...emptyQuickAdd('PUBLIC'), lastName: 'Byron' };
    expect(schema.parse(blank)).toMatchObject({ emails: [], addresses: [], phones: [], identifiers: [] });
    const badEmail = { ...blank, emails: [{ ...emptyEmail(true), emailAddress: 'not-an-email' }] };
    expect(issuesOf(schema.safeParse(badEmail))).toEqual({
      'emails.0.emailAddress': 'is not a valid email address',
      'emails.0.emailTypes': 'choose at least one type',
    });
    const required = quickAddFormSchema(new Set(['phone']), 'PUBLIC', undefined);
    expect(issuesOf(required.safeParse(blank))).toMatchObject({ 'phones.0.phoneNumber': 'is required' });
  });

  it('starts each entry as the preferred one: it is the first of its kind', () => {
    const values = emptyQuickAdd('PUBLIC');
    expect([values.emails[0]?.preferred, values.addresses[0]?.preferred, values.phones[0]?.preferred]).toEqual([
      true,
      true,
      true,
    ]);
    expect(emptyEmail(false).preferred).toBe(false);
  });
});

describe('an identifier of a type with a configured format', () => {
  it('is checked with the institution’s format, such as an ORCID check digit', () => {
    const schema = identifierFormSchemaFor({ ORCID: { checksum: 'orcid' } });
    expect(issuesOf(schema.safeParse({ idType: 'ORCID', value: '0000-0002-1825-0098', note: '' }))).toEqual({
      value: expect.stringMatching(/is not a valid ORCID iD/),
    });
    expect(schema.safeParse({ idType: 'ORCID', value: '0000-0002-1825-0097', note: '' }).success).toBe(true);
    expect(schema.safeParse({ idType: 'BARCODE', value: 'anything', note: '' }).success).toBe(true);
  });
});
