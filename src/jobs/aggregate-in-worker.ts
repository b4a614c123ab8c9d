/**
 * Runs large aggregations off the event loop. Dawid–Skene on a million labels takes about a second of CPU; in the
 * server that would stall every request for that second, so inputs above `inlineBelow` labels go to a worker
 * thread (one, started on first use, reused, and unref'd so it never keeps the process alive). Small inputs run
 * inline, where a thread's start-up and copying would cost more than the work.
 */
import type { Worker } from 'node:worker_threads';
import { startThread } from './start-thread.js';
import { runCategorical, type CategoricalMethod, type RunOptions } from '../quality/aggregate/methods.js';
import type { CategoricalResult, Observations } from '../quality/types.js';

/** Below this many labels the aggregation runs on the calling thread. */
export const INLINE_BELOW_LABELS = 50_000;

interface Pending {
  resolve: (r: CategoricalResult) => void;
  reject: (e: Error) => void;
}


export class AggregationWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly inlineBelow = INLINE_BELOW_LABELS) {}

  /** Aggregates, on a worker thread when the input is large; the result is the same either way. */
  async run(method: CategoricalMethod, obs: Observations, opts: RunOptions = {}): Promise<CategoricalResult> {
    if (obs.label.length < this.inlineBelow) return runCategorical(method, obs, opts);
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<CategoricalResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      // Copies the inputs (structured clone): the caller keeps its arrays.
      worker.postMessage({ id, method, obs, opts });
    });
  }

  /** Stops the thread; pending runs are rejected. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startThread('aggregation-thread', import.meta.url);
    worker.unref();
    worker.on('message', (msg: { id: number; result?: CategoricalResult; error?: string }) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (this.pending.size === 0) worker.unref();
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.result!);
    });
    const failAll = (err: Error) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      if (this.worker === worker) this.worker = null;
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`aggregation thread exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
