import {
  type BuiltInRole,
  coreServices,
  definePlugin,
  jobDefinitions,
  jobServices,
  tenancyServices,
  workerDefinitions,
} from '@ulms/platform';
import { sisConfigSchema } from '../contracts/sis-config.schema.js';
import { sisExtensionPoints } from '../contracts/sis-extension-points.js';
import { SIS_MODULE, sisPermissions as can } from '../contracts/sis-module.js';
import { sisCsvFormat } from './formats/sis-csv.format.js';
import { sisJsonFormat } from './formats/sis-json.format.js';
import { sisXmlFormat } from './formats/sis-xml.format.js';
import { sisFiles } from './sis-files.js';
import { createSisInboxWorker } from './sis-inbox.worker.js';
import { createSisProfileStore } from './sis-profile.store.js';
import { sisConfigRef, sisProfilesRef, sisRunsRef, sisSettingsRef } from './sis-refs.js';
import { sisRunJob } from './sis-run.job.js';
import { createSisRunService } from './sis-run.service.js';
import { sisRouter } from './sis.router.js';

const ADMIN: BuiltInRole[] = ['GENERAL_SYSTEM_ADMINISTRATOR', 'USER_ADMINISTRATOR'];
const MANAGERS: BuiltInRole[] = [...ADMIN, 'USER_MANAGER'];

/** The SIS module: integration profiles, file formats, and runs that load the institution's external users. */
export const sisPlugin = definePlugin({
  id: SIS_MODULE,
  title: 'SIS synchronisation',
  dependsOn: ['users'],
  configSchema: sisConfigSchema,
  permissions: {
    [can.profileRead]: { description: 'Read the SIS integration profiles', roles: MANAGERS },
    [can.profileManage]: { description: 'Create and change SIS integration profiles', roles: ADMIN },
    [can.runRead]: { description: 'Read SIS runs, their reports and rejects', roles: MANAGERS },
    [can.runStart]: { description: 'Load a SIS file (dry run or applied)', roles: ADMIN },
  },
  router: sisRouter,
  files: sisFiles,
  register(env) {
    env.declareExtensionPoint(sisExtensionPoints.formats);
    env.declareExtensionPoint(sisExtensionPoints.fieldMappers);
    for (const format of [sisXmlFormat, sisCsvFormat, sisJsonFormat])
      env.contribute(sisExtensionPoints.formats, format);
    env.contribute(jobDefinitions, sisRunJob);
    env.provideService(sisSettingsRef, { deps: { config: sisConfigRef }, factory: ({ config }) => config });
    env.provideService(sisProfilesRef, {
      deps: { prisma: coreServices.prisma, extensions: coreServices.extensions },
      factory: createSisProfileStore,
    });
    env.provideService(sisRunsRef, {
      deps: {
        prisma: coreServices.prisma,
        profiles: sisProfilesRef,
        container: coreServices.container,
        dataDir: coreServices.dataDir,
      },
      factory: ({ container, ...deps }) =>
        createSisRunService({ ...deps, jobs: () => container().get(jobServices.jobs) }),
    });
    env.contributeWith(workerDefinitions, {
      deps: {
        prisma: coreServices.prisma,
        dataDir: coreServices.dataDir,
        institutions: tenancyServices.institutions,
        modules: tenancyServices.modules,
        container: coreServices.container,
      },
      factory: ({ container, ...deps }) => createSisInboxWorker({ ...deps, runs: () => container().get(sisRunsRef) }),
    });
  },
});
