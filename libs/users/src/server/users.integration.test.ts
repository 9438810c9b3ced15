import { coreServices, definePlugin, fieldErrorsOf, isUniqueViolation } from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateUserInput } from '../contracts/user.schema.js';
import { usersEvents } from '../contracts/users-events.js';
import { usersExtensionPoints } from '../contracts/users-extension-points.js';
import { usersPlugin } from './users.plugin.js';
import { usersServices } from './users-services.js';

const heard: string[] = [];
let loadedCards = 0;
const campusCardRules = definePlugin({
  id: 'campus-card',
  title: 'Campus card rules',
  dependsOn: ['users'],
  register(env) {
    env.contribute(usersExtensionPoints.validators, {
      id: 'no-test-names',
      validate: (user) =>
        user.lastName === 'Test' ? [{ field: 'lastName', message: 'test users are not allowed here' }] : [],
    });
    env.contribute(usersExtensionPoints.listColumns, {
      id: 'cards',
      title: 'Cards',
      load: async (_institutionId, userIds) => {
        loadedCards += 1;
        return new Map(userIds.map((id) => [id, 1]));
      },
    });
    env.subscribe(usersEvents.userCreated, ({ userId }) => {
      heard.push(userId);
    });
  },
});

const ada: CreateUserInput = {
  recordType: 'PUBLIC',
  primaryId: 'S1000001',
  firstName: 'Ada',
  lastName: 'Lovelace',
  userGroup: 'UNDERGRAD',
  birthDate: '2001-12-10',
  expiryDate: '2030-06-30',
  identifiers: [{ idType: 'BARCODE', value: 'B0001' }],
  emails: [{ emailAddress: 'Ada@Example.org', emailTypes: ['personal'], preferred: true }],
  addresses: [
    {
      line1: 'Main Street 1',
      city: 'London',
      postalCode: 'W1',
      addressTypes: ['home'],
      preferred: true,
      startDate: '2020-01-01',
    },
  ],
  phones: [{ phoneNumber: '+44 20 7946 0000', phoneTypes: ['mobile'], preferred: true, preferredSms: true }],
};

describe('the user record', () => {
  let api: TestApi<[typeof usersPlugin, typeof campusCardRules]>;

  beforeAll(async () => {
    api = await startTestApi({ plugins: [usersPlugin, campusCardRules], institution: { modules: ['users'] } });
    const save = api.caller.users.codeTables.save;
    await save({ table: 'USER_GROUP', code: 'UNDERGRAD', description: 'Undergraduate', recordTypes: ['PUBLIC'] });
    await save({ table: 'USER_GROUP', code: 'STAFF', description: 'Staff', recordTypes: ['STAFF'] });
    await save({ table: 'JOB_CATEGORY', code: 'Cataloger', description: 'Cataloger', recordTypes: ['STAFF'] });
    await save({ table: 'IDENTIFIER_TYPE', code: 'BARCODE', description: 'Barcode' });
    await save({ table: 'IDENTIFIER_TYPE', code: 'UNIV_ID', description: 'University ID' });
    await api.caller.platform.libraries.create({ code: 'MAIN', name: 'Main' });
  });
  afterAll(() => api.close());

  const create = (input: Partial<CreateUserInput>) => api.caller.users.create({ ...ada, ...input } as CreateUserInput);
  const errorsOf = async (promise: Promise<unknown>) =>
    fieldErrorsOf(
      await promise.then(
        () => expect.fail('expected a refusal'),
        (e) => e,
      ),
    );

  it('creates a user with every part kept, and never returns the PIN or password', async () => {
    // The kernel calls a plugin's subscribers only where the institution enabled the plugin.
    await api.caller.platform.modules.enable({ moduleId: 'campus-card' });
    try {
      const result = await create({
        pinNumber: '1234',
        password: 'a long patron password',
        prefFirstName: 'Augusta',
        webSiteUrl: 'https://ada.example.org',
      });
      expect(result.status).toBe('saved');
      if (result.status !== 'saved') return;
      const user = result.user;
      expect(user).toMatchObject({
        primaryId: 'S1000001',
        fullName: 'Lovelace, Augusta',
        status: 'ACTIVE',
        hasPin: true,
        hasPassword: true,
        birthDate: '2001-12-10',
        identifiers: [{ idType: 'BARCODE', value: 'B0001', segmentType: 'INTERNAL' }],
        emails: [{ emailAddress: 'Ada@Example.org', emailTypes: ['personal'], preferred: true }],
        addresses: [{ line1: 'Main Street 1', city: 'London', startDate: '2020-01-01', addressTypes: ['home'] }],
        phones: [{ phoneNumber: '+44 20 7946 0000', preferredSms: true }],
        createdBy: 'Test caller',
      });
      expect(JSON.stringify(user)).not.toMatch(/1234|a long patron password|argon2/);
      const row = await api.database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(row.pinNumberHash).toMatch(/^\$argon2id\$/);
      // The password is the kernel's: hashed in its credentials, keyed by the user's id.
      const credential = await api.database.prisma.credential.findUniqueOrThrow({ where: { id: user.id } });
      expect(credential.passwordHash).toMatch(/^\$argon2id\$/);
      expect(heard).toContain(user.id);
    } finally {
      await api.caller.platform.modules.disable({ moduleId: 'campus-card' });
    }
  });

  it("refuses a duplicate identifier, naming its type, whatever the case, even the user's own", async () => {
    expect(await errorsOf(create({ primaryId: 's1000001', identifiers: [], birthDate: null }))).toEqual([
      { field: 'primaryId', message: 'a user with identifier of type primary identifier "s1000001" already exists' },
    ]);
    expect(
      await errorsOf(
        create({ primaryId: 'S2', identifiers: [{ idType: 'UNIV_ID', value: 'b0001' }], birthDate: null }),
      ),
    ).toEqual([
      { field: 'identifiers.0.value', message: 'a user with identifier of type BARCODE "b0001" already exists' },
    ]);
    expect(
      await errorsOf(create({ primaryId: 'S3', identifiers: [{ idType: 'UNIV_ID', value: 's3' }], birthDate: null })),
    ).toEqual([{ field: 'identifiers.0.value', message: 'repeats the primary identifier' }]);
  });

  it('enforces identifier uniqueness in the database itself', async () => {
    const saved = await create({
      primaryId: 'UNIQ-1',
      identifiers: [{ idType: 'BARCODE', value: 'UNIQ-B1' }],
      birthDate: null,
      confirmDuplicate: true,
    });
    const userId = saved.status === 'saved' ? saved.user.id : expect.fail('the user was not saved');
    const row = { institutionId: api.institution.id, userId, idType: 'UNIV_ID', value: 'uniq-b1', position: 9 };
    // Written around the service's own check: only the unique index on (institution, key) can refuse it.
    const refused = await api.database.prisma.userIdentifier
      .create({ data: { ...row, valueKey: 'uniq-b1' } })
      .catch((error: unknown) => error);
    expect(isUniqueViolation(refused)).toBe(true);
    expect(await api.database.prisma.userIdentifier.count({ where: { userId } })).toBe(2);
  });

  it('reports every broken rule with its field', async () => {
    const errors = await errorsOf(
      create({
        primaryId: 'S4',
        firstName: null,
        userGroup: 'STAFF',
        birthDate: null,
        identifiers: [{ idType: 'PASSPORT', value: 'P1' }],
        emails: [
          // A malformed address is refused by the schema already, with its types (reference-validations test).
          { emailAddress: 'a@example.org', emailTypes: ['claim'], preferred: true },
          { emailAddress: 'b@example.org', emailTypes: ['work'], preferred: true },
        ],
        rsLibraries: ['NOWHERE'],
      }),
    );
    expect(errors).toEqual([
      { field: 'firstName', message: 'is required' },
      { field: 'userGroup', message: 'user group "STAFF" is not allowed for Public users' },
      { field: 'identifiers.0.idType', message: '"PASSPORT" is not an identifier type of this institution' },
      { field: 'emails.0.emailTypes.0', message: 'type "Claim" is not allowed for Public users' },
      { field: 'emails.1.preferred', message: 'only one email can be preferred' },
      { field: 'rsLibraries.0', message: '"NOWHERE" is not a library of this institution' },
    ]);
  });

  it('refuses what the schema does not allow, field by field', async () => {
    const error = await api.caller.users
      .create({
        ...ada,
        primaryId: 'S5',
        pinNumber: '12a4',
        birthDate: '2001-02-30',
        webSiteUrl: 'nope',
      } as CreateUserInput)
      .catch((e) => e);
    expect(
      fieldErrorsOf(error)
        ?.map((e) => e.field)
        .sort(),
    ).toEqual(['birthDate', 'pinNumber', 'webSiteUrl']);
  });

  it("applies the institution's configured regular expressions and mandatory fields", async () => {
    await api.caller.platform.modules.configure({
      moduleId: 'users',
      config: {
        primaryIdentifierRegex: '^S\\d{7}$',
        postalCodeRegex: '^\\d{4}$',
        registrationForm: { PUBLIC: ['primaryId', 'lastName', 'email'] },
      },
    });
    try {
      expect(await errorsOf(create({ primaryId: 'X1', emails: [], identifiers: [], birthDate: null }))).toEqual([
        { field: 'emails', message: 'at least one is required for Public users' },
        { field: 'primaryId', message: 'does not have the format this institution requires' },
        { field: 'addresses.0.postalCode', message: 'does not have the format this institution requires' },
      ]);
    } finally {
      await api.caller.platform.modules.configure({ moduleId: 'users', config: {} });
    }
  });

  it("runs the institution's patterns in linear time, and refuses patterns that would need backtracking", async () => {
    // In a backtracking engine this pattern takes hours on 40 a's and a '!': RE2 answers at once.
    await api.caller.platform.modules.configure({ moduleId: 'users', config: { primaryIdentifierRegex: '^(a+)+$' } });
    try {
      expect(await errorsOf(create({ primaryId: `${'a'.repeat(40)}!` }))).toContainEqual({
        field: 'primaryId',
        message: 'does not have the format this institution requires',
      });
    } finally {
      await api.caller.platform.modules.configure({ moduleId: 'users', config: {} });
    }
    const refused = await api.caller.platform.modules
      .configure({ moduleId: 'users', config: { primaryIdentifierRegex: '^(a)\\1$' } })
      .catch((e) => e);
    expect(fieldErrorsOf(refused)).toContainEqual({
      field: 'config.primaryIdentifierRegex',
      message: 'is not a regular expression that runs in linear time (RE2 syntax: no backreferences or lookaround)',
    });
  });

  it('applies a validator contributed by an enabled plugin only', async () => {
    const saved = await create({ primaryId: 'S6', lastName: 'Test', birthDate: null, identifiers: [], emails: [] });
    expect(saved.status).toBe('saved');
    await api.caller.platform.modules.enable({ moduleId: 'campus-card' });
    try {
      expect(
        await errorsOf(create({ primaryId: 'S7', lastName: 'Test', birthDate: null, identifiers: [], emails: [] })),
      ).toEqual([{ field: 'lastName', message: 'test users are not allowed here' }]);
    } finally {
      await api.caller.platform.modules.disable({ moduleId: 'campus-card' });
    }
  });

  it('warns about a user with the same names and birth date, and saves when confirmed', async () => {
    const warned = await create({ primaryId: 'S8', identifiers: [], emails: [] });
    expect(warned).toMatchObject({
      status: 'duplicateWarning',
      duplicates: [{ primaryId: 'S1000001', fullName: 'Lovelace, Augusta' }],
    });
    expect(await api.database.prisma.user.count({ where: { primaryId: 'S8' } })).toBe(0);
    expect((await create({ primaryId: 'S8', identifiers: [], emails: [], confirmDuplicate: true })).status).toBe(
      'saved',
    );
  });

  it('generates a primary identifier when none is given and generation is on', async () => {
    await expect(create({ primaryId: null, identifiers: [], emails: [], birthDate: null })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await api.caller.platform.modules.configure({
      moduleId: 'users',
      config: { userIdGeneration: { enabled: true, prefix: 'U', digits: 6 } },
    });
    try {
      const first = await create({ primaryId: null, identifiers: [], emails: [], birthDate: null });
      const second = await create({ primaryId: null, identifiers: [], emails: [], birthDate: null });
      expect(first.status === 'saved' && first.user.primaryId).toBe('U000001');
      expect(second.status === 'saved' && second.user.primaryId).toBe('U000002');
    } finally {
      await api.caller.platform.modules.configure({ moduleId: 'users', config: {} });
    }
  });

  it('generates a four-digit PIN once, only when the institution allows it', async () => {
    expect(
      await errorsOf(create({ primaryId: 'S9', generatePin: true, identifiers: [], emails: [], birthDate: null })),
    ).toEqual([
      { field: 'generatePin', message: 'PIN generation is not enabled for this institution (pin_number_method)' },
    ]);
    await api.caller.platform.modules.configure({ moduleId: 'users', config: { pinNumberMethod: 'fourDigit' } });
    try {
      const result = await create({ primaryId: 'S9', generatePin: true, identifiers: [], emails: [], birthDate: null });
      expect(result).toMatchObject({
        status: 'saved',
        generatedPin: expect.stringMatching(/^\d{4}$/),
        user: { hasPin: true },
      });
    } finally {
      await api.caller.platform.modules.configure({ moduleId: 'users', config: {} });
    }
  });

  it('adds the roles of the role assignment rules for the job category', async () => {
    await api.caller.platform.modules.configure({
      moduleId: 'users',
      config: {
        roleAssignmentRules: [{ jobCategory: 'Cataloger', roles: ['CIRCULATION_DESK_OPERATOR', 'USER_MANAGER'] }],
      },
    });
    try {
      const result = await create({
        recordType: 'STAFF',
        primaryId: 'STAFF1',
        userGroup: 'STAFF',
        jobCategory: 'Cataloger',
        identifiers: [],
        emails: [],
        addresses: [],
        phones: [],
        birthDate: null,
      });
      expect(result.status === 'saved' && result.user.roles.map((r) => r.role)).toEqual([
        'CIRCULATION_DESK_OPERATOR',
        'USER_MANAGER',
      ]);
    } finally {
      await api.caller.platform.modules.configure({ moduleId: 'users', config: {} });
    }
  });

  it('edits every field of an internal user, replacing its lists, moving the status date on a status change', async () => {
    const created = await create({
      primaryId: 'S10',
      firstName: 'Grace',
      lastName: 'Hopper',
      birthDate: '1906-12-09',
      identifiers: [{ idType: 'BARCODE', value: 'B10' }],
      emails: [],
    });
    if (created.status !== 'saved') throw new Error('not saved');
    const before = created.user;
    await new Promise((r) => setTimeout(r, 5));
    const updated = await api.caller.users.update({
      ...ada,
      id: before.id,
      primaryId: 'S10',
      firstName: 'Grace',
      lastName: 'Hopper',
      middleName: 'Brewster',
      status: 'INACTIVE',
      birthDate: '1906-12-09',
      identifiers: [{ idType: 'UNIV_ID', value: 'U10', note: 'from registrar' }],
      emails: [],
      phones: [],
    });
    if (updated.status !== 'saved') throw new Error('not saved');
    expect(updated.user).toMatchObject({
      middleName: 'Brewster',
      status: 'INACTIVE',
      identifiers: [{ idType: 'UNIV_ID', value: 'U10', note: 'from registrar' }],
      emails: [],
      phones: [],
      hasPin: false,
    });
    expect(updated.user.statusDate.getTime()).toBeGreaterThan(before.statusDate.getTime());
    expect(updated.user.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(await api.database.prisma.userIdentifier.count({ where: { valueKey: 'b10' } })).toBe(0);
  });

  it('leaves nothing behind when a save fails part-way', async () => {
    const countBefore = await api.database.prisma.user.count();
    await expect(
      create({
        primaryId: 'S11',
        identifiers: [
          { idType: 'BARCODE', value: 'B11' },
          { idType: 'UNIV_ID', value: 'B11' },
        ],
        birthDate: null,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await api.database.prisma.user.count()).toBe(countBefore);
  });

  it('finds users by name (legal or preferred, accents ignored), identifier and email, exactly', async () => {
    await create({
      primaryId: 'S12',
      firstName: 'Sølvi',
      lastName: 'Ødegård',
      prefFirstName: 'Sunny',
      birthDate: null,
      identifiers: [{ idType: 'BARCODE', value: 'B12' }],
      emails: [{ emailAddress: 'solvi@uni.no', emailTypes: ['work'] }],
    });
    const ids = async (query: string, searchBy?: 'name' | 'identifier' | 'email' | 'primaryId') =>
      (await api.caller.users.search({ query, searchBy })).rows.map((r) => r.primaryId);
    expect(await ids('odegard')).toEqual(['S12']);
    expect(await ids('ØDEG')).toEqual(['S12']);
    expect(await ids('sunny odeg', 'name')).toEqual(['S12']);
    expect(await ids('degå')).toEqual(['S12']);
    expect(await ids('b12', 'identifier')).toEqual(['S12']);
    expect(await ids('b1', 'identifier')).toEqual([]);
    expect(await ids('SOLVI@UNI.NO', 'email')).toEqual(['S12']);
    expect(await ids('solvi@uni', 'email')).toEqual([]);
    expect(await ids('s12', 'primaryId')).toEqual(['S12']);
  });

  it('filters by tab, account, role and status, sorts and pages', async () => {
    const page = await api.caller.users.search({ tab: 'STAFF' });
    expect(page.rows.every((r) => r.recordType === 'STAFF')).toBe(true);
    expect((await api.caller.users.search({ role: 'USER_MANAGER' })).rows.map((r) => r.primaryId)).toEqual(['STAFF1']);
    expect((await api.caller.users.search({ status: 'INACTIVE_OR_EXPIRED' })).rows.map((r) => r.primaryId)).toEqual([
      'S10',
    ]);
    expect((await api.caller.users.search({ account: 'EXTERNAL' })).total).toBe(0);
    const all = await api.caller.users.search({ sortBy: 'primaryId', sortDirection: 'desc', pageSize: 3 });
    const next = await api.caller.users.search({ sortBy: 'primaryId', sortDirection: 'desc', pageSize: 3, page: 1 });
    expect(all.rows).toHaveLength(3);
    expect(all.total).toBeGreaterThan(5);
    const sorted = [...all.rows, ...next.rows].map((r) => r.primaryId);
    expect(sorted).toEqual([...sorted].sort().reverse());
    expect(all.columns).toEqual([]);
  });

  it('stops counting at 1,000 for the list, and counts exactly when asked', async () => {
    const other = await api.createInstitution({ modules: ['users'] });
    await api.database.prisma.user.createMany({
      data: Array.from({ length: 1_005 }, (_, n) => ({
        institutionId: other.id,
        recordType: 'PUBLIC',
        primaryId: `many${n}`,
        lastName: 'Many',
        nameSearch: 'many',
        sortName: `many ${n}`,
        createdBy: 'test',
        updatedBy: 'test',
      })),
    });
    const theirs = api.callerFor({ institutionId: other.id, permissions: new Set(['users.user.read']) });
    expect(await theirs.users.search({ query: 'many', searchBy: 'name' })).toMatchObject({
      total: 1_000,
      totalIsLowerBound: true,
    });
    expect(await theirs.users.search({ query: 'many', searchBy: 'name', exactTotal: true })).toMatchObject({
      total: 1_005,
      totalIsLowerBound: false,
    });
    expect(
      (await theirs.users.search({ query: 'many', page: 40, pageSize: 25, sortBy: 'primaryId' })).rows.map(
        (r) => r.primaryId,
      ),
    ).toEqual(
      Array.from({ length: 1_005 }, (_, n) => `many${n}`)
        .sort()
        .slice(1_000),
    );
  });

  it("reads a page's users as list rows in the order asked, in the caller's institution only", async () => {
    const page = await api.caller.users.search({ pageSize: 3, sortBy: 'primaryId' });
    const ids = page.rows.map((r) => r.id).reverse();
    const search = api.kernel.services.get(usersServices.search);
    const other = await api.createInstitution({ modules: ['users'] });
    const summaries = await search.summaries(api.institution.id, [...ids, other.id]);
    expect(summaries).toEqual(ids.map((id) => expect.objectContaining({ id })));
    expect(summaries[0]).toEqual(Object.fromEntries(Object.entries(page.rows[2] ?? {}).filter(([k]) => k !== 'extra')));
    expect(await search.summaries(other.id, ids)).toEqual([]);
  });

  it('fills the list columns of enabled modules', async () => {
    await api.caller.platform.modules.enable({ moduleId: 'campus-card' });
    try {
      const loadsBefore = loadedCards;
      const page = await api.caller.users.search({ pageSize: 2 });
      expect(page.columns).toEqual([{ id: 'cards', title: 'Cards' }]);
      expect(page.rows.map((r) => r.extra)).toEqual([{ cards: 1 }, { cards: 1 }]);
      // A list showing none of them asks for none: they are still offered, and cost nothing.
      const hidden = await api.caller.users.search({ pageSize: 2, columns: [] });
      expect(hidden.columns).toEqual([{ id: 'cards', title: 'Cards' }]);
      expect(hidden.rows.map((r) => r.extra)).toEqual([{ cards: null }, { cards: null }]);
      expect(loadedCards - loadsBefore).toBe(1);
    } finally {
      await api.caller.platform.modules.disable({ moduleId: 'campus-card' });
    }
  });

  it("keeps another institution's users invisible and untouchable", async () => {
    const other = await api.createInstitution({ modules: ['users'] });
    const theirs = api.callerFor({ institutionId: other.id, permissions: new Set(api.kernel.permissions.keys()) });
    expect((await theirs.users.search({})).total).toBe(0);
    const [mine] = (await api.caller.users.search({ query: 'S1000001', searchBy: 'primaryId' })).rows;
    await expect(theirs.users.get({ id: mine?.id ?? '' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(theirs.users.update({ ...ada, id: mine?.id ?? '' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The same identifier is free in another institution.
    await theirs.users.codeTables.save({ table: 'USER_GROUP', code: 'UNDERGRAD', description: 'Undergraduate' });
    await theirs.users.codeTables.save({ table: 'IDENTIFIER_TYPE', code: 'BARCODE', description: 'Barcode' });
    expect((await theirs.users.create(ada)).status).toBe('saved');
  });

  it('moves the last-updated date when another module reports a change to the user', async () => {
    const [row] = (await api.caller.users.search({ query: 'S1000001', searchBy: 'primaryId' })).rows;
    const before = await api.caller.users.get({ id: row?.id ?? '' });
    await api.kernel.services.get(coreServices.transactions).run(async ({ raise }) => {
      raise(usersEvents.userTouched, {
        institutionId: api.institution.id,
        userId: before.id,
        actor: 'Notes',
        reason: 'note added',
      });
    });
    const after = await api.caller.users.get({ id: before.id });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(after.updatedBy).toBe('Notes');

    await api.kernel.services.get(coreServices.transactions).run(async ({ raise }) => {
      raise(usersEvents.userTouched, {
        institutionId: api.institution.id,
        userId: before.id,
        actor: 'Blocks',
        reason: 'block added',
        history: { field: 'blocks', oldValue: null, newValue: 'GENERAL (active)' },
      });
    });
    expect((await api.caller.users.history({ id: before.id, field: 'blocks' })).entries).toMatchObject([
      { fieldLabel: 'Blocks', newValue: 'GENERAL (active)', actor: 'Blocks' },
    ]);
  });

  it('refuses to remove a code still in use', async () => {
    await expect(api.caller.users.codeTables.remove({ table: 'USER_GROUP', code: 'UNDERGRAD' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^"UNDERGRAD" is used by \d+ users; deactivate it instead$/),
    });
  });
});
