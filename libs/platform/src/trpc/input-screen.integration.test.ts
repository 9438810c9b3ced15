import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transformer } from '../contracts/transformer.js';
import { startTestApi, type TestApi } from '../testing/start-test-api.js';
import { describeProcedureGuards } from './guards.js';
import { fieldErrorsOf } from './trpc.js';

let api: TestApi<[]>;

beforeAll(async () => {
  api = await startTestApi({ plugins: [] });
});
afterAll(() => api.close());

/** The error a call fails with. */
async function failure(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe('the input screen of every tRPC procedure', () => {
  it('refuses a control character with a field error naming the input path, before the procedure runs', async () => {
    const error = await failure(
      api.caller.platform.libraries.create({
        code: `LIB${randomUUID().slice(0, 4)}`,
        name: 'Main\u0001Library',
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(error)).toEqual([
      {
        field: 'name',
        message: 'contains a control character (U+0001) that is not allowed',
      },
    ]);
    const libraries = await api.caller.platform.libraries.list();
    expect(libraries.map((l) => l.name)).not.toContain('Main\u0001Library');
  });

  it('looks into nested input the procedure passes on as it is, and names NUL, noncharacters and lone surrogates', async () => {
    const error = await failure(
      api.caller.platform.modules.configure({
        moduleId: 'platform',
        config: {
          rules: [{ label: 'ok' }, { label: 'a\u0000' }],
          title: '\uFFFE',
          note: 'x\uDC00',
        },
      }),
    );
    expect(fieldErrorsOf(error)).toEqual([
      {
        field: 'config.rules.1.label',
        message: 'contains a control character (U+0000) that is not allowed',
      },
      {
        field: 'config.title',
        message: 'contains a noncharacter (U+FFFE) that is not allowed',
      },
      {
        field: 'config.note',
        message: 'contains an unpaired surrogate (U+DC00) that is not allowed',
      },
    ]);
  });

  it('screens public procedures too, before anything else (sign-in answers with the field, not a failed sign-in)', async () => {
    const error = await failure(
      api.anonymousCaller().auth.signIn({
        institution: api.institution.code,
        username: 'admin\u001B',
        password: 'whatever',
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(error)).toEqual([
      {
        field: 'username',
        message: 'contains a control character (U+001B) that is not allowed',
      },
    ]);
  });

  it('lets tab, line breaks and astral characters through to the procedure', async () => {
    const code = `LIB${randomUUID().slice(0, 4)}`;
    await api.caller.platform.libraries.create({
      code,
      name: 'Main\tLibrary \u{1F4DA}',
    });
    const libraries = await api.caller.platform.libraries.list();
    expect(libraries.find((l) => l.code === code)?.name).toBe('Main\tLibrary \u{1F4DA}');
  });

  it('answers over HTTP with BAD_REQUEST, the field in data.fieldErrors and in the message', async () => {
    const request = new Request('http://localhost/trpc/auth.signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        transformer.serialize({
          institution: api.institution.code,
          username: 'x',
          password: 'p\u0002w',
        }),
      ),
    });
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      req: request,
      router: api.router,
      createContext: () => ({
        services: api.kernel.services,
        principal: null,
        requestId: randomUUID(),
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: {
        json: { message: string; data: { code: string; fieldErrors: unknown } };
      };
    };
    expect(body.error.json.message).toBe('password: contains a control character (U+0002) that is not allowed');
    expect(body.error.json.data).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: [
        {
          field: 'password',
          message: 'contains a control character (U+0002) that is not allowed',
        },
      ],
    });
  });

  it('is the first middleware of every procedure of the kernel', () => {
    const procedures = describeProcedureGuards(api.router);
    expect(procedures.length).toBeGreaterThan(10);
    expect(procedures.filter((p) => !p.screensInput).map((p) => p.path)).toEqual([]);
  });
});
