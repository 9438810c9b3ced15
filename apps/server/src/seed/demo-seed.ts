import { type Kernel, tenancyServices } from '@ulms/platform';
import type { Logger } from 'pino';

export const DEMO_INSTITUTION_CODE = 'DEMO';

/** Creates the demo institution with its libraries and every module enabled; does nothing if it exists. */
export async function seedDemoInstitution(kernel: Kernel, logger: Logger): Promise<void> {
  const institutions = kernel.services.get(tenancyServices.institutions);
  if (await institutions.findByCode(DEMO_INSTITUTION_CODE)) return;

  const institution = await institutions.create({
    code: DEMO_INSTITUTION_CODE,
    name: 'Demo University Library',
    timeZone: 'America/New_York',
    defaultCurrency: 'USD',
    defaultLanguage: 'en',
  });
  await institutions.createLibrary(institution.id, { code: 'MAIN', name: 'Main Library' });
  await institutions.createLibrary(institution.id, { code: 'LAW', name: 'Law Library' });
  const modules = kernel.services.get(tenancyServices.modules);
  for (const plugin of kernel.plugins) {
    if (!plugin.core) await modules.enable(institution.id, plugin.id);
  }
  logger.info({ institution: institution.code }, 'demo institution created');
}
