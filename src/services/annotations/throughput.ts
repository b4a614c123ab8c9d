import { authorize, vendorScopeOf, type Actor } from '../../core/permissions.js';
import { invalid } from '../../core/errors.js';
import {
  BUCKET_PREFIX_LENGTH,
  judgmentsPerBucket,
  skipsPerBucket,
  type BucketCount,
} from '../../store/throughput.js';
import type { ThroughputBucket } from '../../core/time-buckets.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';

const BUCKET_MS: Record<ThroughputBucket, number> = { hour: 3_600_000, day: 86_400_000 };
/** How far back a request without `since` looks: two days by the hour, thirty by the day. */
const DEFAULT_SPAN: Record<ThroughputBucket, number> = { hour: 48, day: 30 };
/** One chart's worth; a longer span asks for coarser buckets. */
export const MAX_BUCKETS = 1000;

export interface ThroughputQuery {
  bucket: ThroughputBucket;
  /** ISO date-time; floored to the start of its bucket. Defaults to 48 hours or 30 days before now. */
  since?: string | undefined;
}

export interface ThroughputView {
  projectId: string;
  bucket: ThroughputBucket;
  /** Start of the first bucket (ISO, UTC). */
  since: string;
  /** The time of the count (ISO, UTC); the last bucket is still filling. */
  until: string;
  /** Every bucket from `since` to `until`, empty ones included, oldest first. */
  buckets: { start: string; judgments: number; skips: number }[];
  judgments: number;
  skips: number;
}

/**
 * Judgments and skips per hour or day since a time, for the progress chart. Whoever may read progress may read
 * this; a vendor manager counts only their own vendor's work.
 */
export async function getThroughput(deps: ServiceDeps, actor: Actor, projectId: string, q: ThroughputQuery): Promise<ThroughputView> {
  authorize(actor, 'progress.read');
  const project = await requireProject(deps, actor, projectId);
  const step = BUCKET_MS[q.bucket];
  const now = deps.now().getTime();
  const from = floorTo(q.since === undefined ? now - (DEFAULT_SPAN[q.bucket] - 1) * step : parseSince(q.since), step);
  const last = floorTo(now, step);
  if ((last - from) / step + 1 > MAX_BUCKETS) {
    throw invalid(`since is more than ${MAX_BUCKETS} ${q.bucket}s ago; ask for bucket=day or a later since`, 'since');
  }
  const since = new Date(from).toISOString();
  const options = { projectId: project.id, bucket: q.bucket, since, vendorId: vendorScopeOf(actor) };
  const [judgments, skips] = await Promise.all([judgmentsPerBucket(deps.store.db, options), skipsPerBucket(deps.store.db, options)]);
  const judgmentsAt = byBucket(judgments);
  const skipsAt = byBucket(skips);
  const buckets: ThroughputView['buckets'] = [];
  for (let t = from; t <= last; t += step) {
    const start = new Date(t).toISOString();
    const key = start.slice(0, BUCKET_PREFIX_LENGTH[q.bucket]);
    buckets.push({ start, judgments: judgmentsAt.get(key) ?? 0, skips: skipsAt.get(key) ?? 0 });
  }
  return {
    projectId: project.id,
    bucket: q.bucket,
    since,
    until: new Date(now).toISOString(),
    buckets,
    judgments: buckets.reduce((s, b) => s + b.judgments, 0),
    skips: buckets.reduce((s, b) => s + b.skips, 0),
  };
}

function parseSince(since: string): number {
  const t = Date.parse(since);
  if (Number.isNaN(t)) throw invalid(`since must be an ISO date-time such as 2025-01-31T00:00:00Z; got "${since}"`, 'since');
  return t;
}

/** Hours and days are whole multiples of the epoch in UTC (no leap seconds, no DST), so flooring is arithmetic. */
const floorTo = (t: number, step: number) => Math.floor(t / step) * step;

const byBucket = (rows: BucketCount[]) => new Map(rows.map((r) => [r.bucket, r.n]));
