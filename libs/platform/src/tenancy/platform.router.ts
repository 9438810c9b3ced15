import type { TRPCRouterRecord } from '@trpc/server';
import { platformPermissions as can } from '../contracts/platform-permissions.js';
import {
  configureModuleInput,
  createLibraryInput,
  enableModuleInput,
  moduleIdInput,
  updateInstitutionInput,
} from '../contracts/tenancy.schema.js';
import { jobIdInput, listJobsInput } from '../contracts/jobs.schema.js';
import { jobServices } from '../jobs/job-refs.js';
import { authExtensionPoints } from '../contracts/identity.js';
import { ConflictError } from '../errors/domain-errors.js';
import { coreServices } from '../plugin/core-services.js';
import { preferencesRouter } from '../preferences/preferences.router.js';
import { protectedProcedure } from '../trpc/trpc.js';
import { tenancyServices } from './tenancy-services.js';

const PLATFORM = 'platform';

/** The kernel's own procedures: the caller's institution, its libraries and its modules. */
export const platformRouter = {
  institution: {
    get: protectedProcedure(PLATFORM, can.institutionRead).query(({ ctx }) => ctx.institution),
    update: protectedProcedure(PLATFORM, can.institutionManage)
      .input(updateInstitutionInput)
      .mutation(({ ctx, input }) => ctx.services.get(tenancyServices.institutions).update(ctx.institution.id, input)),
  },
  libraries: {
    list: protectedProcedure(PLATFORM, can.libraryRead).query(({ ctx }) =>
      ctx.services.get(tenancyServices.institutions).listLibraries(ctx.institution.id),
    ),
    create: protectedProcedure(PLATFORM, can.libraryManage)
      .input(createLibraryInput)
      .mutation(({ ctx, input }) =>
        ctx.services.get(tenancyServices.institutions).createLibrary(ctx.institution.id, input),
      ),
  },
  modules: {
    list: protectedProcedure(PLATFORM, can.moduleRead).query(({ ctx }) =>
      ctx.services.get(tenancyServices.modules).list(ctx.institution.id),
    ),
    enable: protectedProcedure(PLATFORM, can.moduleManage)
      .input(enableModuleInput)
      .mutation(({ ctx, input }) =>
        ctx.services.get(tenancyServices.modules).enable(ctx.institution.id, input.moduleId, input.config),
      ),
    disable: protectedProcedure(PLATFORM, can.moduleManage)
      .input(moduleIdInput)
      .mutation(({ ctx, input }) => {
        const signsPeopleIn = ctx.services
          .get(coreServices.extensions)
          .contributors(authExtensionPoints.principalResolver)
          .includes(input.moduleId);
        if (signsPeopleIn) {
          throw new ConflictError(
            `disabling "${input.moduleId}" would sign out every staff member of this institution, you included: ` +
              'staff sign in as its user records. An operator can do it with "ulms institution disable-module".',
          );
        }
        return ctx.services.get(tenancyServices.modules).disable(ctx.institution.id, input.moduleId);
      }),
    configure: protectedProcedure(PLATFORM, can.moduleManage)
      .input(configureModuleInput)
      .mutation(({ ctx, input }) =>
        ctx.services.get(tenancyServices.modules).configure(ctx.institution.id, input.moduleId, input.config),
      ),
  },
  jobs: {
    list: protectedProcedure(PLATFORM, can.jobRead)
      .input(listJobsInput)
      .query(({ ctx, input }) => ctx.services.get(jobServices.jobs).list(ctx.institution.id, input)),
    get: protectedProcedure(PLATFORM, can.jobRead)
      .input(jobIdInput)
      .query(({ ctx, input }) => ctx.services.get(jobServices.jobs).get(ctx.institution.id, input.id)),
    /** The caller's own jobs: whoever may start a job follows it and reads its report without seeing every job. */
    own: {
      list: protectedProcedure(PLATFORM, can.jobOwnRead)
        .input(listJobsInput)
        .query(({ ctx, input }) =>
          ctx.services.get(jobServices.jobs).list(ctx.institution.id, { ...input, createdById: ctx.principal.id }),
        ),
      get: protectedProcedure(PLATFORM, can.jobOwnRead)
        .input(jobIdInput)
        .query(({ ctx, input }) =>
          ctx.services.get(jobServices.jobs).get(ctx.institution.id, input.id, { createdById: ctx.principal.id }),
        ),
    },
  },
  preferences: preferencesRouter,
} satisfies TRPCRouterRecord;
