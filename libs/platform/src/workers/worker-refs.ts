import { createServiceRef } from '../plugin/service-ref.js';
import type { WorkerService } from './worker.service.js';

export { workerDefinitions } from './worker-definition.js';

export const workerServices = {
  workers: createServiceRef<WorkerService>({ id: 'platform.workerRunner' }),
};
