/**
 * The figures of a scorecard, computed from one group of a project's rows (a vendor's, an annotator's, the whole
 * project's), with no I/O: `scorecards.ts` loads the rows once and groups them.
 * - Gold accuracy: correct / scored gold judgments, Wilson 95% interval (the interval Newcombe's difference, used by
 *   the head-to-head, is built from); `smallSample` under 30 gold judgments.
 * - Agreement with the aggregated answer (`agreementWithConsensus`, Wilson interval) and Krippendorff's alpha among
 *   the group's own judgments on the schema's first label/multi_label/rating/pairwise question (seeded bootstrap).
 * - Review: decided reviews by outcome, acceptance (accepted / decided, Wilson) and rejection reasons with counts.
 * - Throughput: judgments per active hour (hours = Σ time_spent_ms) and the median time per judgment.
 * - Cost, from the vendor's pay terms: total = rate × judgments (per_task) or rate × active hours (per_hour); per
 *   judgment = total / judgments; per accepted judgment = per judgment / acceptance; per *correct* judgment = per
 *   judgment / accuracy, its interval [per judgment / accuracy upper, per judgment / accuracy lower] (the map is
 *   decreasing, so the bounds swap; an accuracy bound of 0 leaves that end open: null). Every figure stays exact:
 *   floating minor units from the integer rate (1.74 ¢ is 1.74, not 2), so the interval always contains its point
 *   estimate; only formatting rounds (`formatMinor`, with sub-minor-unit digits under 10 minor units).
 * - Trend: gold accuracy per ISO week (Monday 00:00 UTC), each week on its own (not cumulative), Wilson interval.
 */
import { krippendorffAlphaInterval } from '../../quality/agreement/krippendorff.js';
import { median } from '../../quality/stats/median.js';
import { FIGURE_LEVEL, proportionOf, type Proportion } from '../../quality/stats/proportion.js';
import type { listGoldJudgments, listJudgments, listReviewDecisions } from '../../store/scorecards.js';
import { AGREEMENT_SEED, OVERALL_REPLICATES } from '../quality/agreement.js';
import { createReliabilityBuilder } from '../quality/reliability-data.js';
import { LEVEL_OF, type AgreementQuestion } from '../../core/agreement.js';
import type { PayTerms } from '../../core/vendor.js';

export const SCORECARD_LEVEL = FIGURE_LEVEL;
/** Under this many gold judgments a card is labelled a small sample. */
export const SMALL_SAMPLE_GOLD = 30;
/** The Quality tab's replicates for a project's alpha, so the whole project's alpha has one interval on both tabs. */
const ALPHA_REPLICATES = OVERALL_REPLICATES;
export const HOUR_MS = 3_600_000;

export type Judgment = Awaited<ReturnType<typeof listJudgments>>[number];
export type GoldJudgment = Awaited<ReturnType<typeof listGoldJudgments>>[number];
export type Decision = Awaited<ReturnType<typeof listReviewDecisions>>[number];

/** One group's rows, each list in the order it was loaded (oldest first for judgments and gold). */
export interface Rows {
  judgments: Judgment[];
  gold: GoldJudgment[];
  decisions: Decision[];
}

export type { Proportion } from '../../quality/stats/proportion.js';

/** An amount in exact (fractional) minor units with its interval (null where an end is unbounded or undefined). */
export interface MinorEstimate {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}

export interface Figures {
  gold: Proportion;
  smallSample: boolean;
  agreement: Proportion | null;
  review: { decided: number; accepted: number; rejected: number; corrected: number; acceptance: Proportion; rejectionReasons: { reason: string; n: number }[] };
  throughput: { judgments: number; activeHours: number; perActiveHour: number | null; medianTimeMs: number | null };
  cost: {
    currency: string;
    payModel: PayTerms['model'];
    /** All judgments' cost, exact minor units. */
    total: number;
    perJudgment: number | null;
    perAcceptedJudgment: MinorEstimate;
    perCorrectJudgment: MinorEstimate;
  } | null;
  trend: { weekStart: string; n: number; correct: number; rate: number | null; lower: number | null; upper: number | null }[];
}

export interface AlphaFigure {
  questionId: string;
  alpha: number | null;
  lower: number | null;
  upper: number | null;
  units: number;
  values: number;
}

/** Every proportion of a scorecard: the one definition (`quality/stats/proportion.ts`). */
export const proportion = proportionOf;

/** An exact amount, or null where it is undefined or unbounded (a division by 0). */
export const finiteMinor = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : x);

/** Monday 00:00 UTC of the week an ISO timestamp falls in. */
export function weekStartOf(iso: string): string {
  const t = Date.parse(iso);
  const day = Math.floor(t / 86_400_000);
  const monday = day - ((day + 3) % 7); // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays
  return new Date(monday * 86_400_000).toISOString();
}

/** What the judgments cost under the terms, in exact (unrounded) minor units. */
export const exactCostMinor = (terms: PayTerms, judgments: number, activeMs: number): number =>
  terms.model === 'per_task' ? terms.rateMinor * judgments : (terms.rateMinor * activeMs) / HOUR_MS;

/**
 * Cost figures from pay terms. `total` exact in minor units; per accepted/correct judgment divide the per-judgment
 * cost by a rate and by its interval's bounds (swapped: the division is decreasing).
 */
export function costOf(
  terms: PayTerms | null,
  judgments: number,
  activeMs: number,
  acceptance: Proportion,
  accuracy: Proportion,
): Figures['cost'] {
  if (terms === null) return null;
  const total = exactCostMinor(terms, judgments, activeMs);
  const perJudgment = judgments === 0 ? null : total / judgments;
  const divided = (p: Proportion): MinorEstimate =>
    perJudgment === null || p.rate === null
      ? { estimate: null, lower: null, upper: null }
      : {
          estimate: p.rate === 0 ? null : finiteMinor(perJudgment / p.rate),
          lower: finiteMinor(perJudgment / p.upper!),
          upper: p.lower === 0 ? null : finiteMinor(perJudgment / p.lower!),
        };
  return {
    currency: terms.currency,
    payModel: terms.model,
    total,
    perJudgment: finiteMinor(perJudgment),
    perAcceptedJudgment: divided(acceptance),
    perCorrectJudgment: divided(accuracy),
  };
}

/** The figures of one group of rows. */
export function figuresOf(m: Rows & { agreement: Proportion | null }, terms: PayTerms | null): Figures {
  const gold = proportion(m.gold.reduce((s, g) => s + Number(g.correct), 0), m.gold.length);
  const count = (o: string) => m.decisions.filter((d) => d.outcome === o).reduce((s, d) => s + d.n, 0);
  const accepted = count('accept');
  const rejected = count('reject');
  const corrected = count('correct');
  const decided = accepted + rejected + corrected;
  const reasons = new Map<string, number>();
  for (const d of m.decisions) {
    if (d.outcome !== 'reject') continue;
    const reason = d.reason ?? '(none given)';
    reasons.set(reason, (reasons.get(reason) ?? 0) + d.n);
  }
  const acceptance = proportion(accepted, decided);
  const activeMs = m.judgments.reduce((s, j) => s + j.time_spent_ms, 0);
  const activeHours = activeMs / HOUR_MS;
  const weeks = new Map<string, { n: number; correct: number }>();
  for (const g of m.gold) {
    const w = weekStartOf(g.created_at);
    const t = weeks.get(w) ?? { n: 0, correct: 0 };
    t.n++;
    t.correct += Number(g.correct);
    weeks.set(w, t);
  }
  return {
    gold,
    smallSample: gold.n < SMALL_SAMPLE_GOLD,
    agreement: m.agreement,
    review: {
      decided,
      accepted,
      rejected,
      corrected,
      acceptance,
      rejectionReasons: [...reasons].map(([reason, n]) => ({ reason, n })).sort((a, b) => b.n - a.n || a.reason.localeCompare(b.reason)),
    },
    throughput: {
      judgments: m.judgments.length,
      activeHours,
      perActiveHour: activeMs > 0 ? m.judgments.length / activeHours : null,
      medianTimeMs: m.judgments.length === 0 ? null : median(m.judgments.map((j) => j.time_spent_ms)),
    },
    cost: costOf(terms, m.judgments.length, activeMs, acceptance, gold),
    trend: [...weeks]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([weekStart, t]) => {
        const p = proportion(t.correct, t.n);
        return { weekStart, n: t.n, correct: t.correct, rate: p.rate, lower: p.lower, upper: p.upper };
      }),
  };
}

/** Krippendorff's alpha among the judgments on the question, with its seeded bootstrap interval; null without a question. */
export function alphaOf(question: AgreementQuestion | undefined, judgments: Judgment[]): AlphaFigure | null {
  if (question === undefined) return null;
  const builder = createReliabilityBuilder(question);
  for (const j of judgments) builder.add(j.item_id, j.answers[question.id]);
  const r = krippendorffAlphaInterval(builder.snapshot(), { level: LEVEL_OF[question.type], replicates: ALPHA_REPLICATES, confidence: SCORECARD_LEVEL, seed: AGREEMENT_SEED });
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  const alpha = finite(r.alpha);
  return { questionId: question.id, alpha, lower: alpha === null ? null : finite(r.lower), upper: alpha === null ? null : finite(r.upper), units: r.nUnits, values: r.nValues };
}

/** Agreement with the consensus summed over a set of annotators. */
export function agreementOver(agreement: Map<string, { n: number; agreed: number }>, annotators: Iterable<string>): Proportion | null {
  let n = 0;
  let agreed = 0;
  for (const id of annotators) {
    const a = agreement.get(id);
    if (a) {
      n += a.n;
      agreed += a.agreed;
    }
  }
  return n === 0 ? null : proportion(agreed, n);
}

/**
 * The rows grouped by vendor or by annotator, each group keeping the load order, in one pass over each list (where
 * filtering per group would pass over every row once per group: quadratic in annotators).
 */
export function groupRows(rows: Rows, key: 'vendor_id' | 'annotator_id'): Map<string | null, Rows> {
  const out = new Map<string | null, Rows>();
  const groupOf = (k: string | null) => {
    let g = out.get(k);
    if (!g) out.set(k, (g = { judgments: [], gold: [], decisions: [] }));
    return g;
  };
  for (const j of rows.judgments) groupOf(j[key]).judgments.push(j);
  for (const g of rows.gold) groupOf(g[key]).gold.push(g);
  for (const d of rows.decisions) groupOf(d[key]).decisions.push(d);
  return out;
}

/** A group's rows, empty when the group has none. */
export const rowsOf = (groups: Map<string | null, Rows>, key: string | null): Rows => groups.get(key) ?? { judgments: [], gold: [], decisions: [] };
