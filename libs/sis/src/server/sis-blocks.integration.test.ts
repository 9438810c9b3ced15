import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jobServices } from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
// A shipped module's tests start the modules it builds on themselves (the catalogue lists this module).
// eslint-disable-next-line no-restricted-imports
import { usersPlugin } from '@ulms/users';
// eslint-disable-next-line no-restricted-imports
import { finesPlugin } from '@ulms/fines';
// eslint-disable-next-line no-restricted-imports
import { blocksPlugin } from '@ulms/blocks';
import { usersServices } from '@ulms/users/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticUser, writeSisXml } from '../testing/sis-files.js';
import { sisProfilesRef, sisRunsRef } from './sis-refs.js';
import { sisPlugin } from './sis.plugin.js';

type Api = TestApi<readonly [typeof usersPlugin, typeof finesPlugin, typeof blocksPlugin, typeof sisPlugin]>;
const database = process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

let api: Api;
let dir: string;
let files = 0;

const block = (type: string, note: string) => ({ block_type: { value: type }, block_note: note });

async function load(profileId: string, users: Record<string, unknown>[]) {
  const path = await writeSisXml(dir, `blocks-${(files += 1)}.xml`, users);
  const runs = api.kernel.services.get(sisRunsRef);
  const started = await runs.start(api.institution.id, {
    profileId,
    fileName: 'blocks.xml',
    content: createReadStream(path),
    dryRun: false,
    fullLoad: false,
    startedBy: 'Test',
  });
  await api.kernel.services.get(jobServices.jobs).waitFor(started.jobId as string);
  const run = await runs.get(api.institution.id, started.id);
  const entries = await runs.entries(api.institution.id, { runId: run.id, after: -1, limit: 50 });
  return { run, entries: entries.entries };
}

const userId = async (primaryId: string) =>
  (await api.kernel.services.get(usersServices.users).findByIdentifier(api.institution.id, primaryId))?.user.id ?? '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sis-blocks-'));
  api = (await startTestApi({
    plugins: [usersPlugin, finesPlugin, blocksPlugin, sisPlugin],
    institution: { modules: ['users', 'sis'] },
  })) as unknown as Api;
  for (const [table, code] of [
    ['USER_GROUP', 'UNDERGRAD'],
    ['IDENTIFIER_TYPE', 'BARCODE'],
  ] as const)
    await api.caller.users.codeTables.save({ table, code, description: code });
});
afterAll(async () => {
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

describe(`SIS loads of blocks (${database})`, () => {
  it('refuses user_block by name where the blocks module is not enabled', async () => {
    const p = await api.kernel.services
      .get(sisProfilesRef)
      .save(api.institution.id, { code: 'NOBLOCKS', settings: { name: 'No blocks', format: 'sis.xml' } });
    const { run, entries } = await load(p.id, [syntheticUser(1, { user_block: [block('GENERAL', 'From the SIS')] })]);
    expect(run.counts.rejected).toBe(1);
    expect(entries[0]?.errors).toEqual([
      { field: 'user_block', message: 'is not loaded: the module that keeps it is not enabled' },
    ]);
  });

  it("replaces the SIS's blocks and keeps the ones staff added", async () => {
    await api.caller.platform.modules.enable({ moduleId: 'fines' });
    await api.caller.platform.modules.enable({ moduleId: 'blocks' });
    const p = await api.kernel.services
      .get(sisProfilesRef)
      .save(api.institution.id, { code: 'BLOCKS', settings: { name: 'Blocks', format: 'sis.xml' } });
    await load(p.id, [syntheticUser(2, { user_block: [block('GENERAL', 'Unpaid tuition')] })]);
    const id = await userId('SIS2');
    await api.caller.blocks.add({ userId: id, type: 'LOST_CARD', note: 'Staff: card reported lost' });

    const same = await load(p.id, [syntheticUser(2, { user_block: [block('GENERAL', 'Unpaid tuition')] })]);
    expect(same.run.counts).toMatchObject({ unchanged: 1, updated: 0 });

    const changed = await load(p.id, [syntheticUser(2, { user_block: [block('GENERAL', 'Library fines')] })]);
    expect(changed.run.counts).toMatchObject({ updated: 1, rejected: 0 });
    expect(changed.entries[0]?.changes.map((c) => c.field)).toEqual(['user_block']);
    const { manual: blocks } = await api.caller.blocks.list({ userId: id });
    expect(blocks.map((b) => [b.type, b.note, b.external]).sort()).toEqual([
      ['GENERAL', 'Library fines', true],
      ['LOST_CARD', 'Staff: card reported lost', false],
    ]);

    const bad = await load(p.id, [syntheticUser(3, { user_block: [block('NOPE', 'x')] })]);
    expect(bad.entries[0]?.errors).toEqual([
      { field: 'user_block[0].block_type', message: '"NOPE" is not a block type of this institution' },
    ]);
  });
});
