import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userDtoToFields } from '../contracts/user-fields.js';
import type { UserDto } from '../contracts/user.dto.js';
import { type AlmaTestServer, startAlmaTestServer } from './alma-test-server.js';

// Two people read a user, then each saves a different field: the second save, made over a version it did
// not read, is refused instead of silently undoing the first.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: AlmaTestServer;

async function newUser(primaryId: string): Promise<UserDto> {
  const created = await server.api.caller.users.create({
    recordType: 'PUBLIC',
    primaryId,
    firstName: 'Ada',
    lastName: 'Lovelace',
    userGroup: 'UG',
    confirmDuplicate: true,
  });
  if (created.status !== 'saved') throw new Error('not saved');
  return created.user;
}

async function rest(method: string, path: string, options: { body?: unknown; ifMatch?: string } = {}) {
  const response = await fetch(`${server.base}${path}`, {
    method,
    headers: {
      authorization: `apikey ${server.key}`,
      ...(options.body ? { 'content-type': 'application/json' } : {}),
      ...(options.ifMatch ? { 'if-match': options.ifMatch } : {}),
    },
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    json: (await response.json()) as Json,
  };
}

beforeAll(async () => {
  server = await startAlmaTestServer();
  await server.api.caller.users.codeTables.save({
    table: 'USER_GROUP',
    code: 'UG',
    description: 'Undergraduates',
  });
});
afterAll(() => server.close());

describe('the admin app’s update', () => {
  it('refuses a save over a version the caller did not read, and keeps the first change', async () => {
    const read = await newUser('version-1');
    const [first, second] = [userDtoToFields(read), userDtoToFields(read)];
    const saved = await server.api.caller.users.update({
      ...first,
      firstName: 'Augusta',
      id: read.id,
      version: read.version,
    });
    expect(saved.status === 'saved' && saved.user.version).toBe(read.version + 1);

    const stale = await server.api.caller.users
      .update({
        ...second,
        lastName: 'King',
        id: read.id,
        version: read.version,
      })
      .catch((e: unknown) => e);
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      message: 'the user was changed by someone else since you opened it; reload it and make your change again',
    });
    expect(await server.api.caller.users.get({ id: read.id })).toMatchObject({
      firstName: 'Augusta',
      lastName: 'Lovelace',
      version: read.version + 1,
    });
  });

  it('lets exactly one of two simultaneous saves of the same version through', async () => {
    const read = await newUser('version-2');
    const outcomes = await Promise.allSettled(
      ['First', 'Second'].map((firstName) =>
        server.api.caller.users.update({
          ...userDtoToFields(read),
          firstName,
          id: read.id,
          version: read.version,
        }),
      ),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await server.api.caller.users.get({ id: read.id })).version).toBe(read.version + 1);
  });
});

describe('REST PUT with If-Match', () => {
  it('sends the version as an ETag, takes a PUT over it, and refuses one over an older version with 412', async () => {
    await newUser('version-3');
    const read = await rest('GET', '/users/version-3');
    expect(read.etag).toMatch(/^"\d+"$/);

    const first = await rest('PUT', '/users/version-3', {
      body: { ...read.json, first_name: 'Augusta' },
      ifMatch: read.etag ?? '',
    });
    expect(first.status).toBe(200);
    expect(first.etag).not.toBe(read.etag);

    const second = await rest('PUT', '/users/version-3', {
      body: { ...read.json, last_name: 'King' },
      ifMatch: read.etag ?? '',
    });
    expect(second.status).toBe(412);
    expect(second.json['errorList']['error'][0]).toMatchObject({
      errorCode: 'PRECONDITION_FAILED',
    });
    expect((await rest('GET', '/users/version-3')).json).toMatchObject({
      first_name: 'Augusta',
      last_name: 'Lovelace',
    });

    // Without If-Match the last save wins, as the reference's clients expect.
    const blind = await rest('PUT', '/users/version-3', {
      body: { ...read.json, last_name: 'King' },
    });
    expect(blind.status).toBe(200);
    expect(blind.json['last_name']).toBe('King');
  });
});
