import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import type { Logger } from 'pino';
import type { JobInfo, JobStatus } from '../contracts/jobs.schema.js';
import { isUniqueViolation } from '../database/database-errors.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/domain-errors.js';
import { parseInput } from '../errors/parse-input.js';
import type { ServiceContainer } from '../plugin/service-ref.js';
import type { JobDefinition } from './job-definition.js';

/** Starts background jobs, one running per type and institution, and keeps their progress and report. */
export interface JobService {
  start(
    institutionId: string,
    type: string,
    params: unknown,
    createdBy: string,
    /** The staff account or API key starting it, which may then follow it without seeing every job. */
    createdById?: string,
  ): Promise<JobInfo>;
  /** With `createdById`, only a job that principal started (any other is not found). */
  get(institutionId: string, id: string, options?: { createdById?: string }): Promise<JobInfo>;
  list(institutionId: string, options?: { type?: string; limit?: number; createdById?: string }): Promise<JobInfo[]>;
  /** Resolves when the job has finished here (for tests and the CLI). */
  waitFor(id: string): Promise<void>;
  /**
   * Takes over the RUNNING jobs whose lease has expired (their process stopped): exactly one process wins
   * each, and resumes it when its definition is resumable, or fails it and releases what it held.
   */
  recoverAbandoned(): Promise<{ resumed: number; failed: number }>;
  /** Recovers abandoned jobs now and then every half lease, until `stop`. */
  startRecovery(): void;
  /** Stops renewing leases and recovering; jobs still running here are left for another process to take over. */
  stop(): Promise<void>;
}

/** How long a lease holds without renewal; the runner renews it every third of that. */
export interface JobLeaseOptions {
  readonly leaseMs?: number;
}

const DEFAULT_LEASE_MS = 30_000;

const jobSelect = {
  id: true,
  type: true,
  status: true,
  params: true,
  processed: true,
  total: true,
  report: true,
  error: true,
  createdBy: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

export function createJobService(deps: {
  prisma: PrismaClient;
  definitions: readonly JobDefinition[];
  /** The definitions of the plugins an institution enabled: a job starts only where its plugin is enabled. */
  enabledIn: (institutionId: string) => Promise<readonly JobDefinition[]>;
  logger: Logger;
  services: () => ServiceContainer;
  lease?: JobLeaseOptions;
}): JobService {
  const { prisma, logger } = deps;
  const byType = new Map(deps.definitions.map((d) => [d.id, d]));
  const running = new Map<string, { done: Promise<void>; abort: AbortController }>();
  // Identifies this process's leases; a restarted process is a new owner.
  const owner = randomUUID();
  const leaseMs = deps.lease?.leaseMs ?? Number(process.env['JOB_LEASE_MS'] ?? DEFAULT_LEASE_MS);
  const leaseUntil = () => new Date(Date.now() + leaseMs);
  let recovery: NodeJS.Timeout | undefined;

  const info = (row: { type: string; status: string } & Omit<JobInfo, 'title' | 'status' | 'type'>): JobInfo => ({
    ...row,
    status: row.status as JobStatus,
    title: byType.get(row.type)?.title ?? row.type,
  });

  /** Writes to the job only while this process holds its lease, so a process that lost it changes nothing. */
  const ownJob = (id: string) => ({ id, status: 'RUNNING', leaseOwner: owner });

  const execute = async (
    definition: JobDefinition,
    id: string,
    institutionId: string,
    params: unknown,
    previousReport: unknown,
  ) => {
    const abort = new AbortController();
    const renew = setInterval(() => {
      prisma.job
        .updateMany({
          where: ownJob(id),
          data: { leaseExpiresAt: leaseUntil() },
        })
        .then(({ count }) => {
          if (count === 0) abort.abort(new Error('the job was taken over by another process'));
        })
        .catch((error: unknown) => logger.warn({ err: error, job: id }, 'could not renew the job lease'));
    }, leaseMs / 3);
    renew.unref();
    const run = async () => {
      try {
        const report = await definition.run({
          jobId: id,
          institutionId,
          params,
          services: deps.services(),
          actor: `job:${definition.id}`,
          signal: abort.signal,
          previousReport,
          progress: async (processed, total) => {
            await prisma.job.updateMany({
              where: ownJob(id),
              data: { processed, ...(total !== undefined ? { total } : {}) },
            });
          },
          checkpoint: async (partial) => {
            await prisma.job.updateMany({
              where: ownJob(id),
              data: { report: partial as never },
            });
          },
        });
        await prisma.job.updateMany({
          where: ownJob(id),
          data: {
            status: 'SUCCEEDED',
            report: (report ?? null) as never,
            finishedAt: new Date(),
            leaseExpiresAt: null,
          },
        });
      } catch (error) {
        if (abort.signal.aborted) return;
        logger.error({ err: error, job: id, type: definition.id }, 'job failed');
        await prisma.job.updateMany({
          where: ownJob(id),
          data: {
            status: 'FAILED',
            error: error instanceof Error ? error.message : String(error),
            finishedAt: new Date(),
            leaseExpiresAt: null,
          },
        });
      } finally {
        clearInterval(renew);
      }
    };
    // The job's own failure is recorded above; this catches the bookkeeping failing too (a database gone).
    const done = run()
      .catch((error: unknown) => logger.error({ err: error, job: id }, 'could not record how the job ended'))
      .finally(() => running.delete(id));
    running.set(id, { done, abort });
  };

  const takeOver = async (job: {
    id: string;
    type: string;
    institutionId: string;
    params: unknown;
    report: unknown;
  }) => {
    const now = new Date();
    const { count } = await prisma.job.updateMany({
      where: {
        id: job.id,
        status: 'RUNNING',
        OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
      },
      data: {
        leaseOwner: owner,
        leaseExpiresAt: leaseUntil(),
        attempts: { increment: 1 },
      },
    });
    if (count === 0) return 'lost' as const;
    const definition = byType.get(job.type);
    if (definition?.resumable) {
      logger.warn({ job: job.id, type: job.type }, 'resuming a job whose process stopped');
      await execute(definition, job.id, job.institutionId, job.params, job.report);
      return 'resumed' as const;
    }
    await definition?.release?.({
      jobId: job.id,
      institutionId: job.institutionId,
      services: deps.services(),
    });
    await prisma.job.updateMany({
      where: ownJob(job.id),
      data: {
        status: 'FAILED',
        error: 'interrupted: the server process running it stopped',
        finishedAt: new Date(),
        leaseExpiresAt: null,
      },
    });
    return 'failed' as const;
  };

  const service: JobService = {
    async start(institutionId, type, params, createdBy, createdById) {
      const definition = byType.get(type);
      if (!definition) throw new NotFoundError(`job type "${type}"`);
      const applying = await deps.enabledIn(institutionId);
      if (!applying.includes(definition)) {
        throw new ForbiddenError(`job type "${type}" belongs to a module the institution has not enabled`);
      }
      const parsed = parseInput(definition.paramsSchema, params);
      let row;
      try {
        row = await prisma.job.create({
          data: {
            institutionId,
            type,
            params: parsed as never,
            status: 'RUNNING',
            createdBy,
            createdById: createdById ?? null,
            startedAt: new Date(),
            leaseOwner: owner,
            leaseExpiresAt: leaseUntil(),
          },
          select: jobSelect,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`a "${definition.title}" job is already running`);
        throw error;
      }
      await execute(definition, row.id, institutionId, parsed, null);
      return info(row);
    },
    async get(institutionId, id, options = {}) {
      const row = await prisma.job.findFirst({
        where: { id, institutionId, createdById: options.createdById },
        select: jobSelect,
      });
      if (!row) throw new NotFoundError('job');
      return info(row);
    },
    async list(institutionId, options = {}) {
      const rows = await prisma.job.findMany({
        where: {
          institutionId,
          type: options.type,
          createdById: options.createdById,
        },
        select: jobSelect,
        orderBy: { createdAt: 'desc' },
        take: options.limit ?? 50,
      });
      return rows.map(info);
    },
    async waitFor(id) {
      await running.get(id)?.done;
    },
    async recoverAbandoned() {
      const abandoned = await prisma.job.findMany({
        where: {
          status: 'RUNNING',
          OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: new Date() } }],
        },
        select: {
          id: true,
          type: true,
          institutionId: true,
          params: true,
          report: true,
        },
        take: 100,
      });
      const outcome = { resumed: 0, failed: 0 };
      for (const job of abandoned) {
        const result = await takeOver(job);
        if (result !== 'lost') outcome[result] += 1;
      }
      return outcome;
    },
    startRecovery() {
      if (recovery) return;
      const recover = () =>
        service
          .recoverAbandoned()
          .then((outcome) => {
            if (outcome.resumed + outcome.failed > 0) logger.warn(outcome, 'took over jobs whose process stopped');
          })
          .catch((error: unknown) => logger.error({ err: error }, 'job recovery failed'));
      void recover();
      recovery = setInterval(recover, leaseMs / 2);
      recovery.unref();
    },
    async stop() {
      clearInterval(recovery);
      recovery = undefined;
      const stopping = [...running.values()];
      for (const { abort } of stopping) abort.abort(new Error('the server is stopping'));
      // A job that does not heed the signal is given until its lease would run out, then left to the next process.
      await Promise.race([
        Promise.allSettled(stopping.map((job) => job.done)),
        new Promise((resolve) => setTimeout(resolve, leaseMs).unref()),
      ]);
      // What is left RUNNING here another process may take over at once, not after the lease runs out.
      await prisma.job.updateMany({
        where: { status: 'RUNNING', leaseOwner: owner },
        data: { leaseExpiresAt: new Date(0) },
      });
    },
  };
  return service;
}
