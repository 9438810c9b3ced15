import { coreServices, fieldErrorsOf, fromXml, toXml } from '@ulms/platform';
import { TRPCError } from '@trpc/server';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlmaTestServer, startAlmaTestServer } from './alma-test-server.js';
import { almaXmlShape } from '../contracts/alma-xml-shape.js';

// Issue 11, "every document we send parses": malformed or mis-encoded XML bodies, characters XML 1.0
// forbids, and the format parameter, through the users module's REST routes over real HTTP.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: AlmaTestServer;

async function call(
  method: string,
  path: string,
  options: {
    json?: unknown;
    body?: string | Uint8Array;
    type?: string;
    accept?: string;
  } = {},
) {
  const body = options.json !== undefined ? JSON.stringify(options.json) : options.body;
  const response = await fetch(`${server.base}${path}`, {
    method,
    headers: {
      authorization: `apikey ${server.key}`,
      ...(body !== undefined ? { 'content-type': options.type ?? 'application/json' } : {}),
      ...(options.accept ? { accept: options.accept } : {}),
    },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: (text.startsWith('{') ? JSON.parse(text) : null) as Json,
  };
}

const messages = (json: Json) => (json['errorList']['error'] as Json[]).map((e) => e['errorMessage'] as string);
const codes = (json: Json) => (json['errorList']['error'] as Json[]).map((e) => e['errorCode'] as string);

/** A minimal Alma user document. */
const user = (primaryId: string, extra: Json = {}): Json => ({
  record_type: { value: 'PUBLIC' },
  primary_id: primaryId,
  first_name: 'Ada',
  last_name: 'Lovelace',
  user_group: { value: 'UG' },
  ...extra,
});

const xmlUser = (primaryId: string, extra: Json = {}) => toXml('user', user(primaryId, extra), almaXmlShape);

const exists = async (primaryId: string) =>
  (await call('GET', `/users/${encodeURIComponent(primaryId)}`)).status === 200;

beforeAll(async () => {
  server = await startAlmaTestServer();
  await server.api.caller.users.codeTables.save({
    table: 'USER_GROUP',
    code: 'UG',
    description: 'Undergraduates',
  });
});
afterAll(() => server.close());

describe('malformed XML bodies', () => {
  const complete = xmlUser('xml-bad-0');
  it.each([
    ['an unclosed root', complete.replace('</user>', ''), "Unclosed tag 'user'"],
    ['mismatched tags', complete.replace('</last_name>', '</lastname>'), "Expected closing tag 'last_name'"],
    ['garbage after the root', `${complete}garbage`, 'Extra text at the end'],
    [
      'two roots',
      `${complete}${xmlUser('xml-bad-0b').replace(/^<\?xml[^>]*\?>/, '')}`,
      'Multiple possible root nodes found',
    ],
    ['an undefined entity', complete.replace('Lovelace', 'Love&nbsp;lace'), 'the entity &nbsp; is not defined'],
  ])('POST with %s is a 400 naming the problem, and creates no user', async (_case, text, problem) => {
    const refused = await call('POST', '/users', {
      body: text,
      type: 'application/xml',
    });
    expect(refused.status, refused.text).toBe(400);
    expect(refused.json).toMatchObject({ errorsExist: true, result: null });
    expect(codes(refused.json)).toEqual(['INVALID_REQUEST']);
    expect(messages(refused.json)[0]).toMatch(/^the XML body cannot be read: /);
    expect(messages(refused.json)[0]).toContain(problem);
    expect(await exists('xml-bad-0')).toBe(false);
    expect(await exists('xml-bad-0b')).toBe(false);
  });

  it('PUT with a malformed body is a 400 and leaves the user as it was', async () => {
    expect((await call('POST', '/users', { json: user('xml-bad-put') })).status).toBe(200);
    const body = xmlUser('xml-bad-put', { last_name: 'Changed' }).replace('</user>', '<user_group>');
    const refused = await call('PUT', '/users/xml-bad-put', {
      body,
      type: 'text/xml',
    });
    expect(refused.status).toBe(400);
    expect((await call('GET', '/users/xml-bad-put')).json['last_name']).toBe('Lovelace');
  });

  it('answers in XML (well-formed) when XML is asked for', async () => {
    const refused = await call('POST', '/users?format=xml', {
      body: '<user><primary_id>x</user>',
      type: 'application/xml',
    });
    expect(refused.status).toBe(400);
    expect(XMLValidator.validate(refused.text)).toBe(true);
    expect(refused.text).toContain('<errorCode>INVALID_REQUEST</errorCode><errorMessage>the XML body cannot be read: ');
  });
});

describe('the encoding of XML bodies', () => {
  const document = (primaryId: string, encoding?: string) =>
    xmlUser(primaryId, {
      first_name: 'Søren',
      last_name: 'Ærøskøbing-Núñez',
    }).replace(/^<\?xml[^>]*\?>/, `<?xml version="1.0"${encoding ? ` encoding="${encoding}"` : ''}?>`);

  it.each([
    [
      'declared ISO-8859-1, in Latin-1 bytes',
      'enc-latin1',
      (id: string) => Buffer.from(document(id, 'ISO-8859-1'), 'latin1'),
      'application/xml',
    ],
    [
      'declared windows-1252',
      'enc-cp1252',
      (id: string) => Buffer.from(document(id, 'windows-1252'), 'latin1'),
      'application/xml',
    ],
    [
      'UTF-16 with a byte order mark',
      'enc-utf16',
      (id: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(document(id, 'UTF-16'), 'utf16le')]),
      'application/xml',
    ],
    [
      'the Content-Type charset',
      'enc-charset',
      (id: string) => Buffer.from(document(id), 'latin1'),
      'application/xml; charset=ISO-8859-1',
    ],
    ['UTF-8 by default', 'enc-utf8', (id: string) => Buffer.from(document(id)), 'text/xml'],
  ])('POST %s stores the names as written', async (_case, primaryId, bytes, type) => {
    const created = await call('POST', '/users', {
      body: bytes(primaryId),
      type,
    });
    expect(created.status, created.text).toBe(200);
    const read = await call('GET', `/users/${primaryId}`);
    expect(read.json).toMatchObject({
      first_name: 'Søren',
      last_name: 'Ærøskøbing-Núñez',
    });
  });

  it('refuses an unknown encoding, and Latin-1 bytes declared as UTF-8, naming them', async () => {
    const unknown = await call('POST', '/users', {
      body: document('enc-unknown', 'X-MARTIAN'),
      type: 'application/xml',
    });
    expect(unknown.status).toBe(400);
    expect(messages(unknown.json)).toEqual([
      'the XML body cannot be read: the encoding "X-MARTIAN" (XML declaration) is not supported',
    ]);
    const mislabelled = await call('POST', '/users', {
      body: Buffer.from(document('enc-wrong', 'UTF-8'), 'latin1'),
      type: 'application/xml',
    });
    expect(mislabelled.status).toBe(400);
    expect(messages(mislabelled.json)).toEqual([
      'the XML body cannot be read: the body is not valid UTF-8 (XML declaration)',
    ]);
    expect(await exists('enc-unknown')).toBe(false);
    expect(await exists('enc-wrong')).toBe(false);
  });
});

describe('characters XML 1.0 forbids', () => {
  const refusal = (field: string, codePoint: string) =>
    `${field}: contains a control character (${codePoint}) that is not allowed`;

  it('are refused in a JSON body, naming the Alma field, and no user is created', async () => {
    const refused = await call('POST', '/users', {
      json: user('ctl-json', {
        last_name: 'Love\u0001lace',
        contact_info: {
          email: [
            {
              email_address: 'ada\u0000@example.org',
              email_type: [{ value: 'personal' }],
              preferred: true,
            },
          ],
        },
      }),
    });
    expect(refused.status).toBe(400);
    expect(codes(refused.json)).toEqual(['INVALID_REQUEST', 'INVALID_REQUEST']);
    expect(messages(refused.json)).toEqual([
      refusal('last_name', 'U+0001'),
      refusal('contact_info.email[0].email_address', 'U+0000'),
    ]);
    expect(await exists('ctl-json')).toBe(false);
  });

  it('are refused in an XML body, raw or as a character reference', async () => {
    const raw = await call('POST', '/users', {
      body: xmlUser('ctl-xml', { last_name: 'Love\u0001lace' }).replace('\uFFFD', '\u0001'),
      type: 'application/xml',
    });
    expect(raw.status, raw.text).toBe(400);
    expect(messages(raw.json)).toEqual([refusal('last_name', 'U+0001')]);
    const reference = await call('POST', '/users', {
      body: xmlUser('ctl-xml').replace('Lovelace', 'Love&#x1B;lace'),
      type: 'application/xml',
    });
    expect(messages(reference.json)).toEqual([refusal('last_name', 'U+001B')]);
    expect(await exists('ctl-xml')).toBe(false);
  });

  it('are refused by PUT, leaving the user as it was', async () => {
    expect((await call('POST', '/users', { json: user('ctl-put') })).status).toBe(200);
    const refused = await call('PUT', '/users/ctl-put', {
      json: user('ctl-put', { first_name: 'A\u0007da' }),
    });
    expect(refused.status).toBe(400);
    expect(messages(refused.json)).toEqual([refusal('first_name', 'U+0007')]);
    expect((await call('GET', '/users/ctl-put')).json['first_name']).toBe('Ada');
  });

  it('are refused in query and path parameters', async () => {
    const query = await call('GET', '/users?q=last_name~Love%01lace');
    expect(query.status).toBe(400);
    expect(messages(query.json)).toEqual([refusal('q', 'U+0001')]);
    const path = await call('GET', '/users/ada%02?format=xml');
    expect(path.status).toBe(400);
    expect(path.text).toContain(`<errorMessage>${refusal('user_id', 'U+0002')}</errorMessage>`);
  });

  it('are refused by tRPC procedures, naming the input field', async () => {
    const error = await server.api.caller.users
      .create({
        recordType: 'PUBLIC',
        primaryId: 'ctl-trpc',
        firstName: 'Ada',
        lastName: 'Love\u0001lace',
        userGroup: 'UG',
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(error as TRPCError)).toEqual([
      {
        field: 'lastName',
        message: 'contains a control character (U+0001) that is not allowed',
      },
    ]);
    expect(await exists('ctl-trpc')).toBe(false);
  });

  it('stored before this screen existed, never break an XML answer: a single user and a list page stay well-formed', async () => {
    expect(
      (
        await call('POST', '/users', {
          json: user('legacy-1', {
            contact_info: {
              email: [
                {
                  email_address: 'legacy@example.org',
                  email_type: [{ value: 'personal' }],
                  preferred: true,
                },
              ],
            },
          }),
        })
      ).status,
    ).toBe(200);
    const prisma = server.api.kernel.services.get(coreServices.prisma);
    const updated = await prisma.user.updateMany({
      where: {
        institutionId: server.api.institution.id,
        primaryId: 'legacy-1',
      },
      // PostgreSQL text cannot hold NUL at all; the other forbidden characters it stores as given.
      data: { lastName: 'Love\u0001lace', firstName: 'A\u0008da\uFFFF' },
    });
    expect(updated.count).toBe(1);
    expect((await call('GET', '/users/legacy-1')).json['last_name']).toBe('Love\u0001lace');

    for (const path of [
      '/users/legacy-1?format=xml',
      '/users/legacy-1?view=brief&format=xml',
      '/users?format=xml&limit=100',
    ]) {
      const read = await call('GET', path);
      expect(read.status, path).toBe(200);
      expect(XMLValidator.validate(read.text), path).toBe(true);
      expect(read.text, path).toContain('Love\uFFFDlace');
      for (const raw of ['\u0001', '\u0008', '\uFFFF']) {
        expect(read.text, path).not.toContain(raw);
      }
    }
    const single = await call('GET', '/users/legacy-1', {
      accept: 'application/xml',
    });
    expect(fromXml(single.text, almaXmlShape).value).toMatchObject({
      primary_id: 'legacy-1',
      first_name: 'A\uFFFDda\uFFFD',
      last_name: 'Love\uFFFDlace',
    });
  });
});

describe('the format parameter', () => {
  it('takes json and xml in any case', async () => {
    expect((await call('POST', '/users', { json: user('format-1') })).status).toBe(200);
    expect((await call('GET', '/users/format-1?format=XML')).text).toMatch(/^<\?xml[^>]*\?><user[ >]/);
    expect((await call('GET', '/users?format=Xml')).text).toMatch(/^<\?xml[^>]*\?><users[ >]/);
    expect(
      (
        await call('GET', '/users/format-1?format=JSON', {
          accept: 'application/xml',
        })
      ).json['primary_id'],
    ).toBe('format-1');
  });

  it.each([
    ['GET', '/users'],
    ['POST', '/users'],
    ['GET', '/users/format-1'],
    ['PUT', '/users/format-1'],
    ['DELETE', '/users/format-1'],
    ['GET', '/users/format-1/personal-data'],
    ['GET', '/users/format-1/attachments'],
  ])('anything else is a 400 naming format on %s %s', async (method, path) => {
    for (const [format, given] of [
      ['yaml', '"yaml"'],
      ['', '""'],
    ]) {
      const withBody = method === 'POST' || method === 'PUT';
      const refused = await call(method, `${path}?format=${format}`, withBody ? { json: user('format-1') } : {});
      expect(refused.status, `${method} ${path} format=${format}`).toBe(400);
      expect(refused.json).toMatchObject({
        errorsExist: true,
        errorList: {
          error: [
            {
              errorCode: 'INVALID_REQUEST',
              errorMessage: `format: must be json or xml (given ${given})`,
            },
          ],
        },
      });
    }
    expect(await exists('format-1')).toBe(true);
  });
});

describe('query parameters a route does not take', () => {
  it('are refused by name, never ignored, and nothing is saved', async () => {
    const created = await call('POST', '/users?send_welcome_letter=true&source_institution=X', {
      json: user('unknown-param-1'),
    });
    expect(created.status).toBe(400);
    expect(messages(created.json)).toEqual([
      'send_welcome_letter: is not a parameter of this request',
      'source_institution: is not a parameter of this request',
    ]);
    expect((await call('GET', '/users/unknown-param-1')).status).toBe(404);
    expect((await call('GET', '/users?limit=1&sort=last_name')).status).toBe(400);
    expect((await call('GET', '/users?limit=1&format=json')).status).toBe(200);
  });
});
