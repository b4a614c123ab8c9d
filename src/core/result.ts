/**
 * The vocabulary of a project's aggregate results: how each question's aggregate was computed.
 */
/** How an aggregate was computed; `services/results/compute-results.ts` describes each in its file comment. */
export const AGGREGATION_METHODS = [
  'bayesian_dawid_skene',
  'bayesian_dawid_skene_binary_relevance',
  'dawid_skene',
  'dawid_skene_binary_relevance',
  'gaussian_annotators',
  'mean',
  'borda',
  'span_consensus',
  'mean_per_criterion',
  'none',
] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

