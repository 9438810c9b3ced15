import { type TRPCRouterRecord } from '@trpc/server';
import { coreServices, protectedProcedure } from '@ulms/platform';
import { sisExtensionPoints } from '../contracts/sis-extension-points.js';
import { SIS_MODULE, sisPermissions as can } from '../contracts/sis-module.js';
import { saveSisProfileInput, sisProfileIdInput } from '../contracts/sis-profile.schema.js';
import { listSisRunEntriesInput, listSisRunsInput, sisRunIdInput } from '../contracts/sis-run.schema.js';
import type { SisFormatDto } from '../contracts/sis-run.dto.js';
import { sisProfilesRef, sisRunsRef } from './sis-refs.js';

const readProfiles = protectedProcedure(SIS_MODULE, can.profileRead);
const manageProfiles = protectedProcedure(SIS_MODULE, can.profileManage);
const readRuns = protectedProcedure(SIS_MODULE, can.runRead);
const startRuns = protectedProcedure(SIS_MODULE, can.runStart);

/** Integration profiles, the formats they may read, and runs with their reports, differences and rejects. */
export const sisRouter = {
  formats: readProfiles.query(async ({ ctx }): Promise<SisFormatDto[]> => {
    const formats = await ctx.services.get(coreServices.extensions).for(sisExtensionPoints.formats, ctx.institution.id);
    return formats.map((f) => ({
      id: f.id,
      name: f.name,
      usesColumnMapping: f.usesColumnMapping ?? false,
      fileExtensions: f.fileExtensions,
    }));
  }),
  profiles: {
    list: readProfiles.query(({ ctx }) => ctx.services.get(sisProfilesRef).list(ctx.institution.id)),
    get: readProfiles
      .input(sisProfileIdInput)
      .query(({ ctx, input }) => ctx.services.get(sisProfilesRef).get(ctx.institution.id, input.id)),
    save: manageProfiles
      .input(saveSisProfileInput)
      .mutation(({ ctx, input }) => ctx.services.get(sisProfilesRef).save(ctx.institution.id, input)),
    remove: manageProfiles.input(sisProfileIdInput).mutation(async ({ ctx, input }) => {
      await ctx.services.get(sisProfilesRef).remove(ctx.institution.id, input.id);
      return { removed: true };
    }),
  },
  runs: {
    list: readRuns
      .input(listSisRunsInput)
      .query(({ ctx, input }) => ctx.services.get(sisRunsRef).list(ctx.institution.id, input)),
    get: readRuns
      .input(sisRunIdInput)
      .query(({ ctx, input }) => ctx.services.get(sisRunsRef).get(ctx.institution.id, input.id)),
    entries: readRuns
      .input(listSisRunEntriesInput)
      .query(({ ctx, input }) => ctx.services.get(sisRunsRef).entries(ctx.institution.id, input)),
    /** Applies a finished dry run: a new run on the same file. */
    applyDryRun: startRuns
      .input(sisRunIdInput)
      .mutation(({ ctx, input }) =>
        ctx.services.get(sisRunsRef).apply(ctx.institution.id, input.id, ctx.principal.displayName, ctx.principal.id),
      ),
  },
} satisfies TRPCRouterRecord;
