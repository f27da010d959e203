import autocannon from "autocannon";

// A thin layer over autocannon: the figures need p50/p99, throughput and every kind of
// failure (socket errors, timeouts, non-2xx) in one place.

export interface LoadResult {
  p50: number;
  p99: number;
  /** Requests per second, averaged over the run. */
  rps: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

export async function load(options: autocannon.Options): Promise<LoadResult> {
  return summarise(await autocannon({ timeout: 30, ...options }));
}

/** A load that runs until `stop()` (or its own end): the pollers run exactly as long as the writers. */
export function startLoad(options: autocannon.Options): { done: Promise<LoadResult>; stop: () => void } {
  let instance: autocannon.Instance | undefined;
  const done = new Promise<LoadResult>((resolve, reject) => {
    instance = autocannon({ timeout: 30, ...options }, (error, result) => (error ? reject(error as Error) : resolve(summarise(result))));
  });
  return { done, stop: () => instance?.stop() };
}

function summarise(result: autocannon.Result): LoadResult {
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat?.count ?? 0]));
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

/** Fails loudly when a load run got anything but 2xx: a fast error page is not a result. */
export function assertAllOk(name: string, result: LoadResult): void {
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${name}: ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodes)}), ${result.errors} errors, ${result.timeouts} timeouts`);
  }
}

/** Median of a list of timings. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
