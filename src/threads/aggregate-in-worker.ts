/**
 * Runs large aggregations off the event loop. Dawid–Skene on a million labels takes about a second of CPU; in the
 * server that would stall every request for that second, so inputs above `inlineBelow` labels go to a worker
 * thread (one, started on first use, reused, and unref'd so it never keeps the process alive). Small inputs run
 * inline, where a thread's start-up and copying would cost more than the work.
 */
import { ThreadClient } from './thread-client.js';
import { runCategorical, type CategoricalMethod, type RunOptions } from '../quality/aggregate/methods.js';
import type { CategoricalResult, Observations } from '../quality/types.js';

/** Below this many labels the aggregation runs on the calling thread. */
export const INLINE_BELOW_LABELS = 50_000;

export class AggregationWorker {
  private readonly thread = new ThreadClient<{ method: CategoricalMethod; obs: Observations; opts: RunOptions }, CategoricalResult>('aggregation-thread', import.meta.url);

  constructor(private readonly inlineBelow = INLINE_BELOW_LABELS) {}

  /** Aggregates, on a worker thread when the input is large; the result is the same either way. */
  async run(method: CategoricalMethod, obs: Observations, opts: RunOptions = {}): Promise<CategoricalResult> {
    if (obs.label.length < this.inlineBelow) return runCategorical(method, obs, opts);
    // Copies the inputs (structured clone): the caller keeps its arrays.
    return this.thread.request({ method, obs, opts });
  }

  /** Stops the thread; pending runs are rejected. */
  close(): Promise<void> {
    return this.thread.close();
  }
}
