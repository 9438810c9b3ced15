import { createExtensionPoint } from '../plugin/extension-point.js';
import { createServiceRef } from '../plugin/service-ref.js';
import type { JobDefinition } from './job-definition.js';
import type { JobService } from './job.service.js';

/** Where plugins contribute their kinds of job. */
export const jobDefinitions = createExtensionPoint<JobDefinition>({ id: 'platform.jobDefinitions' });

export const jobServices = {
  jobs: createServiceRef<JobService>({ id: 'platform.jobs' }),
};
