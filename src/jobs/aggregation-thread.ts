/**
 * The worker-thread side of `aggregate-in-worker.ts`: runs one categorical aggregation per message and posts the
 * result back, handing over its typed arrays' memory instead of copying it.
 */
import { parentPort } from 'node:worker_threads';
import { runCategorical, type CategoricalMethod, type RunOptions } from '../quality/aggregate/methods.js';
import type { Observations } from '../quality/types.js';

export interface AggregationRequest {
  id: number;
  method: CategoricalMethod;
  obs: Observations;
  opts: RunOptions;
}

parentPort!.on('message', (req: AggregationRequest) => {
  try {
    const result = runCategorical(req.method, req.obs, req.opts);
    const buffers = Object.values(result)
      .filter((v): v is ArrayBufferView => ArrayBuffer.isView(v))
      .map((v) => v.buffer as ArrayBuffer);
    parentPort!.postMessage({ id: req.id, result }, [...new Set(buffers)]);
  } catch (err) {
    parentPort!.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) });
  }
});
