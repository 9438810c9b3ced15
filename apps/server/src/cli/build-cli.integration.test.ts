import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authServices, databaseLocationFromEnv, openDatabase, startKernel, tenancyServices } from '@ulms/platform';
import { writeEnrolmentCsv } from '@ulms/courses/testing';
import { sisProfilesRef } from '@ulms/sis';
import { syntheticUser, writeSisXml } from '@ulms/sis/testing';
import { usersServices } from '@ulms/users/contracts';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { installedPlugins } from '../installed-plugins.js';
import { buildCli } from './build-cli.js';

let typedPassword = '';

async function run(...args: string[]): Promise<string[]> {
  const lines: string[] = [];
  await buildCli((line) => lines.push(line), { readPassword: async () => typedPassword }).parseAsync([
    'node',
    'ulms',
    ...args,
  ]);
  return lines;
}

describe('ulms CLI on the embedded database', () => {
  beforeAll(async () => {
    delete process.env['DATABASE_URL'];
    process.env['PGLITE_DATA_DIR'] = await mkdtemp(join(tmpdir(), 'ulms-cli-'));
  });

  it('asks for migrations before anything else', async () => {
    await expect(run('institution', 'create', '--code', 'UNI', '--name', 'Uni')).rejects.toThrow(
      /the database is not migrated .* run "ulms migrate" first/,
    );
  });

  it('migrates, then reports the database up to date', async () => {
    expect((await run('migrate'))[0]).toMatch(/^applied: 0001_platform/);
    expect(await run('migrate')).toEqual(['the database is up to date']);
  });

  it('creates an institution and refuses bad or duplicate input clearly', async () => {
    expect(
      (await run('institution', 'create', '--code', 'UNI', '--name', 'Uni', '--time-zone', 'Europe/Oslo'))[0],
    ).toMatch(/^created institution UNI \(/);
    await expect(run('institution', 'create', '--code', 'UNI', '--name', 'Again')).rejects.toThrow(
      'institution "UNI" already exists',
    );
    await expect(run('institution', 'create', '--code', 'X2', '--name', 'X', '--currency', 'EURO')).rejects.toThrow(
      'defaultCurrency: is not an ISO 4217 currency code such as USD',
    );
    await expect(run('institution', 'create', '--name', 'No code')).rejects.toThrow(
      "required option '--code <code>' not specified",
    );
  });

  it('enables a module and names an unknown institution or module', async () => {
    expect(await run('institution', 'enable-module', '--institution', 'UNI', '--module', 'platform')).toEqual([
      'enabled platform for UNI',
    ]);
    await expect(run('institution', 'enable-module', '--institution', 'NOPE', '--module', 'platform')).rejects.toThrow(
      'institution "NOPE" not found',
    );
    await expect(run('institution', 'enable-module', '--institution', 'UNI', '--module', 'nope')).rejects.toThrow(
      'module "nope" not found',
    );
    await expect(run('institution', 'disable-module', '--institution', 'UNI', '--module', 'platform')).rejects.toThrow(
      'module "platform" is part of the core and cannot be disabled',
    );
  });

  it('creates a staff administrator, with the password policy enforced', async () => {
    typedPassword = 'a long enough secret';
    await expect(run('staff', 'create', '--institution', 'UNI', '--username', 'root')).rejects.toThrow(
      'the users module is not enabled for this institution: staff sign in as its user records',
    );
    await run('institution', 'enable-module', '--institution', 'UNI', '--module', 'users');
    typedPassword = 'short';
    await expect(run('staff', 'create', '--institution', 'UNI', '--username', 'root')).rejects.toThrow(
      'password: must be at least 10 characters',
    );
    typedPassword = 'a long enough secret';
    expect(await run('staff', 'create', '--institution', 'UNI', '--username', 'root')).toEqual([
      'created staff user root in UNI with roles GENERAL_SYSTEM_ADMINISTRATOR, USER_ADMINISTRATOR',
    ]);
    // A Staff user record with those roles, who signs in with the typed password.
    const database = await openDatabase(databaseLocationFromEnv(process.env, 'unused'));
    try {
      const kernel = startKernel({
        plugins: installedPlugins,
        database,
        logger: pino({ level: 'silent' }),
        dataDir: tmpdir(),
      });
      const uni = await kernel.services.get(tenancyServices.institutions).getByCode('UNI');
      const found = await kernel.services.get(usersServices.users).findByIdentifier(uni.id, 'root');
      expect(found?.user).toMatchObject({ recordType: 'STAFF', primaryId: 'root', hasPassword: true });
      expect(found?.user.roles.map((r) => r.role).sort()).toEqual([
        'GENERAL_SYSTEM_ADMINISTRATOR',
        'USER_ADMINISTRATOR',
      ]);
      const signedIn = await kernel.services
        .get(authServices.sessions)
        .signIn({ institution: 'UNI', username: 'root', password: typedPassword }, { ip: '192.0.2.95' });
      expect(signedIn.result).toEqual({ status: 'signedIn' });
    } finally {
      await database.close();
    }
    await expect(
      run('staff', 'create', '--institution', 'UNI', '--username', 'desk', '--role', 'LIBRARIAN'),
    ).rejects.toThrow('unknown role "LIBRARIAN"');
    // Switched off again for the next test, which enables it itself.
    expect(await run('institution', 'disable-module', '--institution', 'UNI', '--module', 'users')).toEqual([
      'disabled users for UNI',
    ]);
  });

  it('creates an API key from a role or a permission list and prints it once', async () => {
    const [key] = await run(
      'apikey',
      'create',
      '--institution',
      'UNI',
      '--name',
      'SIS feed',
      '--role',
      'general_system_administrator',
    );
    expect(key).toMatch(/^ulms_[0-9a-f]{8}_[A-Za-z0-9_-]{32}$/);
    await expect(
      run('apikey', 'create', '--institution', 'UNI', '--name', 'x', '--permissions', 'platform.module.read,nope.x.y'),
    ).rejects.toThrow('permissions.1: unknown permission "nope.x.y"');
    await expect(run('apikey', 'create', '--institution', 'UNI', '--name', 'x')).rejects.toThrow(
      'give --permissions or --role',
    );
  });

  it('runs a job and prints its report, only where its module is enabled', async () => {
    await expect(run('job', 'run', 'users.purge', '--institution', 'UNI')).rejects.toThrow(
      'job type "users.purge" belongs to a module the institution has not enabled',
    );
    await run('institution', 'enable-module', '--institution', 'UNI', '--module', 'users');
    const lines = await run('job', 'run', 'users.purge', '--institution', 'UNI');
    expect(lines[0]).toBe('Purge users: SUCCEEDED');
    expect(JSON.parse(lines.slice(1).join('\n'))).toEqual({ deleted: [], skipped: [] });
    await expect(run('job', 'run', 'nope.job', '--institution', 'UNI')).rejects.toThrow(
      'job type "nope.job" not found',
    );
  });

  it('loads a SIS file with a profile: a dry run first, then the load, with the rejected records named', async () => {
    await run('institution', 'enable-module', '--institution', 'UNI', '--module', 'sis');
    const database = await openDatabase(databaseLocationFromEnv(process.env, 'unused'));
    try {
      const kernel = startKernel({
        plugins: installedPlugins,
        database,
        logger: pino({ level: 'silent' }),
        dataDir: tmpdir(),
      });
      const uni = await kernel.services.get(tenancyServices.institutions).getByCode('UNI');
      await kernel.services
        .get(usersServices.codeTables)
        .save(uni.id, { table: 'USER_GROUP', code: 'UNDERGRAD', description: 'Undergraduates' });
      await kernel.services
        .get(sisProfilesRef)
        .save(uni.id, { code: 'REG', settings: { name: 'Registrar', format: 'sis.xml' } });
    } finally {
      await database.close();
    }
    const dir = await mkdtemp(join(tmpdir(), 'ulms-cli-sis-'));
    const file = await writeSisXml(dir, 'students.xml', [
      syntheticUser(1, { user_identifier: [] }),
      syntheticUser(2, { user_identifier: [], user_group: { value: 'NOPE' } }),
    ]);
    const dry = await run('sis', 'run', 'REG', file, '--institution', 'UNI', '--dry-run');
    expect(dry.find((line) => line.startsWith('Dry run'))).toMatch(/^Dry run .* of REG: SUCCEEDED$/);
    expect(dry).toContain('processed 2, created 1, updated 0, unchanged 0, rejected 1, deactivated 0');
    expect(dry).toContain('rejected record 2 (SIS2): user_group: "NOPE" is not a user group of this institution');
    const applied = await run('sis', 'run', 'REG', file, '--institution', 'UNI');
    expect(applied).toContain('processed 2, created 1, updated 0, unchanged 0, rejected 1, deactivated 0');
    expect(await run('sis', 'run', 'REG', file, '--institution', 'UNI')).toContain(
      'processed 2, created 0, updated 0, unchanged 1, rejected 1, deactivated 0',
    );
    await expect(run('sis', 'run', 'NOPE', file, '--institution', 'UNI')).rejects.toThrow('SIS profile not found');
  });

  it('imports an enrolment file: a dry run, the import with the rejected row named, then a full load that removes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ulms-cli-courses-'));
    const fields = ['course_code', 'section', 'course_name', 'term', 'user_primary_id'] as const;
    const row = (code: string, user: string) => ({
      course_code: code,
      section: '01',
      course_name: code,
      term: 'FALL',
      user_primary_id: user,
    });
    const file = await writeEnrolmentCsv(
      dir,
      'enrolments.csv',
      [row('HIST101', 'SIS1'), row('HIST101', 'NOBODY'), row('ART200', 'SIS1')],
      { fields },
    );
    await expect(run('courses', 'import', file, '--institution', 'UNI')).rejects.toThrow(
      'job type "courses.import" belongs to a module the institution has not enabled',
    );
    await run('institution', 'enable-module', '--institution', 'UNI', '--module', 'courses');

    const dry = await run('courses', 'import', file, '--institution', 'UNI', '--dry-run');
    expect(dry.find((line) => line.startsWith('Dry run'))).toMatch(/^Dry run .* of enrolments\.csv: SUCCEEDED$/);
    expect(dry).toContain('processed 3, added 2, kept 0, rejected 1, removed 0, courses created 2');
    const imported = await run('courses', 'import', file, '--institution', 'UNI');
    expect(imported.find((line) => line.startsWith('Import'))).toMatch(/^Import .* of enrolments\.csv: SUCCEEDED$/);
    expect(imported).toContain('processed 3, added 2, kept 0, rejected 1, removed 0, courses created 2');
    expect(imported).toContain(
      'rejected row 2 (NOBODY in HIST101/01): user_primary_id: no user has the primary identifier "NOBODY"',
    );

    // A path relative to where the operator stands.
    await writeEnrolmentCsv(dir, 'all.csv', [row('HIST101', 'SIS1')], { fields });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await run('courses', 'import', 'all.csv', '--institution', 'UNI', '--full-load')).toContain(
        'processed 1, added 0, kept 1, rejected 0, removed 1, courses created 0',
      );
    } finally {
      process.chdir(cwd);
    }
    await expect(run('courses', 'import', join(dir, 'missing.csv'), '--institution', 'UNI')).rejects.toThrow(
      `cannot read the file ${join(dir, 'missing.csv')}`,
    );
    await writeFile(join(dir, 'enrolments.pdf'), '%PDF-1.7');
    await expect(run('courses', 'import', join(dir, 'enrolments.pdf'), '--institution', 'UNI')).rejects.toThrow(
      'is not a CSV (.csv, .txt, .tsv) or JSON (.json, .jsonl) file',
    );
  });

  it('lists the installed plugins', async () => {
    expect(await run('plugins', 'list')).toContain('platform\tPlatform [core]');
  });
});
