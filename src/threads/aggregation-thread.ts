/**
 * The worker-thread side of `aggregate-in-worker.ts`: runs one categorical aggregation per message and posts the
 * result back, handing over its typed arrays' memory instead of copying it.
 */
import { parentPort } from 'node:worker_threads';
import { runCategorical, type CategoricalMethod, type RunOptions } from '../quality/aggregate/methods.js';
import type { CategoricalResult, Observations } from '../quality/types.js';
import { serveRequests } from './thread-client.js';

export interface AggregationRequest {
  id: number;
  method: CategoricalMethod;
  obs: Observations;
  opts: RunOptions;
}

serveRequests<AggregationRequest, CategoricalResult>(
  parentPort!,
  (req) => runCategorical(req.method, req.obs, req.opts),
  (result) => [...new Set(Object.values(result).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v)).map((v) => v.buffer as ArrayBuffer))],
);
