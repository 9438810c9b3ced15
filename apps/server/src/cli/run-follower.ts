import type { JobService } from '@ulms/platform';
import { SingleBar } from 'cli-progress';

type Print = (line: string) => void;

/** How far a run is: what its progress line shows. */
export interface RunProgress {
  readonly processed: number;
  readonly total: number | null;
  /** Shown after the count, in this order (the names are the labels). */
  readonly counters: Readonly<Record<string, number>>;
}

/** A bar on an interactive terminal, a line every few seconds otherwise. */
function progressReporter(print: Print, unit: string, expected: number | null, first: RunProgress) {
  if (process.stderr.isTTY) {
    const labels = Object.keys(first.counters).map((name) => `${name} {${name}}`);
    const bar = new SingleBar({
      format: ` {bar} {value} ${unit} | ${labels.join(' ')}`,
      stream: process.stderr,
      hideCursor: true,
    });
    bar.start(expected ?? 1, 0, first.counters);
    return {
      update(progress: RunProgress) {
        bar.setTotal(progress.total ?? Math.max(expected ?? 0, progress.processed, 1));
        bar.update(progress.processed, progress.counters);
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update(progress: RunProgress) {
      if (Date.now() - last < 5_000) return;
      last = Date.now();
      print(`${progress.processed} ${unit} processed…`);
    },
    stop: () => undefined,
  };
}

/** Waits for a run's job to end, showing its progress as it goes; resolves with the run as it ended. */
export async function followRun<T>(options: {
  print: Print;
  /** What the run counts: "records", "rows". */
  unit: string;
  /** The size of the last such run, the bar's length until this one knows its own. */
  expected: number | null;
  jobs: JobService;
  jobId: string;
  started: T;
  read: () => Promise<T>;
  progressOf: (run: T) => RunProgress;
}): Promise<T> {
  const progress = progressReporter(options.print, options.unit, options.expected, options.progressOf(options.started));
  const timer = setInterval(() => {
    options.read().then(
      (run) => progress.update(options.progressOf(run)),
      () => undefined,
    );
  }, 250);
  try {
    await options.jobs.waitFor(options.jobId);
  } finally {
    clearInterval(timer);
  }
  const done = await options.read();
  progress.update(options.progressOf(done));
  progress.stop();
  return done;
}
