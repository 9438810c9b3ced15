import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { authServices, type BuiltInRole, coreServices, tenancyServices } from '@ulms/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES_PREFIX } from './build-server.js';
import { startTestServer, type TestServer } from './test-server.js';
import { createStaffUser, namesOf } from '../staff/create-staff-user.js';

// Over real HTTP, on PGlite or (TEST_DATABASE_URL) a PostgreSQL server: the admin app's attachment uploads and
// downloads as streams, held to the institution's maximum (5 MiB by default), types, permissions and origin.

const MAX = 5 * 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const png = (size: number) => {
  const bytes = randomBytes(size);
  PNG_SIGNATURE.copy(bytes);
  return bytes;
};
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: TestServer;
let cookie: string;
let userId: string;

interface UploadOptions {
  readonly cookie?: string;
  readonly headers?: Record<string, string>;
  readonly note?: string;
  readonly user?: string;
}

/** POSTs one file as the admin app does: multipart/form-data from the server's own origin, with the session. */
async function upload(content: Uint8Array, fileName: string, options: UploadOptions = {}) {
  const form = new FormData();
  form.append('fileName', fileName);
  if (options.note !== undefined) form.append('note', options.note);
  form.append('file', new Blob([content]), fileName);
  const response = await fetch(`${server.url}${FILES_PREFIX}/users/${options.user ?? userId}/attachments`, {
    method: 'POST',
    headers: {
      origin: server.url,
      ...(options.cookie === '' ? {} : { cookie: options.cookie ?? cookie }),
      ...options.headers,
    },
    body: form,
  });
  return {
    status: response.status,
    body: (await response.json()) as Json,
  };
}

const download = (id: string, options: { cookie?: string; user?: string } = {}) =>
  fetch(`${server.url}${FILES_PREFIX}/users/${options.user ?? userId}/attachments/${id}`, {
    headers: options.cookie === '' ? {} : { cookie: options.cookie ?? cookie },
  });

/** The attachment rows of the user, and every file in the attachment storage folder (partial ones too). */
async function stored() {
  const prisma = server.kernel.services.get(coreServices.prisma);
  const rows = await prisma.userAttachment.count({ where: { userId } });
  const folder = join(server.kernel.services.get(coreServices.dataDir), 'attachments');
  const files = await readdir(folder, {
    recursive: true,
    withFileTypes: true,
  }).catch(() => []);
  return { rows, files: files.filter((f) => f.isFile()).length };
}

async function staffWith(roles: BuiltInRole[], username: string) {
  const password = `a long password for ${username}`;
  await createStaffUser(server.kernel.services, {
    institutionId: server.first.institution.id,
    primaryId: username,
    ...namesOf(username),
    password,
    roles: roles.map((role) => ({ role })),
  });
  return server.signIn({
    institution: server.first.admin.institution,
    username,
    password,
  });
}

beforeAll(async () => {
  server = await startTestServer();
  cookie = await server.signIn(server.first.admin);
  await fetch(`${server.url}/trpc/users.codeTables.save`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      json: { table: 'USER_GROUP', code: 'STAFF', description: 'Staff' },
    }),
  });
  const created = await fetch(`${server.url}/trpc/users.create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      json: {
        recordType: 'PUBLIC',
        primaryId: 'files-user',
        firstName: 'Fil',
        lastName: 'Opp',
        userGroup: 'STAFF',
      },
    }),
  });
  const body = (await created.json()) as {
    result?: { data: { json: { user: { id: string } } } };
  };
  const id = body.result?.data.json.user.id;
  if (!id) throw new Error(`creating the user failed: ${JSON.stringify(body)}`);
  userId = id;
});
afterAll(async () => {
  await server?.close();
});

describe('attachments as HTTP streams', () => {
  it('uploads a 5 MB file and downloads it byte for byte, with its type, length and name', async () => {
    const content = png(MAX);
    const fileName = 'Skjema for lånekort "2026" ø.png';
    const added = await upload(content, fileName, {
      note: 'signed at the desk',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      fileName,
      mimeType: 'image/png',
      size: MAX,
      note: 'signed at the desk',
    });

    const response = await download(added.body['id']);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-length')).toBe(String(MAX));
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toBe(
      `attachment; filename="Skjema for l_nekort _2026_ _.png"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    expect(decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(disposition)?.[1] ?? '')).toBe(fileName);
    const downloaded = new Uint8Array(await response.arrayBuffer());
    expect(downloaded.byteLength).toBe(MAX);
    expect(sha256(downloaded)).toBe(sha256(content));

    // The tRPC list shows it as any other attachment.
    const list = await fetch(
      `${server.url}/trpc/users.attachments.list?input=${encodeURIComponent(JSON.stringify({ json: { userId } }))}`,
      {
        headers: { cookie },
      },
    );
    expect(JSON.stringify(await list.json())).toContain(added.body['id']);
  });

  it('refuses a file one byte over the maximum with 413, keeping no row and no file', async () => {
    const before = await stored();
    const refused = await upload(png(MAX + 1), 'too-big.png');
    expect(refused.status).toBe(413);
    expect(refused.body['error']).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: `the file is larger than the ${MAX} bytes allowed`,
    });
    expect(await stored()).toEqual(before);
  });

  it('refuses a body declared far larger than the maximum before reading it', async () => {
    const before = await stored();
    const refused = await upload(png(3 * MAX), 'much-too-big.png');
    expect(refused.status).toBe(413);
    expect(await stored()).toEqual(before);
  });

  it('refuses a type the institution does not allow, sniffed from the bytes and not the name', async () => {
    const before = await stored();
    const program = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(2 * 1024 * 1024)]);
    const refused = await upload(program, 'harmless.pdf');
    expect(refused.status).toBe(400);
    expect(refused.body['error'].message).toMatch(/^file: files of type application\/octet-stream are not allowed/);
    expect(refused.body['error'].fieldErrors[0].field).toBe('file');
    // Text until its last bytes, which are not UTF-8: refused at the end, and dropped from the storage too.
    const late = Buffer.concat([Buffer.alloc(1024 * 1024, 'a'), Buffer.from([0xff, 0xfe])]);
    expect((await upload(late, 'notes.txt')).status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('refuses callers without a session (401)', async () => {
    expect((await upload(png(100), 'a.png', { cookie: '' })).status).toBe(401);
    const added = await upload(png(100), 'a.png');
    expect((await download(added.body['id'], { cookie: '' })).status).toBe(401);
  });

  it('holds uploads to users.user.update and downloads to users.user.read (403)', async () => {
    const added = await upload(png(100), 'a.png');
    const viewer = await staffWith(['FULFILLMENT_SERVICES_OPERATOR'], 'viewer');
    const refused = await upload(png(100), 'b.png', { cookie: viewer });
    expect(refused.status).toBe(403);
    expect(refused.body['error'].message).toBe('missing permission "users.user.update"');
    expect((await download(added.body['id'], { cookie: viewer })).status).toBe(200);
    const sysadmin = await staffWith(['GENERAL_SYSTEM_ADMINISTRATOR'], 'sysadmin');
    expect((await download(added.body['id'], { cookie: sysadmin })).status).toBe(403);
  });

  it('refuses uploads from pages of another origin, and session uploads that do not say where they come from', async () => {
    const before = await stored();
    const foreign = await upload(png(100), 'a.png', {
      headers: { origin: 'http://127.0.0.1:1' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body['error'].message).toBe('a page of http://127.0.0.1:1 may not upload files to this server');
    // A form of another site (no Origin, as an older browser) and a session caller not saying anything.
    const form = new FormData();
    form.append('file', new Blob([png(100)]), 'a.png');
    const formHeaders: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, {}];
    for (const headers of formHeaders) {
      const response = await fetch(`${server.url}${FILES_PREFIX}/users/${userId}/attachments`, {
        method: 'POST',
        headers: { cookie, ...headers },
        body: form,
      });
      expect(response.status).toBe(403);
    }
    expect(await stored()).toEqual(before);
    // Sec-Fetch-Site: same-origin is the server's own page; an API key is no browser's ambient credential.
    const sameOrigin = await fetch(`${server.url}${FILES_PREFIX}/users/${userId}/attachments`, {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
      body: form,
    });
    expect(sameOrigin.status).toBe(201);
    // Without a fileName field, the part's own file name, read as UTF-8.
    const named = new FormData();
    named.append('file', new Blob([png(100)]), 'Lånekort æøå.png');
    const withKey = await fetch(`${server.url}${FILES_PREFIX}/users/${userId}/attachments`, {
      method: 'POST',
      headers: { authorization: `apikey ${server.first.userManagerKey}` },
      body: named,
    });
    expect(withKey.status).toBe(201);
    expect(((await withKey.json()) as { fileName: string }).fileName).toBe('Lånekort æøå.png');
  });

  it('answers 404 for a user or attachment of another institution', async () => {
    const added = await upload(png(100), 'a.png');
    const other = await server.addInstitution();
    const otherCookie = await server.signIn(other.admin);
    const before = await stored();
    const refused = await upload(png(100), 'a.png', { cookie: otherCookie });
    expect(refused.status).toBe(404);
    expect(refused.body['error']).toEqual({
      code: 'NOT_FOUND',
      message: 'user not found',
    });
    expect(await stored()).toEqual(before);
    expect((await download(added.body['id'], { cookie: otherCookie })).status).toBe(404);
  });

  it('refuses an institution without the users module (403), a body that is not multipart (415) and a missing file (400)', async () => {
    const institutions = server.kernel.services.get(tenancyServices.institutions);
    const bare = await institutions.create({
      code: `BARE_${Date.now()}`,
      name: 'No modules',
    });
    // Where the users module is off no one signs in with a password: an API key is the caller there.
    const { key } = await server.kernel.services
      .get(authServices.apiKeys)
      .create(bare.id, { name: 'bare', role: 'USER_ADMINISTRATOR' }, null);
    const off = await upload(png(100), 'a.png', { cookie: '', headers: { authorization: `apikey ${key}` } });
    expect(off.status).toBe(403);
    expect(off.body['error'].message).toMatch(/module "users" is not enabled/);

    const json = await fetch(`${server.url}${FILES_PREFIX}/users/${userId}/attachments`, {
      method: 'POST',
      headers: {
        cookie,
        origin: server.url,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ fileName: 'a.txt', contentBase64: 'aGVsbG8=' }),
    });
    expect(json.status).toBe(415);
    const form = new FormData();
    form.append('note', 'no file');
    const empty = await fetch(`${server.url}${FILES_PREFIX}/users/${userId}/attachments`, {
      method: 'POST',
      headers: { cookie, origin: server.url },
      body: form,
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toBe('file: is required');
  });
});
