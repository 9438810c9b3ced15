/** Latency figures of one scenario, in milliseconds, and its throughput. */
export interface Timing {
  readonly samples: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly perSecond: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Runs `work` once per input after a warm-up on the first inputs (none for writes), one at a time. */
export async function measure<T>(
  inputs: readonly T[],
  work: (input: T) => Promise<unknown>,
  options: { warmUp?: number } = {},
): Promise<Timing> {
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

/**
 * Runs each of `works` once per input, in turn (input by input, the order alternating), after a warm-up of
 * each on the first inputs: the product and its raw-SQL floor then see the same caches and the same load
 * from other processes, instead of the first one measured paying for the data it brings into memory.
 */
export async function measureInterleaved<T>(
  inputs: readonly T[],
  works: readonly ((input: T) => Promise<unknown>)[],
  options: { warmUp?: number } = {},
): Promise<Timing[]> {
  for (const work of works)
    for (const input of inputs.slice(0, Math.min(options.warmUp ?? 20, inputs.length))) await work(input);
  const times = works.map(() => [] as number[]);
  const spent = works.map(() => 0);
  for (const [i, input] of inputs.entries()) {
    for (let k = 0; k < works.length; k++) {
      const w = (i + k) % works.length;
      const t0 = performance.now();
      await works[w]?.(input);
      const took = performance.now() - t0;
      times[w]?.push(took);
      spent[w] = (spent[w] ?? 0) + took;
    }
  }
  return times.map((sorted, w) => {
    sorted.sort((a, b) => a - b);
    return {
      samples: sorted.length,
      medianMs: round(percentile(sorted, 50)),
      p95Ms: round(percentile(sorted, 95)),
      p99Ms: round(percentile(sorted, 99)),
      perSecond: round((sorted.length / Math.max(spent[w] ?? 0, 0.001)) * 1000),
    };
  });
}
