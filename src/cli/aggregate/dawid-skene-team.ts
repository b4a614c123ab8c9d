/**
 * Helper threads for `ds` on a large file, started while the file is read. By default only when the WebAssembly
 * sweep is missing: one thread with it is as fast as the JavaScript sweep on two cores here, without the threads'
 * start-up and memory (BENCHMARKS.md).
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { DawidSkeneThreads } from '../../threads/dawid-skene-threads.js';
import { hasWasmSweep } from '../../quality/aggregate/dawid-skene-wasm.js';
import type { CategoricalMethod } from '../../quality/aggregate/methods.js';

/** File size from which the threads for `ds` are started while the file is read (200,000 rows of 10 bytes). */
const THREADED_DS_START_BYTES = 2_000_000;

/** The threads `method` on `file` asks for, starting; undefined when one thread will do. */
export function startTeamFor(method: CategoricalMethod, file: string, threads: number | undefined): Promise<DawidSkeneThreads | undefined> | undefined {
  const count = threads ?? (hasWasmSweep() ? 1 : availableParallelism());
  return method === 'ds' && count > 1 && fileSize(file) >= THREADED_DS_START_BYTES ? startThreads(count) : undefined;
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Starts the Dawid–Skene threads; resolves to undefined when they cannot start (one thread is then used). */
async function startThreads(count: number): Promise<DawidSkeneThreads | undefined> {
  try {
    return await DawidSkeneThreads.start(count);
  } catch {
    return undefined;
  }
}
