import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin } from '../plugin/plugin-definition.js';
import { startTestApi, type TestApi } from '../testing/start-test-api.js';
import { defineJob } from './job-definition.js';
import { jobDefinitions, jobServices } from './job-refs.js';

let release: () => void = () => undefined;
const countJob = defineJob({
  id: 'counter.count',
  title: 'Count to N',
  paramsSchema: z.object({ to: z.number().int().min(1), fail: z.boolean().default(false), hold: z.boolean().default(false) }),
  async run({ params, progress, actor }) {
    if (params.hold) await new Promise<void>((resolve) => (release = resolve));
    for (let i = 1; i <= params.to; i += 1) await progress(i, params.to);
    if (params.fail) throw new Error('counted too far');
    return { counted: params.to, actor };
  },
});
const counter = definePlugin({
  id: 'counter',
  title: 'Counter',
  register(env) {
    env.contribute(jobDefinitions, countJob);
  },
});

describe('the job runner', () => {
  let api: TestApi<[typeof counter]>;
  beforeAll(async () => {
    api = await startTestApi({ plugins: [counter] });
  });
  afterAll(() => api.close());
  const jobs = () => api.kernel.services.get(jobServices.jobs);

  it('runs a job in the background and keeps its progress and report', async () => {
    const started = await jobs().start(api.institution.id, 'counter.count', { to: 3 }, 'tester');
    expect(started).toMatchObject({ status: 'RUNNING', title: 'Count to N', createdBy: 'tester' });
    await jobs().waitFor(started.id);
    const done = await api.caller.platform.jobs.get({ id: started.id });
    expect(done).toMatchObject({ status: 'SUCCEEDED', processed: 3, total: 3, report: { counted: 3, actor: 'job:counter.count' } });
    expect(done.finishedAt).toBeInstanceOf(Date);
  });

  it('runs one job of a type at a time per institution', async () => {
    const held = await jobs().start(api.institution.id, 'counter.count', { to: 1, hold: true }, 'tester');
    await expect(jobs().start(api.institution.id, 'counter.count', { to: 1 }, 'tester')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'a "Count to N" job is already running',
    });
    const other = await api.createInstitution();
    const elsewhere = await jobs().start(other.id, 'counter.count', { to: 1 }, 'tester');
    await jobs().waitFor(elsewhere.id);
    release();
    await jobs().waitFor(held.id);
    expect((await jobs().get(api.institution.id, held.id)).status).toBe('SUCCEEDED');
  });

  it('records a failure with its message, and refuses bad parameters field by field', async () => {
    const failing = await jobs().start(api.institution.id, 'counter.count', { to: 2, fail: true }, 'tester');
    await jobs().waitFor(failing.id);
    expect(await jobs().get(api.institution.id, failing.id)).toMatchObject({ status: 'FAILED', error: 'counted too far', processed: 2 });
    await expect(jobs().start(api.institution.id, 'counter.count', { to: 0 }, 'tester')).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: [{ field: 'to', message: expect.stringContaining('>=1') }],
    });
  });

  it('lists only the caller institution\'s jobs', async () => {
    const other = await api.createInstitution();
    const theirs = api.callerFor({ institutionId: other.id, permissions: new Set(['platform.job.read']) });
    expect(await theirs.platform.jobs.list()).toEqual([]);
    expect((await api.caller.platform.jobs.list()).length).toBeGreaterThanOrEqual(3);
    const [mine] = await api.caller.platform.jobs.list();
    await expect(theirs.platform.jobs.get({ id: mine?.id ?? '' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('marks jobs left running by a stopped server as failed', async () => {
    await api.database.prisma.job.create({
      data: { institutionId: api.institution.id, type: 'counter.count', status: 'RUNNING', createdBy: 'ghost' },
    });
    expect(await jobs().failInterrupted()).toBe(1);
  });
});
