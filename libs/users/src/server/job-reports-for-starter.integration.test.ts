import { randomUUID } from 'node:crypto';
import { jobServices, platformPermissions } from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersPermissions } from '../contracts/index.js';
import { usersPlugin } from './users.plugin.js';

// A desk operator's permissions as far as jobs go: may bulk edit users, may not see the Jobs list.
const deskPermissions = new Set([
  usersPermissions.userRead,
  usersPermissions.userUpdate,
  platformPermissions.jobOwnRead,
]);

describe('the report of a job, for whoever started it', () => {
  let api: TestApi<[typeof usersPlugin]>;
  const desk = () => api.callerFor({ id: deskId, displayName: 'Desk Operator', permissions: deskPermissions });
  const deskId = randomUUID();
  const bulkEdit = async (caller: ReturnType<typeof desk>) => {
    const job = await caller.users.bulkEdit({
      search: { query: 'nobody-matches-this', searchBy: 'name' },
      changes: { userGroup: 'UG' },
    });
    await api.kernel.services.get(jobServices.jobs).waitFor(job.id);
    return job;
  };

  beforeAll(async () => {
    api = await startTestApi({ plugins: [usersPlugin], institution: { modules: ['users'] } });
    await api.caller.users.codeTables.save({ table: 'USER_GROUP', code: 'UG', description: 'UG' });
  });
  afterAll(() => api?.close());

  it('lets a staff member without the Jobs permission follow the bulk edit they started, and read its report', async () => {
    const job = await bulkEdit(desk());
    await expect(desk().platform.jobs.list({ limit: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(desk().platform.jobs.get({ id: job.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await desk().platform.jobs.own.get({ id: job.id })).toMatchObject({
      id: job.id,
      status: 'SUCCEEDED',
      createdBy: 'Desk Operator',
      report: { matched: 0, updated: 0, failed: [] },
    });
    expect((await desk().platform.jobs.own.list({ limit: 10 })).map((j) => j.id)).toEqual([job.id]);
  });

  it("keeps another staff member's jobs out of sight", async () => {
    const colleague = api.callerFor({ id: randomUUID(), displayName: 'Colleague', permissions: deskPermissions });
    const theirs = await bulkEdit(colleague);
    await expect(desk().platform.jobs.own.get({ id: theirs.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await desk().platform.jobs.own.list({ limit: 10 })).map((j) => j.id)).not.toContain(theirs.id);
    // The Jobs permission still shows every job of the institution.
    expect((await api.caller.platform.jobs.list({ limit: 10 })).map((j) => j.id)).toContain(theirs.id);
  });

  it("keeps another institution's jobs out of sight, even its starter's own id", async () => {
    const other = await api.createInstitution({ modules: ['users'] });
    const elsewhere = api.callerFor({
      id: deskId,
      institutionId: other.id,
      displayName: 'Desk Operator',
      permissions: deskPermissions,
    });
    const theirs = await elsewhere.platform.jobs.own.list({ limit: 10 });
    expect(theirs).toEqual([]);
    const mine = await desk().platform.jobs.own.list({ limit: 10 });
    await expect(elsewhere.platform.jobs.own.get({ id: mine[0]?.id ?? '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('needs the permission and a job id', async () => {
    const nobody = api.callerFor({ id: deskId, permissions: new Set() });
    await expect(nobody.platform.jobs.own.list({ limit: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(desk().platform.jobs.own.get({ id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(desk().platform.jobs.own.list({ limit: 1000 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
