/**
 * Throughput: judgments (annotations) and skips per hour or per day, counted in SQL. Timestamps are stored as
 * ISO-8601 UTC text (`2025-03-04T05:06:07.089Z`, from `Date.toISOString`), so a bucket is a prefix of the text:
 * the first 13 characters name the hour, the first 10 the day. `substr` is the same function on SQLite and
 * PostgreSQL, and the prefix sorts as the time does, so one query serves both engines.
 */
import { sql } from 'kysely';
import type { Executor } from './db.js';

import type { ThroughputBucket } from '../core/time-buckets.js';

/** Characters of an ISO timestamp that name its bucket: `2025-03-04T05` (hour), `2025-03-04` (day). */
export const BUCKET_PREFIX_LENGTH: Record<ThroughputBucket, number> = { hour: 13, day: 10 };

export interface ThroughputOptions {
  projectId: string;
  bucket: ThroughputBucket;
  /** Inclusive lower bound, an ISO timestamp in the stored format. */
  since: string;
  /** Only the work of this vendor's annotators (a vendor manager's view). */
  vendorId?: string | undefined;
}

/** One bucket's count; `bucket` is the timestamp prefix. Buckets without rows are absent. */
export interface BucketCount {
  bucket: string;
  n: number;
}

/** Judgments per bucket, by the annotation's `created_at`; a vendor's are those it submitted under that vendor. */
export async function judgmentsPerBucket(db: Executor, o: ThroughputOptions): Promise<BucketCount[]> {
  // A literal, not a parameter: PostgreSQL matches the GROUP BY expression to the select list textually.
  const prefix = sql<string>`substr(created_at, 1, ${sql.lit(BUCKET_PREFIX_LENGTH[o.bucket])})`;
  const rows = await db
    .selectFrom('annotations')
    .select((eb) => [prefix.as('bucket'), eb.fn.countAll<number | string>().as('n')])
    .where('project_id', '=', o.projectId)
    .where('created_at', '>=', o.since)
    .$if(o.vendorId !== undefined, (q) => q.where('vendor_id', '=', o.vendorId!))
    .groupBy(prefix)
    .orderBy(prefix)
    .execute();
  return rows.map((r) => ({ bucket: r.bucket, n: Number(r.n) }));
}

/**
 * Skips per bucket, by when the task was skipped (`completed_at`). Assignments carry no vendor, so a vendor's
 * skips are those of the annotators who belong to it now.
 */
export async function skipsPerBucket(db: Executor, o: ThroughputOptions): Promise<BucketCount[]> {
  const prefix = sql<string>`substr(a.completed_at, 1, ${sql.lit(BUCKET_PREFIX_LENGTH[o.bucket])})`;
  const rows = await db
    .selectFrom('assignments as a')
    .$if(o.vendorId !== undefined, (q) => q.innerJoin('users as u', 'u.id', 'a.annotator_id').where('u.vendor_id', '=', o.vendorId!))
    .select((eb) => [prefix.as('bucket'), eb.fn.countAll<number | string>().as('n')])
    .where('a.project_id', '=', o.projectId)
    .where('a.status', '=', 'skipped')
    .where('a.completed_at', '>=', o.since)
    .groupBy(prefix)
    .orderBy(prefix)
    .execute();
  return rows.map((r) => ({ bucket: r.bucket, n: Number(r.n) }));
}
