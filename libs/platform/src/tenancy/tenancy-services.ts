import { createServiceRef } from '../plugin/service-ref.js';
import type { InstitutionService } from './institution.service.js';
import type { ModuleService } from './module.service.js';

/** Tenancy services provided by the platform plugin. */
export const tenancyServices = {
  institutions: createServiceRef<InstitutionService>({ id: 'platform.institutions' }),
  modules: createServiceRef<ModuleService>({ id: 'platform.modules' }),
};
