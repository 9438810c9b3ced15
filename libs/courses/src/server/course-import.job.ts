import { coreServices, defineJob, type JobContext } from '@ulms/platform';
import { usersServices } from '@ulms/users/contracts';
import { z } from 'zod';
import type { CourseImportCounts } from '../contracts/course-import.dto.js';
import {
  courseCache,
  type ImportContext,
  type PositionedRow,
  prepareBatch,
  writeBatch,
} from './course-import.batch.js';
import { COURSE_IMPORT_JOB } from './course-import.job-id.js';
import { removeMissing, reportMissing } from './course-import.removal.js';
import { importMappingRef } from './courses-refs.js';
import { enrolmentRows } from './enrolment-file.reader.js';

const BATCH_SIZE = 5_000;

/**
 * An enrolment import: reads the file row by row, loads it batch by batch (each committed with the import's
 * cursor), then, for a full load, removes the enrolments the file did not hold. Resumable: an import whose process
 * died goes on after its last committed batch, so no row is loaded twice.
 */
export const courseImportJob = defineJob({
  id: COURSE_IMPORT_JOB,
  title: 'Course enrolment import',
  paramsSchema: z.object({ importId: z.uuid() }),
  resumable: true,
  async run(job: JobContext<{ importId: string }>): Promise<CourseImportCounts> {
    const { services, institutionId } = job;
    const prisma = services.get(coreServices.prisma);
    const run = await prisma.courseImport.findFirst({ where: { id: job.params.importId, institutionId } });
    if (!run) throw new Error('the enrolment import is gone');
    try {
      const cursor = run.cursor;
      if (run.dryRun && run.removed > 0) {
        // A dry run's report of what a full load would remove is not resumable: a restarted one lists them again.
        await prisma.$transaction([
          prisma.courseImportEntry.deleteMany({ where: { importId: run.id, outcome: 'REMOVED' } }),
          prisma.courseImport.update({ where: { id: run.id }, data: { removed: 0 } }),
        ]);
      }
      await prisma.courseImport.update({ where: { id: run.id }, data: { status: 'RUNNING' } });
      const ctx: ImportContext = {
        prisma,
        transactions: services.get(coreServices.transactions),
        extensions: services.get(coreServices.extensions),
        search: services.get(usersServices.search),
        history: services.get(usersServices.history),
        by: { institutionId, actor: `Enrolment import by ${run.startedBy}`, actorKind: 'job', job: job.jobId },
        importId: run.id,
        institutionId,
        dryRun: run.dryRun,
        fullLoad: run.fullLoad,
        today: run.createdAt.toISOString().slice(0, 10),
        ...courseCache(),
      };
      const mapping = await services.get(importMappingRef).get(institutionId);

      let seq = 0;
      let batch: PositionedRow[] = [];
      // While a batch is written, the next is prepared (checked, its users looked up) and the one after it read;
      // batches are written one at a time, in the file's order.
      let writing: Promise<void> = Promise.resolve();
      const flush = async () => {
        if (batch.length === 0) return;
        const rowsOf = batch;
        batch = [];
        const prepared = prepareBatch(ctx, rowsOf);
        const previous = writing;
        writing = (async () => {
          await previous;
          const ready = await prepared;
          job.signal.throwIfAborted();
          await writeBatch(ctx, ready);
          await job.progress(ready.last + 1);
        })();
        // Either failure is seen by the next flush (or the last wait); until then neither may go unhandled.
        prepared.catch(() => undefined);
        writing.catch(() => undefined);
        await previous;
      };
      const rows = enrolmentRows({
        path: run.filePath,
        fileName: run.fileName,
        format: run.format as 'csv' | 'json',
        mapping,
        signal: job.signal,
      });
      for await (const source of rows) {
        if (seq >= cursor) {
          batch.push({ seq, source });
          if (batch.length >= BATCH_SIZE) await flush();
        }
        seq += 1;
      }
      await flush();
      await writing;
      await prisma.courseImport.update({ where: { id: run.id }, data: { total: seq } });
      await job.progress(seq, seq);

      if (run.fullLoad) await (run.dryRun ? reportMissing : removeMissing)(ctx, seq, job.signal);
      await prisma.courseImportMark.deleteMany({ where: { importId: run.id } });
      const done = await prisma.courseImport.update({
        where: { id: run.id },
        data: { status: 'SUCCEEDED', finishedAt: new Date() },
      });
      return {
        processed: done.processed,
        added: done.added,
        kept: done.kept,
        rejected: done.rejected,
        removed: done.removed,
        coursesCreated: done.coursesCreated,
        ruleFailures: done.ruleFailures,
      };
    } catch (error) {
      // An import this process lost (or stopped) goes on elsewhere: only a real failure is recorded.
      if (!job.signal.aborted) {
        await prisma.courseImport.update({
          where: { id: run.id },
          data: { status: 'FAILED', error: (error as Error).message, finishedAt: new Date() },
        });
        await prisma.courseImportMark.deleteMany({ where: { importId: run.id } });
      }
      throw error;
    }
  },
});
