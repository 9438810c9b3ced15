import { jobServices } from '@ulms/platform';
import { usersServices } from '@ulms/users';
import type { BenchEnvironment } from '../bench-setup.js';
import { measure } from '../measure.js';
import type { ScenarioResult } from './scenario-result.js';

/** Letters unique to this run, so that a kept database takes the writes of another run. */
const runTag = () =>
  Date.now()
    .toString(26)
    .replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)] ?? 'q');

/** Scenario 4: creating users one by one, then bulk-editing them. */
export async function writeScenarios(env: BenchEnvironment, count: number): Promise<ScenarioResult[]> {
  const tag = runTag();
  const lastName = `Benchcreated${tag}`;
  return [await createUsersScenario(env, count, tag, lastName), await bulkEditScenario(env, count, lastName)];
}

/** Scenario 4a: creating users one by one through the service layer (every rule, history, events). */
async function createUsersScenario(
  env: BenchEnvironment,
  count: number,
  tag: string,
  lastName: string,
): Promise<ScenarioResult> {
  const users = env.kernel.services.get(usersServices.users);
  const by = { institutionId: env.institution.id, actor: 'bench' };
  const inputs = Array.from({ length: count }, (_, n) => n);
  const product = await measure(
    inputs,
    async (n) => {
      const result = await users.create(by, {
        recordType: 'PUBLIC',
        primaryId: `new${tag}${String(n).padStart(7, '0')}`,
        firstName: 'Nova',
        lastName,
        userGroup: 'UNDERGRAD',
        identifiers: [{ idType: 'BARCODE', value: `NB${tag}${n}` }],
        emails: [
          {
            emailAddress: `new${tag}${n}@example.edu`,
            emailTypes: ['personal'],
            preferred: true,
          },
        ],
        confirmDuplicate: true,
      });
      if (result.status !== 'saved') throw new Error('not saved');
    },
    { warmUp: 0 },
  );
  return {
    name: `create ${count} users (service layer)`,
    product,
    notes: `${Math.round((count / product.perSecond) * 10) / 10} s in all`,
  };
}

/** Scenario 4b: a bulk edit of the created users' user group, run as a job, history included. */
async function bulkEditScenario(env: BenchEnvironment, count: number, lastName: string): Promise<ScenarioResult> {
  const startedAt = new Date();
  const started = performance.now();
  const job = await env.caller.users.bulkEdit({
    search: { query: lastName, searchBy: 'name' },
    changes: { userGroup: 'GRAD' },
  });
  await env.kernel.services.get(jobServices.jobs).waitFor(job.id);
  const seconds = (performance.now() - started) / 1000;
  const done = await env.caller.platform.jobs.get({ id: job.id });
  const report = done.report as { updated?: number } | null;
  if (done.status !== 'SUCCEEDED' || report?.updated !== count)
    throw new Error(`bulk edit: ${done.status} ${JSON.stringify(done.report)}`);
  const history = await env.database.prisma.userHistoryEntry.count({
    where: {
      institutionId: env.institution.id,
      field: 'userGroup',
      actorKind: 'job',
      at: { gte: startedAt },
    },
  });
  return {
    name: `bulk edit ${count} users' user group (job)`,
    product: {
      samples: 1,
      medianMs: Math.round(seconds * 1000),
      p95Ms: Math.round(seconds * 1000),
      p99Ms: Math.round(seconds * 1000),
      perSecond: Math.round(count / seconds),
    },
    notes: `${Math.round(seconds * 10) / 10} s in all; ${history} history entries written`,
  };
}
