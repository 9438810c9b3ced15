import Fastify, { type FastifyInstance } from 'fastify';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { authServices } from '../auth/auth-services.js';
import { platformPermissions } from '../contracts/platform-permissions.js';
import { startTestApi, type TestApi } from '../testing/start-test-api.js';
import { registerRestApi } from './rest-fastify.adapter.js';
import { defineRestRoute, type RestContribution } from './rest-route.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What the echo route received, to prove a refused request reaches no handler. */
let received: Json[] = [];

const echoRoute = defineRestRoute({
  method: 'POST',
  path: '/echo/{id}',
  operationId: 'echo',
  summary: 'Answers with what it was given',
  moduleId: 'platform',
  permission: platformPermissions.libraryRead,
  params: z.object({ id: z.string() }),
  query: z.object({ q: z.string().optional() }),
  body: z
    .object({
      name: z.string(),
      item: z.array(z.object({ label: z.string() })).optional(),
    })
    .loose(),
  responses: { 200: { description: 'the input' } },
  async handle({ params, query, body }) {
    received.push(body);
    return {
      status: 200,
      body: { id: params.id, ...query, ...body },
      xmlRoot: 'echo',
    };
  },
});

/** Stands for data stored before input was screened: a value XML 1.0 cannot carry. */
const legacyRoute = defineRestRoute({
  method: 'GET',
  path: '/legacy',
  operationId: 'legacy',
  summary: 'Answers with stored text holding forbidden characters',
  moduleId: 'platform',
  permission: platformPermissions.libraryRead,
  responses: { 200: { description: 'legacy data' } },
  async handle() {
    return {
      status: 200,
      body: {
        name: 'Love\u0001lace\u0000',
        code: { value: 'A\u0002', desc: 'B\uFFFE' },
        item: [{ label: 'x\uD800' }],
      },
      xmlRoot: 'legacy',
      xmlRootAttributes: { note: 'n\u0003' },
    };
  },
});

const contribution: RestContribution = {
  routes: [echoRoute, legacyRoute],
  xmlShape: { wrappers: { item: 'items' } },
};

let api: TestApi<[]>;
let app: FastifyInstance;
let base: string;
let key: string;

beforeAll(async () => {
  api = await startTestApi({ plugins: [] });
  app = Fastify({ logger: false });
  await registerRestApi(app, {
    prefix: '/api',
    title: 'test',
    version: 'v1',
    services: api.kernel.services,
    contributions: [contribution],
    rateLimitPerSecond: 1000,
  });
  base = `${await app.listen({ port: 0, host: '127.0.0.1' })}/api`;
  key = (
    await api.kernel.services
      .get(authServices.apiKeys)
      .create(api.institution.id, { name: 'test', permissions: [platformPermissions.libraryRead] }, null)
  ).key;
});
afterAll(async () => {
  await app.close();
  await api.close();
});
beforeEach(() => {
  received = [];
});

async function call(
  method: string,
  path: string,
  options: { body?: string | Uint8Array; type?: string; accept?: string } = {},
) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `apikey ${key}`,
      ...(options.body !== undefined ? { 'content-type': options.type ?? 'application/json' } : {}),
      ...(options.accept ? { accept: options.accept } : {}),
    },
    body: options.body,
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text,
    json: (text.startsWith('{') ? JSON.parse(text) : null) as Json,
  };
}

const messages = (json: Json) => (json['errorList']['error'] as Json[]).map((e) => e['errorMessage'] as string);
const codes = (json: Json) => (json['errorList']['error'] as Json[]).map((e) => e['errorCode'] as string);
const xmlBody = (text: string, type = 'application/xml') => ({
  body: text,
  type,
});

describe('the format parameter', () => {
  it('takes json or xml in any case', async () => {
    const body = JSON.stringify({ name: 'Ada' });
    expect((await call('POST', '/echo/1?format=XML', { body })).text).toMatch(
      /^<\?xml[^>]*\?><echo><id>1<\/id><name>Ada<\/name><\/echo>$/,
    );
    expect((await call('POST', '/echo/1?format=Xml', { body })).type).toContain('application/xml');
    expect(
      (
        await call('POST', '/echo/1?format=JSON', {
          body,
          accept: 'application/xml',
        })
      ).json,
    ).toEqual({ id: '1', name: 'Ada' });
    expect((await call('GET', '/legacy?format=xMl')).status).toBe(200);
  });

  it.each([
    ['/echo/1?format=yaml', 'format: must be json or xml (given "yaml")'],
    ['/echo/1?format=', 'format: must be json or xml (given "")'],
    ['/echo/1?format=xml&format=json', 'format: must be json or xml (given more than once)'],
  ])('refuses %s with a 400 naming format, on every route, before the handler', async (path, message) => {
    const refused = await call('POST', path, {
      body: JSON.stringify({ name: 'Ada' }),
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      errorsExist: true,
      errorList: {
        error: [{ errorCode: 'INVALID_REQUEST', errorMessage: message }],
      },
      result: null,
    });
    expect(received).toEqual([]);
    expect((await call('GET', path.replace('/echo/1', '/legacy'))).status).toBe(400);
  });

  it('answers the refusal in XML when the Accept header asks for it', async () => {
    const refused = await call('GET', '/legacy?format=yaml', {
      accept: 'application/xml',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(
      '<errorCode>INVALID_REQUEST</errorCode><errorMessage>format: must be json or xml (given &quot;yaml&quot;)</errorMessage>',
    );
    expect(XMLValidator.validate(refused.text)).toBe(true);
  });
});

describe('XML request bodies', () => {
  it.each([
    ['an unclosed root', '<echo><name>Ada</name>', "Unclosed tag 'echo'"],
    ['mismatched tags', '<echo><name>Ada</nom></echo>', "Expected closing tag 'name'"],
    ['garbage after the root', '<echo><name>Ada</name></echo>garbage', 'Extra text at the end'],
    ['two roots', '<echo><name>Ada</name></echo><echo><name>Bob</name></echo>', 'Multiple possible root nodes found'],
    ['two empty roots', '<echo/><echo/>', 'more than one root element (echo, echo)'],
    ['an undefined entity', '<echo><name>Ada&nbsp;</name></echo>', 'the entity &nbsp; is not defined'],
    [
      'a DOCTYPE',
      '<!DOCTYPE echo [<!ENTITY a "Ada">]><echo><name>&a;</name></echo>',
      'a DOCTYPE declaration is not accepted',
    ],
    ['an empty body', '', 'Start tag expected'],
  ])('refuses %s with a 400 in the envelope naming the problem, reaching no handler', async (_case, text, problem) => {
    for (const type of ['application/xml', 'text/xml; charset=utf-8']) {
      const refused = await call('POST', '/echo/1', xmlBody(text, type));
      expect(refused.status, refused.text).toBe(400);
      expect(codes(refused.json)).toEqual(['INVALID_REQUEST']);
      expect(messages(refused.json)[0]).toMatch(/^the XML body cannot be read: /);
      expect(messages(refused.json)[0]).toContain(problem);
    }
    expect(received).toEqual([]);
  });

  it('still checks the API key first', async () => {
    const response = await fetch(`${base}/echo/1`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<echo>',
    });
    expect(response.status).toBe(401);
  });

  it('reads a well-formed body: wrappers, character references and entities', async () => {
    const read = await call(
      'POST',
      '/echo/1',
      xmlBody(
        '<?xml version="1.0"?><echo><name>Ren&#233; &amp; Co</name><items><item><label>a</label></item></items></echo>',
      ),
    );
    expect(read.status, read.text).toBe(200);
    expect(read.json).toEqual({
      id: '1',
      name: 'René & Co',
      item: [{ label: 'a' }],
    });
  });

  it.each([
    [
      'ISO-8859-1',
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><echo><name>Ærøskøbing Ñúñez</name></echo>', 'latin1'),
      'application/xml',
    ],
    [
      'windows-1252',
      Buffer.concat([
        Buffer.from("<?xml version='1.0' encoding='windows-1252'?><echo><name>"),
        Buffer.from([0x80, 0x20, 0x93, 0xe9, 0x94]),
        Buffer.from('</name></echo>'),
      ]),
      'application/xml',
    ],
    [
      'UTF-16LE with a byte order mark',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('<?xml version="1.0" encoding="UTF-16"?><echo><name>Ærø 日本</name></echo>', 'utf16le'),
      ]),
      'application/xml',
    ],
    [
      'UTF-16BE with a byte order mark',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('<echo><name>Ærø 日本</name></echo>', 'utf16le').swap16()]),
      'text/xml',
    ],
    [
      'the Content-Type charset',
      Buffer.from('<echo><name>Ærøskøbing</name></echo>', 'latin1'),
      'application/xml; charset=ISO-8859-1',
    ],
  ])('decodes %s', async (encoding, bytes, type) => {
    const expected =
      {
        'ISO-8859-1': 'Ærøskøbing Ñúñez',
        'windows-1252': '€ “é”',
        'the Content-Type charset': 'Ærøskøbing',
      }[encoding] ?? 'Ærø 日本';
    const read = await call('POST', '/echo/1', { body: bytes, type });
    expect(read.status, read.text).toBe(200);
    expect(read.json['name']).toBe(expected);
  });

  it('refuses an unknown encoding and bytes invalid in the declared one, naming them', async () => {
    const unknown = await call(
      'POST',
      '/echo/1',
      xmlBody('<?xml version="1.0" encoding="X-MARTIAN"?><echo><name>Ada</name></echo>'),
    );
    expect(unknown.status).toBe(400);
    expect(messages(unknown.json)).toEqual([
      'the XML body cannot be read: the encoding "X-MARTIAN" (XML declaration) is not supported',
    ]);
    const charset = await call(
      'POST',
      '/echo/1',
      xmlBody('<echo><name>Ada</name></echo>', 'application/xml; charset=klingon'),
    );
    expect(messages(charset.json)).toEqual([
      'the XML body cannot be read: the encoding "klingon" (Content-Type charset) is not supported',
    ]);
    const invalid = await call('POST', '/echo/1', {
      body: Buffer.from('<echo><name>Ærø</name></echo>', 'latin1'),
      type: 'application/xml',
    });
    expect(invalid.status).toBe(400);
    expect(messages(invalid.json)).toEqual(['the XML body cannot be read: the body is not valid UTF-8 (default)']);
    expect(received).toEqual([]);
  });
});

describe('characters XML 1.0 forbids, on input', () => {
  const refusal = (field: string, codePoint: string, kind = 'a control character') =>
    `${field}: contains ${kind} (${codePoint}) that is not allowed`;

  it('are refused in a JSON body with the field as the client wrote it', async () => {
    const refused = await call('POST', '/echo/1', {
      body: JSON.stringify({
        name: 'Love\u0001lace',
        item: [{ label: 'ok' }, { label: 'a\u0000' }],
        other: { deep: 'x\uFFFF' },
      }),
    });
    expect(refused.status).toBe(400);
    expect(codes(refused.json)).toEqual(['INVALID_REQUEST', 'INVALID_REQUEST', 'INVALID_REQUEST']);
    expect(messages(refused.json)).toEqual([
      refusal('name', 'U+0001'),
      refusal('item[1].label', 'U+0000'),
      refusal('other.deep', 'U+FFFF', 'a noncharacter'),
    ]);
    expect(received).toEqual([]);
  });

  it('are refused in a JSON body even as an escaped lone surrogate', async () => {
    const refused = await call('POST', '/echo/1', {
      body: '{"name":"x\\ud800y"}',
    });
    expect(messages(refused.json)).toEqual([refusal('name', 'U+D800', 'an unpaired surrogate')]);
  });

  it('are refused in an XML body, written raw or as a character reference', async () => {
    const raw = await call(
      'POST',
      '/echo/1',
      xmlBody('<echo><name>Love\u0001lace</name><items><item><label>\u001F</label></item></items></echo>'),
    );
    expect(raw.status, raw.text).toBe(400);
    expect(messages(raw.json)).toEqual([refusal('name', 'U+0001'), refusal('item[0].label', 'U+001F')]);
    const reference = await call('POST', '/echo/1', xmlBody('<echo note="&#x8;"><name>Love&#1;lace</name></echo>'));
    expect(messages(reference.json)).toEqual([refusal('note', 'U+0008'), refusal('name', 'U+0001')]);
    expect(received).toEqual([]);
  });

  it('are refused in query and path parameters, answering in XML when asked', async () => {
    const query = await call('POST', '/echo/1?q=a%01b', {
      body: JSON.stringify({ name: 'Ada' }),
    });
    expect(query.status).toBe(400);
    expect(messages(query.json)).toEqual([refusal('q', 'U+0001')]);
    const path = await call('POST', '/echo/a%02b?format=xml', {
      body: JSON.stringify({ name: 'Ada' }),
    });
    expect(path.status).toBe(400);
    expect(path.text).toContain(
      '<errorMessage>id: contains a control character (U+0002) that is not allowed</errorMessage>',
    );
    expect(XMLValidator.validate(path.text)).toBe(true);
    const name = await call('POST', '/echo/1?x%03=1', {
      body: JSON.stringify({ name: 'Ada' }),
    });
    expect(messages(name.json)).toEqual(['a field name contains a control character (U+0003) that is not allowed']);
    expect(received).toEqual([]);
  });

  it('let tab, line breaks, C1 controls and astral characters through', async () => {
    const read = await call('POST', '/echo/1', {
      body: JSON.stringify({ name: 'a\tb\nc\r\u0085\u{1F600}' }),
    });
    expect(read.status).toBe(200);
    expect(read.json['name']).toBe('a\tb\nc\r\u0085\u{1F600}');
  });
});

describe('characters XML 1.0 forbids, on output', () => {
  it('become U+FFFD in an XML answer, which stays well-formed; JSON keeps them escaped', async () => {
    const xml = await call('GET', '/legacy?format=xml');
    expect(xml.status).toBe(200);
    expect(XMLValidator.validate(xml.text)).toBe(true);
    expect(xml.text).toContain(
      '<legacy note="n\uFFFD"><name>Love\uFFFDlace\uFFFD</name><code desc="B\uFFFD">A\uFFFD</code><items><item><label>x\uFFFD</label></item></items></legacy>',
    );
    const json = await call('GET', '/legacy');
    expect(json.json['name']).toBe('Love\u0001lace\u0000');
  });

  it('and an error message echoing input is well-formed XML too', async () => {
    const notFound = await call('GET', '/nowhere%01?format=xml');
    expect(notFound.status).toBe(404);
    expect(XMLValidator.validate(notFound.text)).toBe(true);
  });
});
