import { jobServices, tenancyServices } from '@ulms/platform';
import { type CourseImportDto, courseImportsRef } from '@ulms/courses';
import type { Command } from 'commander';
import { CliError, withKernel } from './open-kernel.js';
import { openOperatorFile } from './operator-file.js';
import { followRun, type RunProgress } from './run-follower.js';

type Print = (line: string) => void;

const progressOf = ({ counts, total }: CourseImportDto): RunProgress => ({
  processed: counts.processed,
  total,
  counters: { added: counts.added, kept: counts.kept, rejected: counts.rejected, removed: counts.removed },
});

/** `ulms courses import FILE`: loads an enrolment file (CSV by the institution's mapping, or JSON) and prints its report. */
export function registerCoursesCommand(program: Command, print: Print): void {
  program
    .command('courses')
    .description('course enrolments')
    .command('import')
    .description('load a course-enrolment file (a dry run reports what would change)')
    .argument(
      '<file>',
      "the enrolment file: CSV (.csv, .txt, .tsv) by the institution's mapping, or JSON (.json, .jsonl)",
    )
    .requiredOption('--institution <code>', 'institution code')
    .option('--dry-run', 'report what would be added, removed and rejected, and change nothing', false)
    .option('--full-load', "the file holds all the institution's enrolments: remove the ones it does not", false)
    .action((file: string, opts: { institution: string; dryRun: boolean; fullLoad: boolean }) =>
      withKernel(async (kernel) => {
        const found = await kernel.services.get(tenancyServices.institutions).getByCode(opts.institution);
        const imports = kernel.services.get(courseImportsRef);
        const [previous] = await imports.list(found.id, { limit: 1 });
        const started = await imports.start(found.id, {
          ...(await openOperatorFile(file)),
          dryRun: opts.dryRun,
          fullLoad: opts.fullLoad,
          startedBy: 'ulms CLI',
        });
        const done = await followRun({
          print,
          unit: 'rows',
          expected: previous?.total ?? null,
          jobs: kernel.services.get(jobServices.jobs),
          jobId: started.jobId as string,
          started,
          read: () => imports.get(found.id, started.id),
          progressOf,
        });
        const c = done.counts;
        print(
          `${done.dryRun ? 'Dry run' : 'Import'} ${done.id} of ${done.fileName}: ${done.status}${done.error ? ` (${done.error})` : ''}`,
        );
        print(
          `processed ${c.processed}, added ${c.added}, kept ${c.kept}, rejected ${c.rejected}, removed ${c.removed}, courses created ${c.coursesCreated}`,
        );
        if (c.ruleFailures > 0) print(`enrolment rules failed ${c.ruleFailures} times; the last: ${done.ruleError}`);
        const rejected = await imports.entries(found.id, {
          importId: done.id,
          outcome: 'REJECTED',
          after: -1,
          limit: 20,
        });
        for (const entry of rejected.entries) {
          const where = `${entry.userPrimaryId ?? 'no user'} in ${entry.courseCode ?? 'no course'}${entry.section ? `/${entry.section}` : ''}`;
          print(
            `rejected row ${entry.seq + 1} (${where}): ${entry.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
          );
        }
        if (c.rejected > rejected.entries.length) print(`… the rest in the import's rejects file`);
        if (done.status !== 'SUCCEEDED') throw new CliError(`the import ${done.status.toLowerCase()}`);
      }),
    );
}
