import {
  type BuiltInRole,
  coreServices,
  definePlugin,
  jobDefinitions,
  tenancyServices,
  workerDefinitions,
  workerServices,
} from '@ulms/platform';
import { finesEvents, finesServices } from '@ulms/fines/contracts';
import { proxiesEvents } from '@ulms/proxies/contracts';
import { usersEvents, usersExtensionPoints, usersServices } from '@ulms/users/contracts';
import { lettersExtensionPoints } from '../contracts/letter-type.js';
import { lettersConfigSchema } from '../contracts/letters-config.schema.js';
import { LETTERS_MODULE, lettersPermissions as can } from '../contracts/letters-module.js';
import { lettersServices } from '../contracts/letters-services.js';
import { bulkLetterJob } from './bulk-letter.job.js';
import { createLetterComposer } from './letter-composer.js';
import { createLetterOperations } from './letter-operations.js';
import { createLetterOptOuts } from './letter-opt-outs.js';
import { createLetterTemplateStore } from './letter-template.store.js';
import { createLetterTypeRegistry } from './letter-types.registry.js';
import {
  generalMail,
  personalInformation,
  pinNumberGeneration,
  socialLoginInvitation,
  userDeletion,
} from './letter-types/letters-letter-types.js';
import { feeNotification, proxyNotification } from './letter-types/module-letter-types.js';
import { lettersConfigRef, lettersSettingsRef } from './letters-config.ref.js';
import {
  letterComposerRef,
  letterOperationsRef,
  letterOptOutsRef,
  letterTemplatesRef,
  letterTypesRef,
  outboxQueriesRef,
  templateEngineRef,
} from './letters-refs.js';
import { lettersRouter } from './letters.router.js';
import { createOutboxQueries } from './outbox.queries.js';
import { createOutboxWorker } from './outbox.worker.js';
import { notifyFeeAdded, notifyProxyAdded } from './module-notifications.js';
import { createSecretBox, loadSecretKey } from './secret-box.js';
import { createSmtpTransport } from './smtp.transport.js';
import { createTemplateEngine } from './template-engine.js';

const ADMIN: BuiltInRole[] = ['GENERAL_SYSTEM_ADMINISTRATOR'];
const MANAGERS: BuiltInRole[] = [...ADMIN, 'USER_ADMINISTRATOR', 'USER_MANAGER'];
const DESK: BuiltInRole[] = [...MANAGERS, 'CIRCULATION_DESK_MANAGER', 'CIRCULATION_DESK_OPERATOR'];

/** The letters module: templates institutions word, the outbox and its delivery, the reference's letters. */
export const lettersPlugin = definePlugin({
  id: LETTERS_MODULE,
  title: 'Letters',
  dependsOn: ['users'],
  configSchema: lettersConfigSchema,
  permissions: {
    [can.letterSend]: {
      description: 'Email a user: General mail, Social Login Invitation, User Deletion letter',
      roles: DESK,
    },
    // The reference's "Send Patron Information Letter": the Circulation Desk roles hold it.
    [can.personalInfoSend]: { description: 'Send a patron the personal information kept about them', roles: DESK },
    [can.logRead]: { description: "Read a user's letters and opt-outs", roles: [...DESK, 'VIEW_ONLY_OPERATOR'] },
    [can.optOutManage]: { description: 'Opt a user in or out of the letters that allow it', roles: DESK },
    [can.outboxRead]: { description: "Read the institution's outbox", roles: [...MANAGERS, 'VIEW_ONLY_OPERATOR'] },
    [can.outboxRetry]: { description: 'Send a failed or held letter again', roles: MANAGERS },
    [can.templateManage]: {
      description: 'Change the wording of letters',
      roles: ['GENERAL_SYSTEM_ADMINISTRATOR', 'USER_ADMINISTRATOR'],
    },
    [can.bulkSend]: { description: 'Email every user a search finds', roles: MANAGERS },
  },
  router: lettersRouter,
  register(env) {
    env.declareExtensionPoint(lettersExtensionPoints.letterTypes);
    env.declareExtensionPoint(lettersExtensionPoints.transports);
    for (const type of [
      generalMail,
      personalInformation,
      pinNumberGeneration,
      userDeletion,
      socialLoginInvitation,
      feeNotification,
      proxyNotification,
    ]) {
      env.contribute(lettersExtensionPoints.letterTypes, type);
    }
    env.contribute(lettersExtensionPoints.transports, createSmtpTransport());
    env.contribute(jobDefinitions, bulkLetterJob);

    env.provideService(lettersSettingsRef, { deps: { config: lettersConfigRef }, factory: ({ config }) => config });
    env.provideService(templateEngineRef, { deps: {}, factory: createTemplateEngine });
    env.provideService(letterTypesRef, {
      deps: { extensions: coreServices.extensions, modules: tenancyServices.modules },
      factory: createLetterTypeRegistry,
    });
    env.provideService(letterTemplatesRef, {
      deps: { prisma: coreServices.prisma, engine: templateEngineRef },
      factory: createLetterTemplateStore,
    });
    const secretBox = { dataDir: coreServices.dataDir };
    env.provideService(letterComposerRef, {
      deps: {
        ...secretBox,
        prisma: coreServices.prisma,
        users: usersServices.users,
        institutions: tenancyServices.institutions,
        config: lettersConfigRef,
        registry: letterTypesRef,
        templates: letterTemplatesRef,
        engine: templateEngineRef,
        workers: workerServices.workers,
      },
      factory: ({ dataDir, ...deps }) => createLetterComposer({ ...deps, secrets: lazySecretBox(dataDir) }),
    });
    env.provideService(lettersServices.letters, {
      deps: { composer: letterComposerRef },
      factory: ({ composer }) => composer,
    });
    env.provideService(outboxQueriesRef, {
      deps: { prisma: coreServices.prisma, registry: letterTypesRef, workers: workerServices.workers },
      factory: ({ workers, ...deps }) => createOutboxQueries({ ...deps, wake: (id) => workers.wake(id) }),
    });
    env.provideService(letterOptOutsRef, {
      deps: { prisma: coreServices.prisma, registry: letterTypesRef, users: usersServices.users },
      factory: createLetterOptOuts,
    });
    env.provideService(letterOperationsRef, {
      deps: {
        composer: letterComposerRef,
        outbox: outboxQueriesRef,
        users: usersServices.users,
        parts: usersServices.parts,
        personalData: usersServices.personalData,
        modules: tenancyServices.modules,
        config: lettersConfigRef,
        container: coreServices.container,
      },
      factory: ({ config, container, ...deps }) =>
        createLetterOperations({
          ...deps,
          // The fines module is optional: without it no one owes anything.
          balances: () => {
            try {
              return container().get(finesServices.balances);
            } catch {
              return null;
            }
          },
          socialSignInUrl: async (institutionId) => (await config.for(institutionId)).socialSignInUrl,
        }),
    });
    env.contributeWith(workerDefinitions, {
      deps: {
        prisma: coreServices.prisma,
        config: lettersConfigRef,
        extensions: coreServices.extensions,
        transports: lettersExtensionPoints.transports,
        dataDir: coreServices.dataDir,
      },
      factory: ({ dataDir, ...deps }) => createOutboxWorker({ ...deps, secrets: lazySecretBox(dataDir) }),
    });
    env.contributeWith(usersExtensionPoints.pinLetters, {
      deps: { composer: letterComposerRef },
      factory: ({ composer }) => ({
        id: pinNumberGeneration.id,
        send: async (by, userId, pin) =>
          (await composer.send(by, { letterTypeId: pinNumberGeneration.id, userId, secrets: { pin } })).status ===
          'queued',
      }),
    });
    env.subscribe(finesEvents.feeAdded, (payload, { services }) => notifyFeeAdded(services, payload));
    env.subscribe(proxiesEvents.proxyAdded, (payload, { services }) => notifyProxyAdded(services, payload));
    // No foreign key reaches the users module's table: a deleted user's letters and opt-outs go with them.
    env.subscribe(usersEvents.userDeleted, async ({ institutionId, userId }, { services }) => {
      const prisma = services.get(coreServices.prisma);
      await prisma.letterOutbox.deleteMany({ where: { institutionId, userId } });
      await prisma.letterOptOut.deleteMany({ where: { institutionId, userId } });
    });
  },
});

/** The letters key is read (or made) when the first secret letter is sealed or sent, not at start-up. */
function lazySecretBox(dataDir: string) {
  let key: Buffer | undefined;
  return createSecretBox(() => (key ??= loadSecretKey(dataDir)));
}
