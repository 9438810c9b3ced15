import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin } from '../plugin/plugin-definition.js';
import { startTestApi, type TestApi } from '../testing/start-test-api.js';
import { defineJob } from './job-definition.js';
import { jobDefinitions, jobServices } from './job-refs.js';
import { createJobService } from './job.service.js';

let release: () => void = () => undefined;
const countJob = defineJob({
  id: 'counter.count',
  title: 'Count to N',
  paramsSchema: z.object({
    to: z.number().int().min(1),
    fail: z.boolean().default(false),
    hold: z.boolean().default(false),
  }),
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
    api = await startTestApi({ plugins: [counter], institution: { modules: ['counter'] } });
  });
  afterAll(() => api.close());
  const jobs = () => api.kernel.services.get(jobServices.jobs);

  it('starts a job only in an institution that enabled its plugin', async () => {
    const other = await api.createInstitution();
    await expect(jobs().start(other.id, 'counter.count', { to: 1 }, 'tester')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'job type "counter.count" belongs to a module the institution has not enabled',
    });
  });

  it('runs a job in the background and keeps its progress and report', async () => {
    const started = await jobs().start(api.institution.id, 'counter.count', { to: 3 }, 'tester');
    expect(started).toMatchObject({
      status: 'RUNNING',
      title: 'Count to N',
      createdBy: 'tester',
    });
    await jobs().waitFor(started.id);
    const done = await api.caller.platform.jobs.get({ id: started.id });
    expect(done).toMatchObject({
      status: 'SUCCEEDED',
      processed: 3,
      total: 3,
      report: { counted: 3, actor: 'job:counter.count' },
    });
    expect(done.finishedAt).toBeInstanceOf(Date);
  });

  it('runs one job of a type at a time per institution', async () => {
    const held = await jobs().start(api.institution.id, 'counter.count', { to: 1, hold: true }, 'tester');
    await expect(jobs().start(api.institution.id, 'counter.count', { to: 1 }, 'tester')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'a "Count to N" job is already running',
    });
    const other = await api.createInstitution({ modules: ['counter'] });
    const elsewhere = await jobs().start(other.id, 'counter.count', { to: 1 }, 'tester');
    await jobs().waitFor(elsewhere.id);
    release();
    await jobs().waitFor(held.id);
    expect((await jobs().get(api.institution.id, held.id)).status).toBe('SUCCEEDED');
  });

  it('records a failure with its message, and refuses bad parameters field by field', async () => {
    const failing = await jobs().start(api.institution.id, 'counter.count', { to: 2, fail: true }, 'tester');
    await jobs().waitFor(failing.id);
    expect(await jobs().get(api.institution.id, failing.id)).toMatchObject({
      status: 'FAILED',
      error: 'counted too far',
      processed: 2,
    });
    await expect(jobs().start(api.institution.id, 'counter.count', { to: 0 }, 'tester')).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: [{ field: 'to', message: expect.stringContaining('>=1') }],
    });
  });

  it("lists only the caller institution's jobs", async () => {
    const other = await api.createInstitution();
    const theirs = api.callerFor({
      institutionId: other.id,
      permissions: new Set(['platform.job.read']),
    });
    expect(await theirs.platform.jobs.list()).toEqual([]);
    expect((await api.caller.platform.jobs.list()).length).toBeGreaterThanOrEqual(3);
    const [mine] = await api.caller.platform.jobs.list();
    await expect(theirs.platform.jobs.get({ id: mine?.id ?? '' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  describe('leases', () => {
    const released: string[] = [];
    const resumable = defineJob({
      id: 'counter.resumable',
      title: 'Resumable count',
      paramsSchema: z.object({ to: z.number().int() }),
      resumable: true,
      async run({ params, previousReport, checkpoint }) {
        await checkpoint({ counted: params.to });
        return { counted: params.to, resumedFrom: previousReport };
      },
    });
    const oneShot = defineJob({
      id: 'counter.oneShot',
      title: 'One-shot count',
      paramsSchema: z.object({}),
      async run() {
        return {};
      },
      async release({ jobId }) {
        released.push(jobId);
      },
    });
    /** Another server process on the same database. */
    const process = () =>
      createJobService({
        prisma: api.database.prisma,
        definitions: [resumable, oneShot],
        enabledIn: async () => [resumable, oneShot],
        logger: pino({ level: 'silent' }),
        services: () => api.kernel.services,
        lease: { leaseMs: 60_000 },
      });
    const abandoned = (type: string, leaseExpiresAt: Date | null) =>
      api.database.prisma.job.create({
        data: {
          institutionId: api.institution.id,
          type,
          status: 'RUNNING',
          createdBy: 'ghost',
          params: { to: 7 },
          report: { counted: 3 },
          leaseOwner: 'a stopped process',
          leaseExpiresAt,
        },
      });
    const statusOf = (id: string) => api.database.prisma.job.findUniqueOrThrow({ where: { id } });

    it('leaves a job alone while the process running it keeps its lease', async () => {
      const live = await abandoned('counter.resumable', new Date(Date.now() + 60_000));
      expect(await process().recoverAbandoned()).toEqual({
        resumed: 0,
        failed: 0,
      });
      expect(await statusOf(live.id)).toMatchObject({
        status: 'RUNNING',
        leaseOwner: 'a stopped process',
        attempts: 0,
      });
      await api.database.prisma.job.delete({ where: { id: live.id } });
    });

    it('resumes a resumable job whose lease ran out in exactly one of two processes, from its last checkpoint', async () => {
      const job = await abandoned('counter.resumable', new Date(Date.now() - 1_000));
      const [first, second] = [process(), process()];
      const outcomes = await Promise.all([first.recoverAbandoned(), second.recoverAbandoned()]);
      expect(outcomes.map((o) => o.resumed).sort()).toEqual([0, 1]);
      await Promise.all([first.waitFor(job.id), second.waitFor(job.id)]);
      expect(await statusOf(job.id)).toMatchObject({
        status: 'SUCCEEDED',
        attempts: 1,
        report: { counted: 7, resumedFrom: { counted: 3 } },
      });
    });

    it('fails a job that cannot be resumed, and releases what it held', async () => {
      const job = await abandoned('counter.oneShot', null);
      expect(await process().recoverAbandoned()).toEqual({
        resumed: 0,
        failed: 1,
      });
      expect(await statusOf(job.id)).toMatchObject({
        status: 'FAILED',
        error: 'interrupted: the server process running it stopped',
      });
      expect(released).toEqual([job.id]);
    });

    it('lets a stopping process hand its running jobs over at once', async () => {
      const mine = process();
      let finish: () => void = () => undefined;
      const held = defineJob({
        id: 'counter.resumable',
        title: 'Held',
        paramsSchema: z.object({ to: z.number().int() }),
        resumable: true,
        run: ({ signal }) =>
          new Promise((resolve, reject) => {
            finish = () => resolve({});
            signal.addEventListener('abort', () => reject(signal.reason));
          }),
      });
      const holder = createJobService({
        prisma: api.database.prisma,
        definitions: [held],
        enabledIn: async () => [held],
        logger: pino({ level: 'silent' }),
        services: () => api.kernel.services,
      });
      const other = await api.createInstitution();
      const started = await holder.start(other.id, 'counter.resumable', { to: 1 }, 'tester');
      await holder.stop();
      expect(await statusOf(started.id)).toMatchObject({
        status: 'RUNNING',
        leaseExpiresAt: new Date(0),
      });
      expect(await mine.recoverAbandoned()).toEqual({ resumed: 1, failed: 0 });
      await mine.waitFor(started.id);
      expect(await statusOf(started.id)).toMatchObject({
        status: 'SUCCEEDED',
        attempts: 1,
      });
      finish();
    });
  });
});
