import { jobServices, type ServiceContainer } from '@ulms/platform';
import type { UserDto } from '../contracts/user.dto.js';
import type { HistoryEntryDto } from '../contracts/user-parts.schema.js';
import { type HistoryWords, jobActor } from './user-history.js';
import { usersServices } from './users-services.js';

/** The latest jobs of each type looked at; older entries name the job without who started it. */
const JOBS_PER_TYPE = 200;

/** The code-table descriptions and the jobs a page of History entries needs to read as words. */
export async function loadHistoryWords(
  services: ServiceContainer,
  institutionId: string,
  entries: readonly HistoryEntryDto[],
): Promise<HistoryWords> {
  const jobTypes = new Set(
    entries.filter((e) => e.actorKind === 'job' && e.actor.startsWith('job:')).map((e) => e.actor.slice('job:'.length)),
  );
  const [codes, jobs] = await Promise.all([
    services.get(usersServices.codeTables).list(institutionId),
    Promise.all(
      [...jobTypes].map((type) => services.get(jobServices.jobs).list(institutionId, { type, limit: JOBS_PER_TYPE })),
    ),
  ]);
  const descriptions = new Map(codes.map((c) => [`${c.table}\u0000${c.code}`, c.description]));
  return {
    description: (table, code) => descriptions.get(`${table}\u0000${code}`),
    jobs: jobs.flat(),
  };
}

/** The record with "Bulk edit by Jane Smith" rather than `job:users.bulkEdit` as who changed it last. */
export async function withReadableUpdatedBy(
  services: ServiceContainer,
  institutionId: string,
  user: UserDto,
): Promise<UserDto> {
  if (!user.lastUpdatedByJob || !user.updatedBy.startsWith('job:')) return user;
  const job = await services
    .get(jobServices.jobs)
    .get(institutionId, user.lastUpdatedByJob)
    .catch(() => undefined);
  return {
    ...user,
    updatedBy: jobActor(user.updatedBy.slice('job:'.length), job),
  };
}
