import { jobServices, tenancyServices } from '@ulms/platform';
import { sisProfilesRef, sisRunsRef, type SisRunDto } from '@ulms/sis';
import type { Command } from 'commander';
import { CliError, withKernel } from './open-kernel.js';
import { openOperatorFile } from './operator-file.js';
import { followRun, type RunProgress } from './run-follower.js';

type Print = (line: string) => void;

const progressOf = (run: SisRunDto): RunProgress => {
  const { processed, ...counters } = run.counts;
  return { processed, total: run.total, counters };
};

/** `ulms sis run PROFILE FILE`: loads a SIS file with an integration profile and prints its report. */
export function registerSisCommand(program: Command, print: Print): void {
  program
    .command('sis')
    .description('SIS synchronisation')
    .command('run')
    .description('load a SIS file with an integration profile (a dry run reports what would change)')
    .argument('<profile>', 'the profile code')
    .argument('<file>', 'the SIS file (XML, CSV or JSON as the profile reads; zipped or not)')
    .requiredOption('--institution <code>', 'institution code')
    .option('--dry-run', 'report what would be created, updated and rejected, and change nothing', false)
    .option('--full-load', "the file holds all the profile's users: apply its missing-users policy", false)
    .action((profileCode: string, file: string, opts: { institution: string; dryRun: boolean; fullLoad: boolean }) =>
      withKernel(async (kernel) => {
        const found = await kernel.services.get(tenancyServices.institutions).getByCode(opts.institution);
        const profile = await kernel.services.get(sisProfilesRef).byCode(found.id, profileCode);
        const runs = kernel.services.get(sisRunsRef);
        const [previous] = await runs.list(found.id, { profileId: profile.id, limit: 1 });
        const started = await runs.start(found.id, {
          profileId: profile.id,
          ...(await openOperatorFile(file)),
          dryRun: opts.dryRun,
          fullLoad: opts.fullLoad,
          startedBy: 'ulms CLI',
        });
        const done = await followRun({
          print,
          unit: 'records',
          expected: previous?.total ?? null,
          jobs: kernel.services.get(jobServices.jobs),
          jobId: started.jobId as string,
          started,
          read: () => runs.get(found.id, started.id),
          progressOf,
        });
        const c = done.counts;
        print(
          `${done.dryRun ? 'Dry run' : 'Run'} ${done.id} of ${profile.code}: ${done.status}${done.error ? ` (${done.error})` : ''}`,
        );
        print(
          `processed ${c.processed}, created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, rejected ${c.rejected}, deactivated ${c.deactivated}`,
        );
        const rejected = await runs.entries(found.id, { runId: done.id, outcome: 'REJECTED', after: -1, limit: 20 });
        for (const entry of rejected.entries)
          print(
            `rejected record ${entry.seq + 1} (${entry.primaryId ?? 'no primary_id'}): ${entry.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
          );
        if (c.rejected > rejected.entries.length) print(`… the rest in the run's rejects file`);
        if (done.status !== 'SUCCEEDED') throw new CliError(`the run ${done.status.toLowerCase()}`);
      }),
    );
}
