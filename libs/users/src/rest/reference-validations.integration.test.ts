import { fieldErrorsOf } from '@ulms/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateUserInput } from '../contracts/user.schema.js';
import { type AlmaTestServer, startAlmaTestServer } from './alma-test-server.js';

// The validations of the reference that the shared user service runs, so tRPC and REST refuse alike:
// preferred language from the languages table, every email's format, identifier formats per type.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: AlmaTestServer;
let seq = 0;

async function post(body: Json) {
  const response = await fetch(`${server.base}/users`, {
    method: 'POST',
    headers: { authorization: `apikey ${server.key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Json;
  const messages =
    response.status === 200 ? [] : (json['errorList']['error'] as Json[]).map((e) => e['errorMessage'] as string);
  return { status: response.status, messages };
}

const almaUser = (extra: Json = {}): Json => {
  seq += 1;
  return {
    record_type: { value: 'PUBLIC' },
    primary_id: `ref-${seq}`,
    first_name: 'Ada',
    last_name: 'Lovelace',
    user_group: { value: 'UG' },
    ...extra,
  };
};
const person = (extra: Partial<CreateUserInput> = {}): CreateUserInput => {
  seq += 1;
  return {
    recordType: 'PUBLIC',
    primaryId: `trpc-${seq}`,
    firstName: 'Ada',
    lastName: 'Lovelace',
    userGroup: 'UG',
    ...extra,
  };
};
const refusedFields = async (input: CreateUserInput) => {
  try {
    await server.api.caller.users.create(input);
  } catch (error) {
    return Object.fromEntries((fieldErrorsOf(error as never) ?? []).map((e) => [e.field, e.message]));
  }
  throw new Error('saved, but should have been refused');
};
const configure = (config: Json) => server.api.caller.platform.modules.configure({ moduleId: 'users', config });

beforeAll(async () => {
  server = await startAlmaTestServer();
  const save = server.api.caller.users.codeTables.save;
  await save({ table: 'USER_GROUP', code: 'UG', description: 'Undergraduates' });
  for (const code of ['ORCID', 'BARCODE']) await save({ table: 'IDENTIFIER_TYPE', code, description: code });
});
afterAll(() => server.close());

describe('preferred language', () => {
  it('takes any ISO 639 code while the languages table is empty, and refuses what is none', async () => {
    await server.api.caller.users.create(person({ preferredLanguage: 'de' }));
    expect((await refusedFields(person({ preferredLanguage: 'xx' })))['preferredLanguage']).toBe(
      '"xx" is not a language of this institution',
    );
    const rest = await post(almaUser({ preferred_language: { value: 'xx' } }));
    expect(rest.status).toBe(400);
    expect(rest.messages).toContain('preferred_language: "xx" is not a language of this institution');
  });

  it("must be a code of the institution's languages table once it has one", async () => {
    await server.api.caller.users.codeTables.save({ table: 'LANGUAGE', code: 'en', description: 'English' });
    try {
      await server.api.caller.users.create(person({ preferredLanguage: 'en' }));
      expect((await refusedFields(person({ preferredLanguage: 'de' })))['preferredLanguage']).toBe(
        '"de" is not a language of this institution',
      );
      expect((await post(almaUser({ preferred_language: { value: 'en' } }))).status).toBe(200);
      expect((await post(almaUser({ preferred_language: { value: 'de' } }))).messages).toContain(
        'preferred_language: "de" is not a language of this institution',
      );
    } finally {
      await server.api.caller.users.codeTables.remove({ table: 'LANGUAGE', code: 'en' });
    }
  });
});

describe('email format', () => {
  it('is checked for every email, whether or not a type is ticked', async () => {
    const errors = await refusedFields(
      person({
        emails: [
          { emailAddress: 'not-an-email', emailTypes: [], preferred: true },
          { emailAddress: 'also not', emailTypes: ['personal'], preferred: false },
        ],
      }),
    );
    expect(errors['emails.0.emailAddress']).toBe('is not a valid email address');
    expect(errors['emails.1.emailAddress']).toBe('is not a valid email address');
    const rest = await post(
      almaUser({ contact_info: { email: [{ email_address: 'not-an-email', email_type: [], preferred: true }] } }),
    );
    expect(rest.status).toBe(400);
    expect(rest.messages).toContain('contact_info.email[0].email_address: is not a valid email address');
  });

  it("is checked even when the institution's own pattern would let anything through", async () => {
    await configure({ emailRegex: '.*' });
    try {
      const errors = await refusedFields(
        person({ emails: [{ emailAddress: 'nobody', emailTypes: [], preferred: true }] }),
      );
      expect(errors['emails.0.emailAddress']).toBe('is not a valid email address');
    } finally {
      await configure({});
    }
  });
});

describe('identifier formats per type', () => {
  const orcid = (value: string) => [{ idType: 'ORCID', value, segmentType: 'INTERNAL' as const }];

  it('checks the ORCID check digit where the institution asks for it, and only there', async () => {
    await server.api.caller.users.create(person({ identifiers: orcid('0000-0002-1825-0098') }));
    await configure({ identifierFormats: { ORCID: { checksum: 'orcid' } } });
    try {
      await server.api.caller.users.create(person({ identifiers: orcid('0000-0002-1825-0097') }));
      expect(
        (await refusedFields(person({ identifiers: orcid('0000-0002-1825-0096') })))['identifiers.0.value'],
      ).toMatch(/is not a valid ORCID iD/);
      const rest = await post(
        almaUser({
          user_identifier: [{ id_type: { value: 'ORCID' }, value: '0000-0002-1825-0096', segment_type: 'Internal' }],
        }),
      );
      expect(rest.status).toBe(400);
      expect(rest.messages.some((m) => /^user_identifier\[0\]\.value: is not a valid ORCID iD/.test(m))).toBe(true);
    } finally {
      await configure({});
    }
  });

  it('applies a pattern per type', async () => {
    await configure({ identifierFormats: { BARCODE: { pattern: '^B\\d{5}$' } } });
    try {
      await server.api.caller.users.create(
        person({ identifiers: [{ idType: 'BARCODE', value: 'B12345', segmentType: 'INTERNAL' }] }),
      );
      const errors = await refusedFields(
        person({ identifiers: [{ idType: 'BARCODE', value: '12345', segmentType: 'INTERNAL' }] }),
      );
      expect(errors['identifiers.0.value']).toBe(
        'does not have the format this institution requires for this identifier type',
      );
    } finally {
      await configure({});
    }
  });

  it('refuses a configuration whose pattern could backtrack, by name', async () => {
    await expect(configure({ identifierFormats: { BARCODE: { pattern: '^(a+)\\1$' } } })).rejects.toSatisfy((error) =>
      (fieldErrorsOf(error as never) ?? []).some((e) => e.field === 'config.identifierFormats.BARCODE.pattern'),
    );
    await expect(configure({ identifierFormats: { BARCODE: { checksum: 'luhn' } } })).rejects.toThrow();
  });
});
