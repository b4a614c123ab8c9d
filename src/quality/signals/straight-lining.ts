/**
 * Straight-lining: an annotator who gives one answer to a label question far more often than the project does.
 * For each annotator and question, their most frequent answer with count c of n; the prior p is that answer's share
 * among the *other* annotators' answers to the question (so one heavy annotator cannot raise their own prior).
 * Flagged when n ≥ minN, c / n ≥ minShare and the one-sided exact binomial test P(X ≥ c | n, p) < alpha.
 * Defaults: minN 20, minShare 0.9, alpha 0.001.
 */
import { logGamma } from '../stats/special.js';

export interface LabelAnswer {
  annotationId: string;
  annotatorId: string;
  answer: string;
}

export interface StraightLiningOptions {
  minN: number;
  minShare: number;
  alpha: number;
}

export interface StraightLiningFlag {
  annotatorId: string;
  answer: string;
  count: number;
  n: number;
  share: number;
  prior: number;
  pValue: number;
  /** The annotator's annotations that gave the dominant answer. */
  annotationIds: string[];
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed exactly in log space term by term. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const lnf = logGamma(n + 1);
  let sum = 0;
  for (let i = k; i <= n; i++) sum += Math.exp(lnf - logGamma(i + 1) - logGamma(n - i + 1) + i * lp + (n - i) * lq);
  return Math.min(1, sum);
}

export function straightLining(answers: readonly LabelAnswer[], opts: StraightLiningOptions): StraightLiningFlag[] {
  const total = new Map<string, number>();
  const byAnnotator = new Map<string, LabelAnswer[]>();
  for (const a of answers) {
    total.set(a.answer, (total.get(a.answer) ?? 0) + 1);
    const list = byAnnotator.get(a.annotatorId);
    if (list) list.push(a);
    else byAnnotator.set(a.annotatorId, [a]);
  }
  const out: StraightLiningFlag[] = [];
  for (const [annotatorId, own] of byAnnotator) {
    const n = own.length;
    if (n < opts.minN) continue;
    const counts = new Map<string, number>();
    for (const a of own) counts.set(a.answer, (counts.get(a.answer) ?? 0) + 1);
    let top = '';
    let c = -1;
    for (const [ans, k] of [...counts].sort((x, y) => (x[0] < y[0] ? -1 : 1))) if (k > c) [top, c] = [ans, k];
    const share = c / n;
    const others = answers.length - n;
    if (share < opts.minShare || others === 0) continue;
    const prior = ((total.get(top) ?? 0) - c) / others;
    const pValue = binomialUpperTail(c, n, prior);
    if (pValue < opts.alpha) {
      out.push({ annotatorId, answer: top, count: c, n, share, prior, pValue, annotationIds: own.filter((a) => a.answer === top).map((a) => a.annotationId) });
    }
  }
  return out;
}
