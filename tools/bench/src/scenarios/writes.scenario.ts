import { jobServices } from '@ulms/platform';
import { usersServices } from '@ulms/users';
import type { BenchEnvironment } from '../bench-setup.js';
import { measure } from '../measure.js';
import type { ScenarioResult } from './scenario-result.js';

export const CREATED_LAST_NAME = 'Benchcreated';

/** Scenario 4a: creating users one by one through the service layer (every rule, history, events). */
export async function createUsersScenario(env: BenchEnvironment, count: number): Promise<ScenarioResult> {
  const users = env.kernel.services.get(usersServices.users);
  const by = { institutionId: env.institution.id, actor: 'bench' };
  const inputs = Array.from({ length: count }, (_, n) => n);
  const product = await measure(inputs, async (n) => {
    const result = await users.create(by, {
      recordType: 'PUBLIC',
      primaryId: `new${String(n).padStart(7, '0')}`,
      firstName: 'Nova',
      lastName: CREATED_LAST_NAME,
      userGroup: 'UNDERGRAD',
      identifiers: [{ idType: 'BARCODE', value: `NB${n}` }],
      emails: [{ emailAddress: `new${n}@example.edu`, emailTypes: ['personal'], preferred: true }],
      confirmDuplicate: true,
    });
    if (result.status !== 'saved') throw new Error('not saved');
  }, { warmUp: 0 });
  return { name: `create ${count} users (service layer)`, product, notes: `${Math.round((count / product.perSecond) * 10) / 10} s in all` };
}

/** Scenario 4b: a bulk edit of the created users' user group, run as a job, history included. */
export async function bulkEditScenario(env: BenchEnvironment, count: number): Promise<ScenarioResult> {
  const started = performance.now();
  const job = await env.caller.users.bulkEdit({ search: { query: CREATED_LAST_NAME, searchBy: 'name' }, changes: { userGroup: 'GRAD' } });
  await env.kernel.services.get(jobServices.jobs).waitFor(job.id);
  const seconds = (performance.now() - started) / 1000;
  const done = await env.caller.platform.jobs.get({ id: job.id });
  const report = done.report as { updated?: number } | null;
  if (done.status !== 'SUCCEEDED' || report?.updated !== count) throw new Error(`bulk edit: ${done.status} ${JSON.stringify(done.report)}`);
  const history = await env.database.prisma.userHistoryEntry.count({ where: { institutionId: env.institution.id, field: 'userGroup', actorKind: 'job' } });
  return {
    name: `bulk edit ${count} users' user group (job)`,
    product: { samples: 1, medianMs: seconds * 1000, p95Ms: seconds * 1000, p99Ms: seconds * 1000, perSecond: Math.round(count / seconds) },
    notes: `${Math.round(seconds * 10) / 10} s in all; ${history} history entries written`,
  };
}
