import { startTestApi, type TestApi } from '@ulms/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserDto } from '../contracts/user.dto.js';
import { userRecordSelect } from './user-record.mapper.js';
import { readUserRecord } from './user-record.reader.js';
import { usersPlugin } from './users.plugin.js';
import { usersServices } from './users-services.js';

describe('the user record read in plain SQL', () => {
  let api: TestApi<[typeof usersPlugin]>;
  let user: UserDto;

  beforeAll(async () => {
    api = await startTestApi({
      plugins: [usersPlugin],
      institution: { modules: ['users'] },
    });
    const save = api.caller.users.codeTables.save;
    await save({
      table: 'USER_GROUP',
      code: 'UG',
      description: 'Undergraduate',
    });
    await save({
      table: 'IDENTIFIER_TYPE',
      code: 'BARCODE',
      description: 'Barcode',
    });
    await api.caller.platform.libraries.create({ code: 'MAIN', name: 'Main' });
    await api.caller.platform.libraries.create({ code: 'LAW', name: 'Law' });
    const created = await api.caller.users.create({
      recordType: 'PUBLIC',
      primaryId: 'Reader-1',
      firstName: 'Åsa',
      lastName: 'Ødegård',
      prefFirstName: 'Ace',
      userGroup: 'UG',
      birthDate: '1990-02-28',
      expiryDate: '2030-12-31',
      rsLibraries: ['MAIN'],
      identifiers: [{ idType: 'BARCODE', value: 'BC-R1', note: 'card' }],
      emails: [
        {
          emailAddress: 'asa@example.org',
          emailTypes: ['personal'],
          preferred: true,
        },
        { emailAddress: 'asa@work.example.org', emailTypes: ['work'] },
      ],
      addresses: [
        {
          line1: '1 Main St',
          city: 'Oslo',
          addressTypes: ['home'],
          preferred: true,
          startDate: '2024-01-01',
          endDate: '2026-06-30',
        },
      ],
      phones: [
        {
          phoneNumber: '+47 123',
          phoneTypes: ['mobile'],
          preferred: true,
          preferredSms: true,
        },
      ],
    });
    if (created.status !== 'saved') throw new Error(JSON.stringify(created));
    user = created.user;
    const { prisma } = api.database;
    await prisma.userRole.create({
      data: {
        institutionId: api.institution.id,
        userId: user.id,
        role: 'PATRON',
        expiryDate: new Date('2031-01-31T00:00:00Z'),
      },
    });
    await prisma.userFieldOverride.create({
      data: {
        institutionId: api.institution.id,
        userId: user.id,
        field: 'userGroup',
        sisValue: 'GRAD',
        createdBy: 'test',
      },
    });
  });
  afterAll(() => api.close());

  it('gives exactly what Prisma gives for the same selection', async () => {
    const viaPrisma = await api.database.prisma.user.findFirst({
      where: { id: user.id },
      select: userRecordSelect,
    });
    const { credential, ...viaSql } = (await readUserRecord(api.database.sql, api.institution.id, user.id)) ?? {};
    expect(viaPrisma?.roles).toHaveLength(1);
    expect(viaSql).toEqual(viaPrisma);
    // The same statement carries the kernel's word on the password: this user has none.
    expect(credential).toBeNull();
  });

  it('finds nothing for another institution, or for an id that is no uuid', async () => {
    const other = await api.createInstitution({ modules: ['users'] });
    expect(await readUserRecord(api.database.sql, other.id, user.id)).toBeNull();
    expect(await readUserRecord(api.database.sql, api.institution.id, 'not-a-uuid')).toBeNull();
  });

  it('finds the document by any identifier, saying how it is held, with the notes and statistics the viewer may see', async () => {
    const users = api.kernel.services.get(usersServices.users);
    const libraries = await api.caller.platform.libraries.list();
    const law = libraries.find((l) => l.code === 'LAW');
    await api.caller.users.notes.add({ userId: user.id, text: 'Unowned' });
    await api.caller.users.notes.add({
      userId: user.id,
      text: 'Owned by Law',
      ownerLibrary: 'LAW',
    });
    const everyone = { institution: api.institution, principal: {} };
    const byPrimary = await users.findDocumentByIdentifier(everyone, 'reader-1');
    expect(byPrimary).toMatchObject({
      heldAs: 'PRIMARY',
      user: { id: user.id, fullName: 'Ødegård, Ace' },
    });
    expect(byPrimary?.notes.map((n) => [n.text, n.ownerLibrary]).sort()).toEqual([
      ['Owned by Law', 'LAW'],
      ['Unowned', null],
    ]);
    expect((await users.findDocumentByIdentifier(everyone, 'bc-r1'))?.heldAs).toBe('BARCODE');
    expect(await users.findDocumentByIdentifier(everyone, 'nobody')).toBeNull();

    const independent = { ...api.institution, libraryIndependence: true };
    const mainOnly = {
      libraryScope: {
        all: false,
        libraryIds: new Set(libraries.filter((l) => l !== law).map((l) => l.id)),
      },
    };
    const scoped = await users.findDocumentByIdentifier({ institution: independent, principal: mainOnly }, 'Reader-1');
    expect(scoped?.notes.map((n) => n.text)).toEqual(['Unowned']);
  });

  it('reads many users in one statement, in the order asked, leaving out ids of no user of the institution', async () => {
    const users = api.kernel.services.get(usersServices.users);
    const other = await api.caller.users.create({
      recordType: 'PUBLIC',
      primaryId: 'Reader-2',
      firstName: 'Bo',
      lastName: 'Berg',
      userGroup: 'UG',
    });
    if (other.status !== 'saved') throw new Error('not saved');
    const elsewhere = await api.createInstitution({ modules: ['users'] });
    const many = await users.getMany(api.institution.id, [other.user.id, 'not-a-uuid', user.id, crypto.randomUUID()]);
    expect(many.map((u) => u.primaryId)).toEqual(['Reader-2', 'Reader-1']);
    expect(many[1]).toEqual(await users.get(api.institution.id, user.id));
    expect(await users.getMany(elsewhere.id, [user.id])).toEqual([]);
    await expect(users.requireExisting(api.institution.id, user.id)).resolves.toBeUndefined();
    await expect(users.requireExisting(elsewhere.id, user.id)).rejects.toThrow('user not found');
    await expect(users.requireExisting(api.institution.id, 'x')).rejects.toThrow('user not found');
    await expect(
      users.getMany(
        api.institution.id,
        Array.from({ length: 1001 }, () => user.id),
      ),
    ).rejects.toThrow('ids: at most 1000 at once');
  });
});
