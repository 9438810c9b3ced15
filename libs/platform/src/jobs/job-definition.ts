import type { z } from 'zod';
import { createExtensionPoint } from '../plugin/extension-point.js';
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
  /** Stores the report so far, so that a job whose process is killed still tells what it did. */
  checkpoint(report: unknown): Promise<void>;
  /** The last checkpoint of an earlier run of this job that its process left unfinished, or null. */
  readonly previousReport: unknown;
  /** Aborted when this process loses the job (its lease expired and another took it) or stops: check it between batches. */
  readonly signal: AbortSignal;
}

/** A kind of background job, contributed to `platform.jobDefinitions` by the plugin that owns it. */
export interface JobDefinition<P = unknown, R = unknown> {
  /** `<pluginId>.<name>`, such as `users.purge`. */
  readonly id: string;
  readonly title: string;
  readonly paramsSchema: z.ZodType<P>;
  /** Does the work and returns the report stored with the job. */
  run(context: JobContext<P>): Promise<R>;
  /**
   * True when running the job again with the same parameters finishes its work safely: a job whose process
   * stopped is then resumed by another process, and otherwise failed.
   */
  readonly resumable?: boolean;
  /** Frees what a run holds (locks, say) when the job is failed after its process stopped. */
  release?(context: { jobId: string; institutionId: string; services: ServiceContainer }): Promise<void>;
}

/** Declares a job; only checks and returns it, keeping the param and report types. */
export function defineJob<P, R>(definition: JobDefinition<P, R>): JobDefinition<P, R> {
  return definition;
}

/** Where plugins contribute their kinds of job; a job starts only in institutions that enabled its plugin. */
export const jobDefinitions = createExtensionPoint<JobDefinition>({ id: 'platform.jobDefinitions' });
