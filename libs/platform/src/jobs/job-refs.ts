import { createServiceRef } from '../plugin/service-ref.js';
import type { JobService } from './job.service.js';

export { jobDefinitions } from './job-definition.js';

export const jobServices = {
  jobs: createServiceRef<JobService>({ id: 'platform.jobs' }),
};
