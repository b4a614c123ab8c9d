/**
 * `ranking` questions by Borda count: in a ranking of c candidates, the one placed at position p (0 = best) gets
 * c − 1 − p points; candidates are ordered by their mean points over the item's judgments, ties by index (de Borda,
 * "Mémoire sur les élections au scrutin", 1781; the positional rule compared in Dwork, Kumar, Naor & Sivakumar,
 * "Rank Aggregation Methods for the Web", WWW 2001, doi:10.1145/371920.372165). Borda needs no model of the
 * annotators and uses every position, which suits the handful of judgments an item gets.
 *
 * Confidence is the agreement among the item's annotators, Kendall's coefficient of concordance
 * W = 12 S / (m² (c³ − c)), S = Σ_j (R_j − m (c + 1) / 2)², R_j the sum of candidate j's ranks over m judgments
 * (Kendall & Babington Smith, Annals of Mathematical Statistics 10(3):275–287, 1939, doi:10.1214/aoms/1177732186):
 * 1 when all rank alike, near 0 when they disagree at random. It is an agreement, not a probability, and needs m ≥ 2.
 */
import type { RankingQuestion } from '../../core/schema/index.js';
import type { QuestionAggregate } from './result-types.js';

const isPermutation = (v: unknown): v is number[] =>
  Array.isArray(v) && v.length >= 2 && v.every((x) => Number.isInteger(x) && x >= 0 && x < v.length) && new Set(v).size === v.length;

/** Borda points per candidate, ranking and Kendall's W of one item's rankings (all of the same length c). */
export function bordaCount(rankings: readonly number[][]): { points: number[]; order: number[]; concordance: number | null } {
  const m = rankings.length;
  const c = rankings[0]!.length;
  const points = new Array<number>(c).fill(0);
  const rankSum = new Array<number>(c).fill(0);
  for (const r of rankings) {
    r.forEach((candidate, p) => {
      points[candidate]! += c - 1 - p;
      rankSum[candidate]! += p + 1;
    });
  }
  const mean = points.map((p) => p / m);
  const order = mean.map((_, j) => j).sort((a, b) => mean[b]! - mean[a]! || a - b);
  let s = 0;
  for (const rs of rankSum) s += (rs - (m * (c + 1)) / 2) ** 2;
  const concordance = m >= 2 ? (12 * s) / (m * m * (c ** 3 - c)) : null;
  return { points: mean, order, concordance };
}

export function aggregateRanking(q: RankingQuestion, answers: readonly { itemId: string; value: unknown }[]): Map<string, QuestionAggregate> {
  const byItem = new Map<string, number[][]>();
  for (const a of answers) {
    if (!isPermutation(a.value)) continue;
    const list = byItem.get(a.itemId) ?? [];
    // An item's candidates are fixed by its data; a ranking of another length belongs to an older version of it.
    if (list.length === 0 || list[0]!.length === a.value.length) list.push(a.value);
    byItem.set(a.itemId, list);
  }
  const out = new Map<string, QuestionAggregate>();
  for (const [itemId, rankings] of byItem) {
    const b = bordaCount(rankings);
    out.set(itemId, {
      questionId: q.id,
      type: 'ranking',
      method: 'borda',
      n: rankings.length,
      answer: b.order,
      confidence: b.concordance,
      scores: b.points,
    });
  }
  return out;
}
