import { createHash } from 'node:crypto';
import { coreServices, defineJob, type JobContext, ValidationError } from '@ulms/platform';
import { type ExternalLoadOptions, usersServices } from '@ulms/users/contracts';
import { z } from 'zod';
import { sisExtensionPoints } from '../contracts/sis-extension-points.js';
import type { SisProfileSettings } from '../contracts/sis-profile.schema.js';
import type { SisRunCounts } from '../contracts/sis-run.dto.js';
import { type BatchContext, loadBatch, type PositionedRecord } from './sis-load.batch.js';
import { retireMissing } from './sis-retire-missing.js';
import { SIS_RUN_JOB } from './sis-run.job-id.js';
import { sisProfilesRef } from './sis-refs.js';

const BATCH_SIZE = 500;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const daysFrom = (date: Date, days: number) => isoDay(new Date(date.getTime() + days * 86_400_000));

/** The users module's load options of a profile. */
function loadOptionsOf(code: string, profile: SisProfileSettings, today: Date): ExternalLoadOptions {
  const { defaults } = profile;
  return {
    owner: code,
    recordType: profile.recordType,
    match:
      profile.matchBy === 'IDENTIFIER' && profile.matchIdType
        ? { by: 'IDENTIFIER', idType: profile.matchIdType }
        : { by: 'PRIMARY_ID' },
    mode: profile.mode,
    defaults: {
      userGroup: defaults.userGroup ?? null,
      campusCode: defaults.campusCode ?? null,
      preferredLanguage: defaults.preferredLanguage ?? null,
      jobCategory: defaults.jobCategory ?? null,
      expiryDate: defaults.expiryDays ? daysFrom(today, defaults.expiryDays) : null,
      purgeDate: defaults.purgeDays ? daysFrom(today, defaults.purgeDays) : null,
    },
    overwriteProtected: profile.overwriteProtected,
  };
}

/**
 * A SIS run: reads the file record by record, loads it batch by batch (each batch committed with the run's
 * cursor), then, for a full load, applies the missing-users policy. Resumable: a run whose process died goes
 * on after its last committed batch, so no record is processed twice.
 */
export const sisRunJob = defineJob({
  id: SIS_RUN_JOB,
  title: 'SIS load',
  paramsSchema: z.object({ runId: z.uuid() }),
  resumable: true,
  async run(job: JobContext<{ runId: string }>): Promise<SisRunCounts> {
    const { services, institutionId } = job;
    const prisma = services.get(coreServices.prisma);
    const run = await prisma.sisRun.findFirst({ where: { id: job.params.runId, institutionId } });
    if (!run) throw new Error('the SIS run is gone');
    try {
      const profileDto = await services.get(sisProfilesRef).get(institutionId, run.profileId);
      const profile = profileDto.settings;
      const extensions = services.get(coreServices.extensions);
      const format = (await extensions.for(sisExtensionPoints.formats, institutionId)).find(
        (f) => f.id === profile.format,
      );
      if (!format) throw ValidationError.of('format', `"${profile.format}" is not a format of this institution`);
      let cursor = run.cursor;
      if (run.dryRun && cursor > 0) {
        // A dry run keeps in memory which users the file holds: a restarted one starts over.
        await prisma.$transaction([
          prisma.sisRunEntry.deleteMany({ where: { runId: run.id } }),
          prisma.sisRun.update({
            where: { id: run.id },
            data: { cursor: 0, processed: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, deactivated: 0 },
          }),
        ]);
        cursor = 0;
      }
      await prisma.sisRun.update({ where: { id: run.id }, data: { status: 'RUNNING' } });
      const today = run.createdAt;
      const ctx: BatchContext = {
        prisma,
        transactions: services.get(coreServices.transactions),
        externalLoad: services.get(usersServices.externalLoad),
        by: { institutionId, actor: `SIS load ${profileDto.code}`, actorKind: 'job', job: job.jobId },
        runId: run.id,
        institutionId,
        profileId: run.profileId,
        profile,
        options: loadOptionsOf(profileDto.code, profile, today),
        mappers: await extensions.for(sisExtensionPoints.fieldMappers, institutionId),
        mapperContext: { institutionId, profileCode: profileDto.code, profile },
        dryRun: run.dryRun,
        fullLoad: run.fullLoad,
        settingsTag: createHash('sha256')
          .update(`${profileDto.code}\u0000${JSON.stringify(profile)}\u0000${isoDay(today)}`)
          .digest('base64url'),
        seen: new Set(),
      };

      let seq = 0;
      let processed = cursor;
      let batch: PositionedRecord[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        job.signal.throwIfAborted();
        await loadBatchSafely(ctx, batch);
        processed += batch.length;
        batch = [];
        await job.progress(processed);
      };
      for await (const record of format.read({
        path: run.filePath,
        fileName: run.fileName,
        profile,
        signal: job.signal,
      })) {
        if (seq >= cursor) {
          batch.push({ seq, record });
          if (batch.length >= BATCH_SIZE) await flush();
        }
        seq += 1;
      }
      await flush();
      await prisma.sisRun.update({ where: { id: run.id }, data: { total: seq } });
      await job.progress(seq, seq);

      if (run.fullLoad && profile.missingUsers.action !== 'NOTHING') {
        await retireMissing(ctx, { total: seq, policy: profile.missingUsers, today, signal: job.signal });
      }
      const done = await prisma.sisRun.update({
        where: { id: run.id },
        data: { status: 'SUCCEEDED', finishedAt: new Date() },
      });
      return {
        processed: done.processed,
        created: done.created,
        updated: done.updated,
        unchanged: done.unchanged,
        rejected: done.rejected,
        deactivated: done.deactivated,
      };
    } catch (error) {
      // A run this process lost (or stopped) goes on elsewhere: only a real failure is recorded.
      if (!job.signal.aborted) {
        await prisma.sisRun.update({
          where: { id: run.id },
          data: { status: 'FAILED', error: (error as Error).message, finishedAt: new Date() },
        });
      }
      throw error;
    }
  },
});

/**
 * A batch whose write fails (a user changed meanwhile, an identifier taken by a concurrent save) is loaded
 * again record by record, each planned afresh; a record that still fails is rejected with the reason.
 */
async function loadBatchSafely(ctx: BatchContext, batch: readonly PositionedRecord[]): Promise<void> {
  try {
    await loadBatch(ctx, batch);
    return;
  } catch (error) {
    if (batch.length === 1) throw error;
  }
  for (const one of batch) {
    try {
      await loadBatch(ctx, [one]);
    } catch (error) {
      await loadBatch(ctx, [{ seq: one.seq, record: { error: `could not be loaded: ${(error as Error).message}` } }]);
    }
  }
}
