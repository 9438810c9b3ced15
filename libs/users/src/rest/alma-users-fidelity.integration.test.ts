import type { TRPCError } from '@trpc/server';
import { authServices, definePlugin, fieldErrorsOf, fromXml, toXml, ValidationError } from '@ulms/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userDtoToFields } from '../contracts/user-fields.js';
import { usersExtensionPoints } from '../contracts/users-extension-points.js';
import { usersServices } from '../server/users-services.js';
import { almaXmlShape } from '../contracts/alma-xml-shape.js';
import { type AlmaTestServer, startAlmaTestServer } from './alma-test-server.js';

// Nothing a request carries is lost: each field is stored, or the request is refused with the field named.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Blocks as a stand-in module would keep them (the real module arrives later): written in the user's transaction. */
const storedBlocks = new Map<string, unknown>();
const standInBlocksPlugin = definePlugin({
  id: 'blocks',
  title: 'Stand-in blocks',
  dependsOn: ['users'],
  register(env) {
    env.contribute(usersExtensionPoints.documentParts, {
      id: 'stand-in-blocks',
      field: 'user_block',
      read: async ({ userId }) => storedBlocks.get(userId) ?? [],
      async write({ userId }, value) {
        const blocks = value as Json[];
        if (blocks.some((b) => !b['block_type'])) throw ValidationError.of('user_block[0].block_type', 'is required');
        storedBlocks.set(userId, blocks);
      },
    });
  },
});
const standInCirculationPlugin = definePlugin({
  id: 'circulation',
  title: 'Stand-in circulation',
  dependsOn: ['users'],
  register(env) {
    env.contribute(usersExtensionPoints.documentParts, {
      id: 'stand-in-loans',
      field: 'loans',
      expandOnly: true,
      read: async ({ userUrl }) => ({ value: 3, link: `${userUrl}/loans` }),
    });
  },
});

let server: AlmaTestServer;

async function call(method: string, path: string, options: { body?: unknown; key?: string } = {}) {
  const response = await fetch(`${server.base}${path}`, {
    method,
    headers: {
      authorization: `apikey ${options.key ?? server.key}`,
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: (text ? JSON.parse(text) : null) as Json,
  };
}

const errorsOf = (body: Json) =>
  (body['errorList']['error'] as Json[]).map((e) => ({
    code: e['errorCode'] as string,
    message: e['errorMessage'] as string,
  }));

const user = (primaryId: string, extra: Json = {}): Json => ({
  record_type: { value: 'PUBLIC' },
  primary_id: primaryId,
  first_name: 'Grace',
  last_name: 'Hopper',
  user_group: { value: 'UG' },
  ...extra,
});
const note = (text: string, extra: Json = {}) => ({
  note_type: { value: 'GENERAL' },
  note_text: text,
  user_viewable: false,
  popup_note: false,
  ...extra,
});
const statistic = (category: string, extra: Json = {}) => ({
  statistic_category: { value: category },
  category_type: { value: 'LEVEL' },
  statistic_note: null,
  ...extra,
});
const texts = (document: Json) => (document['user_note'] as Json[]).map((n) => n['note_text']);
const categories = (document: Json) =>
  (document['user_statistic'] as Json[]).map((s) => s['statistic_category']['value']);

/** A USER_MANAGER key of a new institution with `modules` enabled and the UG user group. */
async function otherInstitutionKey(modules: string[]): Promise<string> {
  const institution = await server.api.createInstitution({ modules });
  await server.api
    .callerFor({
      institutionId: institution.id,
      permissions: new Set(['users.config.manage']),
    })
    .users.codeTables.save({
      table: 'USER_GROUP',
      code: 'UG',
      description: 'Undergraduates',
    });
  const apiKeys = server.api.kernel.services.get(authServices.apiKeys);
  return (await apiKeys.create(institution.id, { name: 'other', role: 'USER_MANAGER' }, null)).key;
}

beforeAll(async () => {
  server = await startAlmaTestServer({
    plugins: [standInBlocksPlugin, standInCirculationPlugin],
    institution: { modules: ['users'] },
  });
  for (const entry of [
    { table: 'USER_GROUP', code: 'UG', description: 'Undergraduates' },
    { table: 'IDENTIFIER_TYPE', code: 'BARCODE', description: 'Barcode' },
    {
      table: 'STATISTIC_CATEGORY_TYPE',
      code: 'LEVEL',
      description: 'Study level',
    },
    {
      table: 'STATISTIC_CATEGORY',
      code: 'UNDERGRAD',
      description: 'Undergraduate',
    },
    { table: 'STATISTIC_CATEGORY', code: 'GRADUATE', description: 'Graduate' },
  ] as const) {
    await server.api.caller.users.codeTables.save(entry);
  }
});
afterAll(() => server.close());

describe('notes and statistics', () => {
  it('are stored by POST, and POST answers the same document GET does', async () => {
    const created = await call('POST', '/users', {
      body: user('notes-1', {
        user_note: [note('Prefers email', { user_viewable: true })],
        user_statistic: [statistic('UNDERGRAD')],
      }),
    });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    const read = await call('GET', '/users/notes-1');
    expect(created.json).toEqual(read.json);
    expect(read.json['user_note']).toEqual([
      expect.objectContaining({
        note_text: 'Prefers email',
        user_viewable: true,
        popup_note: false,
        segment_type: 'Internal',
        note_type: { value: 'GENERAL', desc: 'General' },
      }),
    ]);
    expect(read.json['user_statistic']).toEqual([
      {
        statistic_category: { value: 'UNDERGRAD', desc: 'Undergraduate' },
        category_type: { value: 'LEVEL', desc: 'Study level' },
        statistic_note: null,
        segment_type: 'Internal',
      },
    ]);
  });

  it('are swapped by PUT: the lists sent replace them, unchanged entries keep who created them, a list left out is kept', async () => {
    await call('POST', '/users', {
      body: user('notes-2', {
        user_note: [note('Keep me'), note('Drop me')],
        user_statistic: [statistic('UNDERGRAD')],
      }),
    });
    const before = (await call('GET', '/users/notes-2')).json;
    const kept = (before['user_note'] as Json[]).find((n) => n['note_text'] === 'Keep me');

    const swapped = await call('PUT', '/users/notes-2', {
      body: {
        ...before,
        user_note: [kept, note('New one')],
        user_statistic: [statistic('GRADUATE')],
      },
    });
    expect(swapped.status, JSON.stringify(swapped.json)).toBe(200);
    expect(texts(swapped.json).sort()).toEqual(['Keep me', 'New one']);
    expect((swapped.json['user_note'] as Json[]).find((n) => n['note_text'] === 'Keep me')).toEqual(kept);
    expect(categories(swapped.json)).toEqual(['GRADUATE']);
    expect(swapped.json).toEqual((await call('GET', '/users/notes-2')).json);

    const { user_note: _notes, user_statistic: _statistics, ...withoutLists } = swapped.json;
    const untouched = await call('PUT', '/users/notes-2', {
      body: withoutLists,
    });
    expect(texts(untouched.json).sort()).toEqual(['Keep me', 'New one']);
    expect(categories(untouched.json)).toEqual(['GRADUATE']);

    const emptied = await call('PUT', '/users/notes-2', {
      body: { ...withoutLists, user_note: [], user_statistic: [] },
    });
    expect(emptied.json['user_note']).toEqual([]);
    expect(emptied.json['user_statistic']).toEqual([]);

    const id = (
      await server.api.caller.users.search({
        query: 'notes-2',
        searchBy: 'primaryId',
      })
    ).rows[0]?.id as string;
    const history = await server.api.caller.users.history({
      id,
      field: 'notes',
    });
    expect(history.entries.map((e) => [e.oldValue, e.newValue]).sort()).toEqual(
      [
        [null, 'Drop me'],
        [null, 'Keep me'],
        [null, 'New one'],
        ['Drop me', null],
        ['Keep me', null],
        ['New one', null],
      ].sort(),
    );
  });

  it("travel in XML as well, with the reference's wrappers and attributes", async () => {
    const body = toXml(
      'user',
      user('notes-xml', {
        user_note: [note('From a script', { popup_note: true })],
        user_statistic: [statistic('GRADUATE')],
      }),
      almaXmlShape,
    );
    expect(body).toContain('<user_notes><user_note user_viewable="false" popup_note="true">');
    const response = await fetch(`${server.base}/users`, {
      method: 'POST',
      headers: {
        authorization: `apikey ${server.key}`,
        'content-type': 'application/xml',
        accept: 'application/xml',
      },
      body,
    });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(fromXml(text, almaXmlShape).value['user_note']).toEqual([
      expect.objectContaining({
        note_text: 'From a script',
        popup_note: 'true',
      }),
    ]);
    const read = (await call('GET', '/users/notes-xml')).json;
    expect(read['user_note']).toEqual([
      expect.objectContaining({
        note_text: 'From a script',
        popup_note: true,
        user_viewable: false,
      }),
    ]);
    expect(categories(read)).toEqual(['GRADUATE']);
  });

  it('follow the segment rules and the code tables, named as the API names them, and nothing is half-written', async () => {
    const refused = await call('POST', '/users', {
      body: user('notes-3', {
        user_note: [note('Owned by the SIS', { segment_type: 'External' }), note('', {})],
        user_statistic: [statistic('NOPE'), { statistic_category: { value: 'UNDERGRAD' } }],
      }),
    });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.json)).toEqual(
      expect.arrayContaining([
        {
          code: 'INVALID_REQUEST',
          message: 'user_note[0].segment_type: only an external user can have external data',
        },
        {
          code: '401664',
          message: 'Mandatory field is missing. (user_note[1].note_text: is required)',
        },
        {
          code: 'INVALID_REQUEST',
          message: 'user_statistic[0].statistic_category: "NOPE" is not a statistical category of this institution',
        },
        {
          code: '401664',
          message: 'Mandatory field is missing. (user_statistic[1].category_type: is required)',
        },
      ]),
    );
    expect((await call('GET', '/users/notes-3')).status).toBe(404);

    const external = await call('POST', '/users', {
      body: user('notes-4', {
        account_type: { value: 'EXTERNAL' },
        external_id: 'SIS',
        user_note: [note('From the SIS', { segment_type: 'External' })],
      }),
    });
    expect(external.status, JSON.stringify(external.json)).toBe(200);
    expect(external.json['user_note']).toEqual([
      expect.objectContaining({
        note_text: 'From the SIS',
        segment_type: 'External',
      }),
    ]);
  });

  it('leave alone what lies outside the saver’s library scope (library independence)', async () => {
    const institution = await server.api.createInstitution({
      modules: ['users'],
      libraryIndependence: true,
    });
    const admin = server.api.callerFor({
      institutionId: institution.id,
      permissions: new Set([
        'users.user.create',
        'users.user.update',
        'users.config.manage',
        'platform.library.manage',
      ]),
    });
    await admin.platform.libraries.create({ code: 'LAW', name: 'Law library' });
    await admin.users.codeTables.save({
      table: 'USER_GROUP',
      code: 'UG',
      description: 'Undergraduates',
    });
    const created = await admin.users.create({
      recordType: 'PUBLIC',
      primaryId: 'scoped-1',
      userGroup: 'UG',
      firstName: 'Sam',
      lastName: 'Scoped',
      confirmDuplicate: true,
    });
    if (created.status !== 'saved') throw new Error('not saved');
    await admin.users.notes.add({
      userId: created.user.id,
      text: 'Law only',
      ownerLibrary: 'LAW',
    });
    await admin.users.notes.add({ userId: created.user.id, text: 'Everyone' });

    const users = server.api.kernel.services.get(usersServices.users);
    const saved = await users.update(
      { institutionId: institution.id, actor: 'desk' },
      { ...userDtoToFields(created.user), id: created.user.id },
      { parts: { notes: [{ text: 'Desk note' }], visibleLibraryIds: [] } },
    );
    expect(saved.status).toBe('saved');
    const everything = {
      institution: { ...institution, libraryIndependence: true },
      principal: { libraryScope: { all: true, libraryIds: new Set<string>() } },
    };
    const notes = await server.api.kernel.services.get(usersServices.parts).listNotes(everything, created.user.id);
    expect(notes.map((n) => n.text).sort()).toEqual(['Desk note', 'Law only']);
  });
});

describe('other modules’ parts of the record', () => {
  it('refuses user_block, proxy_for_user and a list of fees while their module is not enabled, naming the module', async () => {
    const refused = await call('POST', '/users', {
      body: user('parts-1', {
        user_block: [{ block_type: { value: 'GENERAL' }, block_status: 'ACTIVE' }],
        proxy_for_user: [{ primary_id: 'someone' }],
        fees: [{ type: { value: 'OVERDUEFINE' }, balance: 2 }],
      }),
    });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.json).map((e) => e.message)).toEqual([
      'user_block: is kept by the "blocks" module, which is not enabled for this institution; send the user without it',
      'proxy_for_user: is kept by the "proxies" module, which is not enabled for this institution; send the user without it',
      'fees: is kept by the "fines" module, which is not enabled for this institution; send the user without it',
    ]);
    expect((await call('GET', '/users/parts-1')).status).toBe(404);
    // Empty lists and the expand summaries carry nothing to lose.
    const empty = await call('POST', '/users', {
      body: user('parts-2', {
        user_block: [],
        proxy_for_user: [],
        fees: { value: 0 },
        loans: { value: '0' },
      }),
    });
    expect(empty.status, JSON.stringify(empty.json)).toBe(200);
  });

  it('stores them through the module that takes them, in the same transaction, where it is enabled', async () => {
    const key = await otherInstitutionKey(['users', 'blocks']);
    const blocks = [{ block_type: { value: 'GENERAL' }, block_status: 'ACTIVE' }];
    const created = await call('POST', '/users', {
      key,
      body: user('parts-3', { user_block: blocks }),
    });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    expect(created.json['user_block']).toEqual(blocks);

    const refused = await call('POST', '/users', {
      key,
      body: user('parts-4', { user_block: [{ block_status: 'ACTIVE' }] }),
    });
    expect(errorsOf(refused.json)).toEqual([
      {
        code: '401664',
        message: 'Mandatory field is missing. (user_block[0].block_type: is required)',
      },
    ]);
    expect((await call('GET', '/users/parts-4', { key })).status).toBe(404);
  });

  it('expands loans where a module provides them, and refuses an expansion nobody provides', async () => {
    await call('POST', '/users', { body: user('expand-1') });
    expect((await call('GET', '/users/expand-1?expand=loans')).json['errorList']['error'][0]['errorMessage']).toBe(
      'expand: "loans" needs a circulation plugin, and none is enabled for this institution',
    );
    expect(errorsOf((await call('GET', '/users/expand-1?expand=fees')).json)[0]?.message).toContain(
      '"fees" needs the "fines" module',
    );
    expect(errorsOf((await call('GET', '/users/expand-1?expand=shoes')).json)[0]?.message).toContain(
      '"shoes" cannot be expanded',
    );

    const key = await otherInstitutionKey(['users', 'circulation']);
    await call('POST', '/users', { key, body: user('expand-2') });
    expect((await call('GET', '/users/expand-2', { key })).json).not.toHaveProperty('loans');
    const expanded = await call('GET', '/users/expand-2?expand=loans', { key });
    expect(expanded.json['loans']).toEqual({
      value: 3,
      link: `${server.base}/users/expand-2/loans`,
    });
    expect((await call('GET', '/users/expand-2?view=brief&expand=loans', { key })).json['loans']).toEqual({
      value: 3,
      link: `${server.base}/users/expand-2/loans`,
    });
  });
});

describe('identifiers, roles and unknown fields', () => {
  it('keeps an identifier’s INACTIVE status', async () => {
    const created = await call('POST', '/users', {
      body: user('status-1', {
        user_identifier: [
          {
            id_type: { value: 'BARCODE' },
            value: 'OLD-CARD',
            status: 'INACTIVE',
          },
        ],
      }),
    });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    expect((await call('GET', '/users/status-1')).json['user_identifier']).toEqual([
      expect.objectContaining({ value: 'OLD-CARD', status: 'INACTIVE' }),
    ]);
    expect((await call('GET', '/users/OLD-CARD')).json['primary_id']).toBe('status-1');
    const bogus = await call('POST', '/users', {
      body: user('status-2', {
        user_identifier: [{ id_type: { value: 'BARCODE' }, value: 'X-1', status: 'LOST' }],
      }),
    });
    expect(errorsOf(bogus.json)[0]?.message).toContain('user_identifier[0].status');
  });

  it('refuses a role type it does not have and a scope that is not a library of the institution', async () => {
    const refused = await call('POST', '/users', {
      body: user('roles-1', {
        user_role: [{ role_type: { value: '204' } }, { role_type: { value: '200' }, scope: { value: 'ELSEWHERE' } }],
      }),
    });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.json).map((e) => e.message)).toEqual([
      expect.stringMatching(/^user_role\[0\]\.role_type: "204" is not a role type this system has/),
      `user_role[1].scope: "ELSEWHERE" is neither a library of this institution nor the institution itself (${server.api.institution.code})`,
    ]);
    const institutionWide = await call('POST', '/users', {
      body: user('roles-2', {
        user_role: [
          {
            role_type: { value: '200' },
            scope: { value: server.api.institution.code },
          },
        ],
      }),
    });
    expect(institutionWide.status, JSON.stringify(institutionWide.json)).toBe(200);
  });

  it('bounds every list of the record, refusing a longer one by name at once', async () => {
    const emails = Array.from({ length: 2_000 }, (_, i) => ({
      email_address: `x${i}@example.org`,
      email_type: [{ value: 'personal' }],
    }));
    const refused = await call('POST', '/users', {
      body: user('lists-1', { contact_info: { email: emails } }),
    });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.json)).toEqual([
      {
        code: 'INVALID_REQUEST',
        message: 'contact_info.email: at most 20 are allowed',
      },
    ]);
    const notes = Array.from({ length: 501 }, (_, i) => note(`n${i}`));
    const tooManyNotes = await call('POST', '/users', {
      body: user('lists-2', { user_note: notes }),
    });
    expect(errorsOf(tooManyNotes.json)).toEqual([
      {
        code: 'INVALID_REQUEST',
        message: 'user_note: at most 500 are allowed',
      },
    ]);
  });

  it('refuses a field it does not store instead of dropping it', async () => {
    const refused = await call('POST', '/users', {
      body: user('unknown-1', {
        shoe_size: 44,
        contact_info: { fax_machine: 'yes' },
      }),
    });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.json).map((e) => e.message)).toEqual([
      'shoe_size: is not a field of the user record this API stores; send the user without it',
      'contact_info.fax_machine: is not a field of the user record this API stores; send the user without it',
    ]);
  });

  it('names fields in error messages as the API does', async () => {
    const group = await call('POST', '/users', {
      body: user('names-1', { user_group: { value: 'NOPE' } }),
    });
    expect(errorsOf(group.json)[0]?.message).toMatch(/\(user_group: /);
    const types = await call('POST', '/users', {
      body: user('names-2', {
        contact_info: {
          email: [{ email_address: 'x@example.org', email_type: [] }],
        },
      }),
    });
    expect(errorsOf(types.json)[0]?.message).toBe('contact_info.email[0].email_type: choose at least one type');
  });
});

describe('account type', () => {
  it('changes over PUT only with the toggle permission, internal to external with an external id, never back', async () => {
    await call('POST', '/users', { body: user('account-1') });
    const deskKey = await server.createKey({
      role: 'CIRCULATION_DESK_OPERATOR',
    });
    const document = (await call('GET', '/users/account-1')).json;
    const toExternal = {
      ...document,
      account_type: { value: 'EXTERNAL' },
      external_id: 'SIS',
    };

    const desk = await call('PUT', '/users/account-1', {
      key: deskKey,
      body: toExternal,
    });
    expect(desk.status).toBe(403);
    expect(errorsOf(desk.json)[0]?.message).toContain('users.user.toggle-account-type');
    const deskEdit = await call('PUT', '/users/account-1', {
      key: deskKey,
      body: { ...document, first_name: 'Amazing Grace' },
    });
    expect(deskEdit.status, JSON.stringify(deskEdit.json)).toBe(200);

    const noOwner = await call('PUT', '/users/account-1', {
      body: { ...toExternal, external_id: '' },
    });
    expect(errorsOf(noOwner.json)).toEqual([
      {
        code: '401854',
        message:
          'External id is mandatory for an external user. (external_id: is mandatory for an external user (the system that owns it))',
      },
    ]);

    const external = await call('PUT', '/users/account-1', {
      body: toExternal,
    });
    expect(external.status, JSON.stringify(external.json)).toBe(200);
    expect(external.json['account_type']['value']).toBe('EXTERNAL');

    const back = await call('PUT', '/users/account-1', {
      body: {
        ...external.json,
        account_type: { value: 'INTERNAL' },
        external_id: '',
      },
    });
    expect(back.status).toBe(400);
    expect(errorsOf(back.json)[0]).toEqual({
      code: '401857',
      message:
        'Account type is not legal. (account_type: an external user cannot be made internal by an update; use Toggle Account Type)',
    });
  });

  it('refuses an external id on an internal user (401853), and an account-type change through the app’s update', async () => {
    const refused = await call('POST', '/users', {
      body: user('account-2', { external_id: 'SIS' }),
    });
    expect(errorsOf(refused.json)).toEqual([
      {
        code: '401853',
        message: 'External id must be empty for an internal user. (external_id: must be empty for an internal user)',
      },
    ]);

    const created = await server.api.caller.users.create({
      recordType: 'PUBLIC',
      primaryId: 'account-3',
      firstName: 'Lin',
      lastName: 'Lin',
      userGroup: 'UG',
      confirmDuplicate: true,
    });
    if (created.status !== 'saved') throw new Error('not saved');
    const error = await server.api.caller.users
      .update({
        ...userDtoToFields(created.user),
        id: created.user.id,
        accountType: 'EXTERNAL',
        externalId: 'SIS',
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(fieldErrorsOf(error as TRPCError)).toEqual([
      {
        field: 'accountType',
        message: 'changes only through Toggle Account Type',
      },
    ]);
    expect((await server.api.caller.users.get({ id: created.user.id })).accountType).toBe('INTERNAL');
  });
});

describe('action parameters', () => {
  it('carries out what it can and refuses the rest, never 200 doing nothing', async () => {
    await call('POST', '/users', { body: user('actions-1') });
    const document = (await call('GET', '/users/actions-1')).json;
    expect(
      (
        await call('PUT', '/users/actions-1?recalculate_roles=true', {
          body: document,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call('PUT', '/users/actions-1?send_pin_number_letter=false', {
          body: document,
        })
      ).status,
    ).toBe(200);

    const pinLetter = await call('PUT', '/users/actions-1?send_pin_number_letter=true', { body: document });
    expect(pinLetter.status).toBe(400);
    expect(errorsOf(pinLetter.json)[0]?.message).toMatch(/^send_pin_number_letter: not supported: .*letters module/);

    const linked = await call('POST', '/users?source_user_id=abc&source_institution_code=OTHER', {
      body: user('actions-2'),
    });
    expect(errorsOf(linked.json).map((e) => e.message.split(':')[0])).toEqual([
      'source_user_id',
      'source_institution_code',
    ]);
    expect((await call('GET', '/users/actions-2')).status).toBe(404);

    for (const parameter of ['generate_password=true', 'registration_rules=TRUE', 'social_authentication=true']) {
      const refused = await call('POST', `/users?${parameter}`, {
        body: user('actions-3'),
      });
      expect(refused.status, parameter).toBe(400);
      expect(errorsOf(refused.json)[0]?.message, parameter).toContain(`${parameter.split('=')[0]}: not supported`);
    }
    const notAFlag = await call('POST', '/users?send_pin_number_letter=maybe', {
      body: user('actions-3'),
    });
    expect(errorsOf(notAFlag.json)[0]?.message).toContain('send_pin_number_letter');
  });
});
