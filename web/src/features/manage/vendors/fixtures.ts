/**
 * Hand-made responses for the Vendors tab's tests. Crowd: 140 of 200 gold right, Experts: 184 of 200; Wilson 95%
 * intervals by hand (z = 1.96): 140/200 centre (0.7 + 0.009604) / 1.019208 = 0.69623, half-width
 * 1.96 * sqrt(0.00105 + 0.0000240) / 1.019208 = 0.06302, so 0.6332 to 0.7593; 184/200 centre 0.91211, half-width
 * 0.03808, so 0.8740 to 0.9502. Cost per correct = cost per judgment / accuracy, half up: Crowd 5¢ / 0.7 = 7¢
 * (5 / 0.7593 = 6.6 → 7, 5 / 0.6332 = 7.9 → 8); Experts 40¢ / 0.92 = 43¢ (40 / 0.9502 = 42.1 → 42, 40 / 0.8740 = 45.8 → 46).
 */
import type { AnnotatorScorecardsView, Figures, HeadToHeadView, ScorecardsView } from './types';

const PAIRED = {
  interval:
    'symmetric bootstrap-t resampling the shared gold items with all their judgments, 1,999 resamples (Hall 1992, The Bootstrap and Edgeworth Expansion, §3.6; Cameron, Gelbach & Miller 2008, Rev Econ Stat 90:414)',
  test: 'paired bootstrap-t test (gold items resampled, two-sided)',
  pairing: 'every judgment by each vendor of the gold items both vendors judged; accuracy is correct judgments over judgments on those items',
};
const INDEPENDENT = { interval: 'Newcombe (1998, Stat Med 17:873) method 10: hybrid score interval', test: 'two-proportion z-test with the pooled proportion, two-sided' };

/** The head-to-head of Experts (a) and Crowd (b): 200 shared items, 600 judgments by 4 Experts and 580 by 5 Crowd (a difference of 0.22). */
export function headToHead(over: { paired?: Partial<HeadToHeadView['paired']>; independent?: Partial<HeadToHeadView['independent']> } = {}): HeadToHeadView {
  return {
    projectId: 'p1',
    a: { vendorId: 'v2', name: 'Experts' },
    b: { vendorId: 'v1', name: 'Crowd' },
    level: 0.95,
    paired: {
      items: 200, judgmentsA: 600, judgmentsB: 580, annotatorsA: 4, annotatorsB: 5,
      accuracyA: 0.92, accuracyB: 0.7, difference: 0.22, lower: 0.152, upper: 0.287, statistic: 6, pValue: 2.1e-9, smallSample: false,
      method: PAIRED, ...over.paired,
    },
    independent: {
      nA: 200, correctA: 184, nB: 200, correctB: 140,
      accuracyA: 0.92, accuracyB: 0.7, difference: 0.22, lower: 0.146, upper: 0.293, statistic: 5.6, pValue: 1e-8, smallSample: false,
      method: INDEPENDENT, ...over.independent,
    },
  };
}

const proportion = (k: number, n: number, lower: number | null, upper: number | null) => ({ k, n, rate: n === 0 ? null : k / n, lower, upper });

function figures(o: { k: number; n: number; lower: number; upper: number; rateMinor?: number; perCorrect?: [number, number, number]; medianMs?: number }): Figures {
  return {
    gold: proportion(o.k, o.n, o.lower, o.upper),
    smallSample: o.n < 30,
    agreement: proportion(Math.round(o.n * 0.8), o.n, 0.74, 0.85),
    review: { decided: 20, accepted: 18, rejected: 2, corrected: 0, acceptance: proportion(18, 20, 0.699, 0.972), rejectionReasons: [{ reason: 'off guideline', n: 2 }] },
    throughput: { judgments: o.n, activeHours: 2, perActiveHour: o.n / 2, medianTimeMs: o.medianMs ?? 36_000 },
    cost:
      o.rateMinor === undefined
        ? null
        : {
            currency: 'USD',
            payModel: 'per_task',
            total: o.rateMinor * o.n,
            perJudgment: o.rateMinor,
            perAcceptedJudgment: { estimate: o.rateMinor, lower: o.rateMinor, upper: o.rateMinor },
            perCorrectJudgment: { estimate: o.perCorrect![0], lower: o.perCorrect![1], upper: o.perCorrect![2] },
          },
    trend: [],
  };
}

const week = (weekStart: string, correct: number, n: number) => ({ weekStart, n, correct, rate: correct / n, lower: null, upper: null });
const CROWD = {
  ...figures({ k: 140, n: 200, lower: 0.6332, upper: 0.7593, rateMinor: 5, perCorrect: [5 / 0.7, 5 / 0.7593, 5 / 0.6332] }),
  trend: [week('2025-03-03T00:00:00.000Z', 60, 100), week('2025-03-10T00:00:00.000Z', 80, 100)],
};
const EXPERTS = {
  ...figures({ k: 184, n: 200, lower: 0.874, upper: 0.9502, rateMinor: 40, perCorrect: [40 / 0.92, 40 / 0.9502, 40 / 0.874], medianMs: 300_000 }),
  trend: [week('2025-03-10T00:00:00.000Z', 184, 200)],
};
/** 10 of 12: a small sample, and no pay terms. */
const MIXED = figures({ k: 10, n: 12, lower: 0.5522, upper: 0.953 });
const alpha = (a: number) => ({ questionId: 'sentiment', alpha: a, lower: a - 0.1, upper: a + 0.05, units: 50, values: 150 });

export const SCORECARDS: ScorecardsView = {
  projectId: 'p1',
  level: 0.95,
  intervals: 'Wilson',
  rounding: 'half up',
  vendors: [
    { vendorId: 'v1', name: 'Crowd', kind: 'crowd', payTerms: { model: 'per_task', rateMinor: 5, currency: 'USD' }, ...CROWD, alpha: alpha(0.41) },
    { vendorId: 'v2', name: 'Experts', kind: 'expert_network', payTerms: { model: 'per_task', rateMinor: 40, currency: 'USD' }, ...EXPERTS, alpha: alpha(0.83) },
    { vendorId: 'v3', name: 'Mixed', kind: 'in_house', payTerms: null, ...MIXED, alpha: null },
  ],
  overall: { ...figures({ k: 334, n: 412, lower: 0.77, upper: 0.845 }), alpha: alpha(0.6) },
};

/** What a vendor manager of Crowd gets: their own card, no overall figures. */
export const CROWD_ONLY: ScorecardsView = { ...SCORECARDS, vendors: [SCORECARDS.vendors[0]!], overall: null };

export const CROWD_ANNOTATORS: AnnotatorScorecardsView = {
  projectId: 'p1',
  vendor: { id: 'v1', name: 'Crowd', kind: 'crowd', payTerms: { model: 'per_task', rateMinor: 5, currency: 'USD' } },
  level: 0.95,
  intervals: 'Wilson',
  rounding: 'half up',
  annotators: [
    { annotatorId: 'u1', name: 'Ada Lovelace', pseudonym: 'annotator-aa', ...figures({ k: 90, n: 120, lower: 0.6655, upper: 0.8181, rateMinor: 5, perCorrect: [7, 6, 8] }) },
    { annotatorId: 'u2', name: 'Bo Brandt', pseudonym: 'annotator-bb', ...figures({ k: 50, n: 80, lower: 0.5157, upper: 0.7233, rateMinor: 5, perCorrect: [8, 7, 10] }) },
  ],
};
