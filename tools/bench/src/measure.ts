/** Latency figures of one scenario, in milliseconds, and its throughput. */
export interface Timing {
  readonly samples: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly perSecond: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Runs `work` once per input after a warm-up on the first inputs (none for writes), one at a time. */
export async function measure<T>(inputs: readonly T[], work: (input: T) => Promise<unknown>, options: { warmUp?: number } = {}): Promise<Timing> {
  for (const input of inputs.slice(0, Math.min(options.warmUp ?? 20, inputs.length))) await work(input);
  const times: number[] = [];
  const started = performance.now();
  for (const input of inputs) {
    const t0 = performance.now();
    await work(input);
    times.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return {
    samples: times.length,
    medianMs: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    perSecond: round((times.length / total) * 1000),
  };
}
