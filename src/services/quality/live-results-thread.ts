/**
 * The worker-thread side of live results (`services/quality/live-results.ts`): one `LiveAggregate` per project,
 * kept between refreshes, so each refresh sends only the new annotations and gets back only the changed rows, and
 * the aggregation never runs on the thread that serves requests.
 */
import { parentPort } from 'node:worker_threads';
import { LiveAggregate, type RefreshDelta, type RefreshResult } from './live-aggregate.js';
import { serveRequests } from '../../threads/thread-client.js';

export interface LiveRefreshRequest {
  projectId: string;
  delta: RefreshDelta;
}

const projects = new Map<string, LiveAggregate>();

serveRequests<LiveRefreshRequest, RefreshResult>(parentPort!, (req) => {
  let p = projects.get(req.projectId);
  if (!p) {
    p = new LiveAggregate();
    projects.set(req.projectId, p);
  }
  return p.refresh(req.delta);
});
