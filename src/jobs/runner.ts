/**
 * Periodic background work inside the server process. Every job is safe to run on several servers at once
 * (each is a set of idempotent SQL updates), so no leader election is needed.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { ServiceDeps } from '../services/deps.js';
import { expireAllLeases } from '../services/maintenance/expire-leases.js';
import { deleteAbandonedImportItems } from '../services/maintenance/abandoned-imports.js';
import { deleteExpiredLoginSessions } from '../services/maintenance/expired-sessions.js';
import { LARGE_REFRESH_MS } from '../services/quality/live-results.js';

export interface Job {
  name: string;
  everyMs: number;
  run: (deps: ServiceDeps) => Promise<unknown>;
}

export const JOBS: Job[] = [
  { name: 'expire-leases', everyMs: 30_000, run: expireAllLeases },
  // Large projects' live results, with Dawid–Skene on a worker thread; small ones refresh after each submit.
  { name: 'refresh-live-results', everyMs: LARGE_REFRESH_MS, run: async (d) => d.live?.refreshLarge() },
  { name: 'delete-abandoned-imports', everyMs: 3_600_000, run: deleteAbandonedImportItems },
  { name: 'delete-expired-sessions', everyMs: 3_600_000, run: deleteExpiredLoginSessions },
];

/** Starts the jobs; returns a stop function that waits for a running job to finish. */
export function startJobs(deps: ServiceDeps, log: FastifyBaseLogger, jobs: Job[] = JOBS): () => Promise<void> {
  const running = new Set<Promise<unknown>>();
  const timers = jobs.map((job) =>
    setInterval(() => {
      const p = job.run(deps).catch((err: unknown) => log.error({ err, job: job.name }, 'background job failed'));
      running.add(p);
      void p.finally(() => running.delete(p));
    }, job.everyMs).unref(),
  );
  return async () => {
    timers.forEach(clearInterval);
    await Promise.all(running);
  };
}
