/**
 * Span aggregation: character-level voting merged into consensus spans.
 *
 * Model: each character c of item i is a binary question "inside a span?". Every worker who judged the item votes
 * on every character — yes if one of their spans covers it, no otherwise — with an optional weight per worker
 * (e.g. a skill from a categorical model). The character is in the consensus when the weighted share of yes votes
 * exceeds `threshold` (default 0.5, a strict majority); maximal runs of consensus characters become the output spans,
 * each with its mean support. This is the token-level majority used for sequence labelling by Nguyen, Wallace, Li,
 * Nenkova & Lease, "Aggregating and Predicting Sequence Labels from Crowd Annotations", ACL 2017
 * (doi:10.18653/v1/P17-1028), at character granularity so that it does not depend on a tokenizer. Labelled spans are
 * aggregated one label at a time. Overlapping spans of one worker count once. Cost O(Σ text length + spans).
 */

/** Span judgments: one row per (item, worker) judgment; spans refer to judgments. */
export interface SpanObservations {
  readonly judgmentItem: Int32Array;
  readonly judgmentWorker: Int32Array;
  /** Judgment each span belongs to, and its half-open character range [start, end). */
  readonly spanJudgment: Int32Array;
  readonly spanStart: Int32Array;
  readonly spanEnd: Int32Array;
  /** Text length of each item. */
  readonly textLength: Int32Array;
  readonly nWorkers: number;
}

export interface ConsensusSpan {
  readonly item: number;
  readonly start: number;
  readonly end: number;
  /** Mean weighted share of yes votes over the span's characters. */
  readonly support: number;
}

export interface SpanAggregationOptions {
  /** Share of (weighted) votes a character needs, strictly exceeded (default 0.5). */
  readonly threshold?: number;
  /** Weight of each worker's vote (default 1). */
  readonly workerWeights?: Float64Array;
}

export function aggregateSpans(obs: SpanObservations, opts: SpanAggregationOptions = {}): ConsensusSpan[] {
  const threshold = opts.threshold ?? 0.5;
  const weights = opts.workerWeights;
  const nItems = obs.textLength.length;
  const nj = obs.judgmentItem.length;
  if (obs.judgmentWorker.length !== nj) throw new RangeError('judgmentItem and judgmentWorker must have the same length');
  // Total vote weight per item, and spans grouped by judgment.
  const totalWeight = new Float64Array(nItems);
  for (let j = 0; j < nj; j++) {
    const i = obs.judgmentItem[j]!;
    if (i < 0 || i >= nItems) throw new RangeError(`judgment ${j}: item ${i} out of range`);
    totalWeight[i]! += weights ? weights[obs.judgmentWorker[j]!]! : 1;
  }
  const spansOf: number[][] = Array.from({ length: nj }, () => []);
  for (let s = 0; s < obs.spanJudgment.length; s++) {
    const j = obs.spanJudgment[s]!;
    const i = obs.judgmentItem[j]!;
    const a = obs.spanStart[s]!;
    const b = obs.spanEnd[s]!;
    if (!(a >= 0 && a <= b && b <= obs.textLength[i]!)) throw new RangeError(`span ${s}: [${a}, ${b}) outside item ${i}`);
    spansOf[j]!.push(s);
  }
  // Judgments grouped by item.
  const byItem: number[][] = Array.from({ length: nItems }, () => []);
  for (let j = 0; j < nj; j++) byItem[obs.judgmentItem[j]!]!.push(j);
  const out: ConsensusSpan[] = [];
  for (let i = 0; i < nItems; i++) {
    const len = obs.textLength[i]!;
    if (len === 0 || totalWeight[i]! <= 0) continue;
    const diff = new Float64Array(len + 1);
    for (const j of byItem[i]!) {
      const w = weights ? weights[obs.judgmentWorker[j]!]! : 1;
      // Union of this judgment's spans, so overlapping spans of one worker count once.
      const ranges = spansOf[j]!.map((s) => [obs.spanStart[s]!, obs.spanEnd[s]!] as const).sort((x, y) => x[0] - y[0]);
      let curA = -1;
      let curB = -1;
      for (const [a, b] of ranges) {
        if (a > curB) {
          if (curB > curA) {
            diff[curA]! += w;
            diff[curB]! -= w;
          }
          curA = a;
          curB = b;
        } else if (b > curB) curB = b;
      }
      if (curB > curA) {
        diff[curA]! += w;
        diff[curB]! -= w;
      }
    }
    let run = 0;
    let start = -1;
    let sum = 0;
    for (let c = 0; c <= len; c++) {
      if (c < len) run += diff[c]!;
      const share = run / totalWeight[i]!;
      const inside = c < len && share > threshold;
      if (inside && start < 0) {
        start = c;
        sum = 0;
      }
      if (inside) sum += share;
      if (!inside && start >= 0) {
        out.push({ item: i, start, end: c, support: sum / (c - start) });
        start = -1;
      }
    }
  }
  return out;
}
