import { readdir, readFile } from 'node:fs/promises';
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { transformer } from '../contracts/transformer.js';
import type { ServiceContainer } from '../plugin/service-ref.js';
import type { RequestContext } from '../trpc/request-context.js';
import { createCallerFactory, fieldErrorsOf, publicProcedure, router } from '../trpc/trpc.js';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from './domain-errors.js';

/** A resolver for each kind of domain error, and one for an error no edge knows. */
const failures = {
  validation: () =>
    new ValidationError([
      { field: 'name', message: 'is required' },
      { field: '', message: 'too late' },
    ]),
  notFound: () => new NotFoundError('user'),
  conflict: () => new ConflictError('a library with code MAIN already exists'),
  forbidden: () => new ForbiddenError('missing permission "x"'),
  unauthorized: () => new UnauthorizedError('sign in first'),
  tooManyRequests: () => new TooManyRequestsError('too many failed sign-ins; try again in 1 minute'),
  payloadTooLarge: () => new PayloadTooLargeError('the file is larger than the 10 bytes allowed'),
  unknown: () => new Error('the database went away'),
} as const;

const failing = (make: () => Error) =>
  publicProcedure.query((): string => {
    throw make();
  });

const testRouter = router({
  validation: failing(failures.validation),
  notFound: failing(failures.notFound),
  conflict: failing(failures.conflict),
  forbidden: failing(failures.forbidden),
  unauthorized: failing(failures.unauthorized),
  tooManyRequests: failing(failures.tooManyRequests),
  payloadTooLarge: failing(failures.payloadTooLarge),
  unknown: failing(failures.unknown),
  // Behind the input screen, which throws a ValidationError of its own before the resolver runs.
  echo: publicProcedure.input(z.object({ text: z.string().min(2) })).query(({ input }) => input.text),
});

const context = (): RequestContext => ({
  services: {} as ServiceContainer,
  principal: null,
  requestId: 'test',
});
const caller = createCallerFactory(testRouter)(context());

async function failure(call: () => Promise<unknown>): Promise<TRPCError> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** The status and the error as a browser's tRPC client reads them over HTTP. */
async function overHttp(path: string, input?: unknown) {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(transformer.serialize(input)))}`;
  const response = await fetchRequestHandler({
    endpoint: '/trpc',
    req: new Request(`http://localhost/trpc/${path}${query}`),
    router: testRouter,
    createContext: context,
  });
  const body = (await response.json()) as { error: Parameters<typeof transformer.deserialize>[0] };
  const error = transformer.deserialize(body.error) as { message: string; data: Record<string, unknown> };
  return { status: response.status, error };
}

describe('domain errors', () => {
  it('are plain errors with a code, owing nothing to tRPC', async () => {
    const error = ValidationError.of('name', 'is required');
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TRPCError);
    expect(Object.getPrototypeOf(DomainError.prototype)).toBe(Error.prototype);
    expect(error).toMatchObject({
      name: 'ValidationError',
      code: 'VALIDATION',
      message: 'name: is required',
      fieldErrors: [{ field: 'name', message: 'is required' }],
    });
    expect(new NotFoundError('user')).toMatchObject({ code: 'NOT_FOUND', message: 'user not found' });
    expect(new ConflictError('taken').code).toBe('CONFLICT');
    expect(new ForbiddenError('no').code).toBe('FORBIDDEN');
    expect(new UnauthorizedError('who').code).toBe('UNAUTHORIZED');
    expect(new TooManyRequestsError('slow down').code).toBe('TOO_MANY_REQUESTS');
    expect(new PayloadTooLargeError('big').code).toBe('PAYLOAD_TOO_LARGE');

    const dir = new URL('.', import.meta.url);
    const sources = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources).toContain('domain-errors.ts');
    for (const file of sources) {
      expect(await readFile(new URL(file, dir), 'utf8'), file).not.toMatch(/@trpc\//);
    }
  });

  it('leave a tRPC caller as the TRPCError of the matching code, with the message and the domain error as cause', async () => {
    const expected = {
      validation: 'BAD_REQUEST',
      notFound: 'NOT_FOUND',
      conflict: 'CONFLICT',
      forbidden: 'FORBIDDEN',
      unauthorized: 'UNAUTHORIZED',
      tooManyRequests: 'TOO_MANY_REQUESTS',
      payloadTooLarge: 'PAYLOAD_TOO_LARGE',
      unknown: 'INTERNAL_SERVER_ERROR',
    } as const;
    for (const [name, code] of Object.entries(expected)) {
      const error = await failure(() => caller[name as keyof typeof failures]());
      const thrown = failures[name as keyof typeof failures]();
      expect(error.code, name).toBe(code);
      expect(error.message, name).toBe(thrown.message);
      expect(error.cause, name).toBeInstanceOf(thrown.constructor);
    }
    expect(fieldErrorsOf(await failure(() => caller.validation()))).toEqual([
      { field: 'name', message: 'is required' },
      { field: '', message: 'too late' },
    ]);
    expect(fieldErrorsOf(await failure(() => caller.notFound()))).toBeUndefined();
  });

  it('reads field errors from a ValidationError, from one a tRPC error carries, and from input parsing', async () => {
    expect(fieldErrorsOf(ValidationError.of('a', 'b'))).toEqual([{ field: 'a', message: 'b' }]);
    expect(fieldErrorsOf(new Error('x'))).toBeUndefined();
    const parsing = await failure(() => caller.echo({ text: 'x' }));
    expect(parsing.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(parsing)).toEqual([{ field: 'text', message: expect.stringContaining('2') }]);
  });

  it('answer over HTTP with the status of the code, the message and data.fieldErrors as before', async () => {
    const validation = await overHttp('validation');
    expect(validation.status).toBe(400);
    expect(validation.error.message).toBe('name: is required; too late');
    expect(validation.error.data).toEqual({
      code: 'BAD_REQUEST',
      httpStatus: 400,
      path: 'validation',
      fieldErrors: [
        { field: 'name', message: 'is required' },
        { field: '', message: 'too late' },
      ],
    });
    const statuses = {
      notFound: 404,
      conflict: 409,
      forbidden: 403,
      unauthorized: 401,
      tooManyRequests: 429,
      payloadTooLarge: 413,
    } as const;
    for (const [path, status] of Object.entries(statuses)) {
      const answer = await overHttp(path);
      expect(answer.status, path).toBe(status);
      expect(answer.error.message, path).toBe(failures[path as keyof typeof failures]().message);
      expect(answer.error.data, path).toMatchObject({ httpStatus: status, path });
      expect(answer.error.data['fieldErrors'], path).toBeUndefined();
    }
    const unknown = await overHttp('unknown');
    expect(unknown.status).toBe(500);
    expect(unknown.error.message).toBe('internal error');
    expect(unknown.error.data).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('are mapped when the input screen throws one before the resolver', async () => {
    const screened = await overHttp('echo', { text: 'a\u0001b' });
    expect(screened.status).toBe(400);
    expect(screened.error.data).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: [{ field: 'text', message: 'contains a control character (U+0001) that is not allowed' }],
    });
  });
});
