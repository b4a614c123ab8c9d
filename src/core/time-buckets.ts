/**
 * The time buckets that series are counted in: throughput per hour or day, agreement per day or week.
 */

export const THROUGHPUT_BUCKETS = ['hour', 'day'] as const;
export type ThroughputBucket = (typeof THROUGHPUT_BUCKETS)[number];

export const AGREEMENT_BUCKETS = ['day', 'week'] as const;
export type AgreementBucket = (typeof AGREEMENT_BUCKETS)[number];
