import type { z } from 'zod';
import type { ServiceContainer } from '../plugin/service-ref.js';

/** What a running job can see and do. */
export interface JobContext<P> {
  readonly jobId: string;
  readonly institutionId: string;
  readonly params: P;
  readonly services: ServiceContainer;
  /** Who the job acts as, for created-by and history ("job:<type>"). */
  readonly actor: string;
  /** Records progress; cheap enough to call every few hundred items. */
  progress(processed: number, total?: number): Promise<void>;
}

/** A kind of background job, contributed to `platform.jobs` by the plugin that owns it. */
export interface JobDefinition<P = unknown, R = unknown> {
  /** `<pluginId>.<name>`, such as `users.purge`. */
  readonly id: string;
  readonly title: string;
  readonly paramsSchema: z.ZodType<P>;
  /** Does the work and returns the report stored with the job. */
  run(context: JobContext<P>): Promise<R>;
}

/** Declares a job; only checks and returns it, keeping the param and report types. */
export function defineJob<P, R>(definition: JobDefinition<P, R>): JobDefinition<P, R> {
  return definition;
}
