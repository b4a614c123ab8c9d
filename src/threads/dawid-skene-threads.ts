/**
 * Dawid–Skene on several cores: owns the helper threads that `dawidSkeneParallel` (src/quality, pure) splits its
 * EM sweeps over. The threads are started once (`start`, which resolves when every helper has loaded its module)
 * and serve any number of fits; a fit sends each helper one message, then the threads meet through shared memory
 * only. The calling thread is one of the team and blocks for the fit's duration, as `dawidSkene` does — in the
 * server, call it from a worker thread (see `aggregate-in-worker.ts`). The threads are unref'd: they never keep
 * the process alive.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startThread } from './start-thread.js';
import { dawidSkeneParallel, type DawidSkeneJob, type DawidSkeneTeam } from '../quality/aggregate/dawid-skene-parallel.js';
import type { DawidSkeneOptions, DawidSkeneResult } from '../quality/aggregate/dawid-skene.js';
import type { Observations } from '../quality/types.js';

/** Threads a team uses by default: every core, at most 8 (the sweep is memory-bound beyond a few). */
export function defaultThreadCount(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}


export class DawidSkeneThreads implements DawidSkeneTeam {
  private closed = false;

  private constructor(
    private readonly helpers: readonly Worker[],
    private readonly failure: { error?: Error },
  ) {}

  /** Threads of the team, the caller included. */
  get threads(): number {
    return this.helpers.length + 1;
  }

  /** Starts `threads − 1` helpers and resolves once they are ready to serve fits. */
  static async start(threads = defaultThreadCount()): Promise<DawidSkeneThreads> {
    const failure: { error?: Error } = {};
    const helpers: Worker[] = [];
    try {
      await Promise.all(
        Array.from({ length: Math.max(0, threads - 1) }, () => {
          const w = startThread('dawid-skene-thread', import.meta.url);
          helpers.push(w);
          w.on('error', (err) => (failure.error ??= err));
          w.on('exit', (code) => (failure.error ??= new Error(`Dawid–Skene helper thread exited with code ${code}`)));
          return new Promise<void>((resolve, reject) => {
            w.once('message', () => resolve());
            w.once('error', reject);
            w.once('exit', (code) => reject(new Error(`Dawid–Skene helper thread exited with code ${code} while starting`)));
          });
        }),
      );
    } catch (err) {
      await Promise.all(helpers.map((w) => w.terminate()));
      throw err;
    }
    for (const w of helpers) w.unref();
    return new DawidSkeneThreads(helpers, failure);
  }

  /** Fits Dawid–Skene on the team (see `dawidSkeneParallel`); same result as `dawidSkene` up to rounding. */
  fit(obs: Observations, opts: DawidSkeneOptions = {}): DawidSkeneResult {
    if (this.closed) throw new Error('the Dawid–Skene threads are closed');
    if (this.failure.error) throw this.failure.error;
    return dawidSkeneParallel(obs, opts, this);
  }

  /** Hands a fit's job to the helpers (called by `dawidSkeneParallel`, once per fit). */
  dispatch(job: DawidSkeneJob): void {
    this.helpers.forEach((w, i) => w.postMessage({ job, thread: i + 1 }));
  }

  /** Stops the helpers. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.helpers.map((w) => w.terminate()));
  }
}
