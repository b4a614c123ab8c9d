/**
 * The signal rules against hand computations: medians and the too-fast comparisons worked out on paper, binomial
 * tails in closed form (k = n: pⁿ), MinHash estimates against exact Jaccard on texts built to a known overlap, and
 * the banding's candidate rate against its formula 1 − (1 − J⁴)³².
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { median } from '../stats/median.js';
import {
  BANDS,
  ROWS,
  binomialUpperTail,
  candidatePairs,
  estimatedJaccard,
  exactJaccard,
  hashSeeds,
  nearDuplicates,
  pastedShare,
  shingles,
  signature,
  straightLining,
  textLengthOf,
  tooFast,
  type LabelAnswer,
  type TimedAnnotation,
} from './index.js';

const opts = { ratio: 0.25, minOthers: 3 };
const t = (id: string, itemId: string, annotatorId: string, timeMs: number): TimedAnnotation => ({ id, itemId, annotatorId, timeMs });

describe('median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('tooFast', () => {
  // A, B, C take 10-14 s on X, Y, Z; D takes 2 s on X and 10-11 s elsewhere.
  const base = [
    ...['X', 'Y', 'Z'].flatMap((item) => [t(`A${item}`, item, 'A', 10_000), t(`B${item}`, item, 'B', 12_000), t(`C${item}`, item, 'C', 14_000)]),
    t('DX', 'X', 'D', 2_000),
    t('DY', 'Y', 'D', 10_000),
    t('DZ', 'Z', 'D', 11_000),
  ];
  it('flags a rushed annotation: under ¼ of the item median of others (12 s) and of the annotator’s own median (10 s)', () => {
    const flags = tooFast(base, opts);
    expect(flags).toHaveLength(1);
    // 2000 < 0.25 × 12000 = 3000 and 2000 < 0.25 × median(2000, 10000, 11000) = 2500.
    expect(flags[0]).toMatchObject({ id: 'DX', reference: 'item', referenceMedianMs: 12_000, annotatorMedianMs: 10_000, rushingThroughout: false });
    expect(flags[0]!.share).toBeCloseTo(2000 / 12000, 12);
  });
  it('does not flag a time between the two cutoffs', () => {
    // 2600 < 3000 (item) but not < 0.25 × median(2600, 10000, 11000) = 2500.
    expect(tooFast(base.map((a) => (a.id === 'DX' ? { ...a, timeMs: 2_600 } : a)), opts)).toEqual([]);
  });
  it('uses the project median when the item has fewer than 3 other annotations', () => {
    // Item W: only B (12 s) besides D. Project median over 14 values (A, B, C ×3, D ×3, B and D on W):
    const rows = [...base, t('BW', 'W', 'B', 12_000), t('DW', 'W', 'D', 1_000)];
    // sorted 1000 2000 10000×4 11000 12000×4 14000×3 → middle two 11000, 12000 → median 11500.
    // D's median over 1000, 2000, 10000, 11000 = 6000; 1000 < 0.25 × 11500 = 2875 and < 0.25 × 6000 = 1500.
    const flags = tooFast(rows, opts);
    expect(flags.find((f) => f.id === 'DW')).toMatchObject({ reference: 'project', referenceMedianMs: 11_500, annotatorMedianMs: 6_000 });
    // DX: own median is now 6000, 2000 > 1500: no longer flagged by the own-median rule.
    expect(flags.map((f) => f.id).sort()).toEqual(['DW']);
  });
  it('flags every fast annotation of someone rushing throughout (own median under ¼ of the project’s)', () => {
    const rows = [...base.filter((a) => a.annotatorId !== 'D'), t('EX', 'X', 'E', 500), t('EY', 'Y', 'E', 600), t('EZ', 'Z', 'E', 700)];
    // Project median over 9 × (10,12,14 s) and 500, 600, 700 → sorted 12 values, middle two 10000 and 12000 → 11000.
    // E's median 600 < 2750: rushing throughout; each time < 0.25 × 12000.
    const flags = tooFast(rows, opts);
    expect(flags.map((f) => f.id).sort()).toEqual(['EX', 'EY', 'EZ']);
    expect(flags.every((f) => f.rushingThroughout)).toBe(true);
  });
});

describe('pastedShare', () => {
  it('is pasted characters over text length, capped at 1, null without text', () => {
    expect(pastedShare(60, 100)).toBe(0.6);
    expect(pastedShare(undefined, 100)).toBe(0);
    expect(pastedShare(250, 100)).toBe(1);
    expect(pastedShare(5, 0)).toBeNull();
    expect(textLengthOf({ a: 'hello', b: 'xyz', c: 3 }, ['a', 'b', 'c', 'd'])).toBe(8);
  });
});

describe('binomialUpperTail', () => {
  it('matches closed forms', () => {
    expect(binomialUpperTail(20, 20, 0.5)).toBeCloseTo(2 ** -20, 15);
    // P(X ≥ 19) = (C(20,19) + C(20,20)) / 2²⁰ = 21 / 1048576
    expect(binomialUpperTail(19, 20, 0.5)).toBeCloseTo(21 / 2 ** 20, 14);
    // P(X ≥ 2 | 3, ½) = (3 + 1) / 8
    expect(binomialUpperTail(2, 3, 0.5)).toBeCloseTo(0.5, 14);
    expect(binomialUpperTail(20, 20, 0.8)).toBeCloseTo(0.8 ** 20, 14);
    expect(binomialUpperTail(0, 5, 0.3)).toBe(1);
  });
});

describe('straightLining', () => {
  const o = { minN: 20, minShare: 0.9, alpha: 0.001 };
  const answers = (annotatorId: string, spec: Record<string, number>): LabelAnswer[] =>
    Object.entries(spec).flatMap(([answer, n]) => Array.from({ length: n }, (_, i) => ({ annotationId: `${annotatorId}-${answer}-${i}`, annotatorId, answer })));
  // Others: 20 pos, 20 neg → prior of pos is ½.
  const others = [...answers('o1', { pos: 10, neg: 10 }), ...answers('o2', { pos: 10, neg: 10 })];
  it('flags 18 of 20 on an answer with prior ½ (p = 211 / 2²⁰ ≈ 2.0e-4)', () => {
    const flags = straightLining([...others, ...answers('s', { pos: 18, neg: 2 })], o);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ annotatorId: 's', answer: 'pos', count: 18, n: 20, share: 0.9, prior: 0.5 });
    expect(flags[0]!.pValue).toBeCloseTo(211 / 2 ** 20, 12);
    expect(flags[0]!.annotationIds).toHaveLength(18);
  });
  it('does not flag under n = 20, under share 0.9, or when the prior makes it likely', () => {
    expect(straightLining([...others, ...answers('s', { pos: 19 })], o)).toEqual([]);
    expect(straightLining([...others, ...answers('s', { pos: 17, neg: 3 })], o)).toEqual([]);
    // Others say pos 80%: 20 of 20 has p = 0.8²⁰ ≈ 0.0115.
    const skewed = [...answers('o1', { pos: 16, neg: 4 }), ...answers('o2', { pos: 16, neg: 4 })];
    expect(straightLining([...skewed, ...answers('s', { pos: 20 })], o)).toEqual([]);
  });
});

/** n distinct fresh words from the generator, so texts built from them have n − 2 distinct shingles. */
function freshWords(rng: ReturnType<typeof createRng>, n: number): string[] {
  return Array.from({ length: n }, () => `w${rng.nextUint32().toString(36)}`);
}

/** Two 50-word texts sharing their first m words: J = (m − 2) / (96 − (m − 2)). */
function pairWithPrefix(rng: ReturnType<typeof createRng>, m: number): [string, string, number] {
  const a = freshWords(rng, 50);
  const b = [...a.slice(0, m), ...freshWords(rng, 50 - m)];
  const s = m - 2;
  return [a.join(' '), b.join(' '), s / (96 - s)];
}

describe('MinHash', () => {
  it('shingles word 3-grams: 5 words give 3; one changed last word leaves J = 2/4', () => {
    const a = shingles('The cat sat on mats');
    const b = shingles('the CAT sat, on hats!');
    expect(a.size).toBe(3);
    expect(exactJaccard(a, b)).toBe(0.5);
  });
  it('estimates exact Jaccard within 4 standard errors (√(J(1−J)/128)) on texts of known overlap', () => {
    const rng = createRng(11);
    const seeds = hashSeeds();
    let absErr = 0;
    const ms = [2, 10, 20, 30, 34, 40, 45, 48, 50];
    for (const m of ms) {
      const [x, y, j] = pairWithPrefix(rng, m);
      expect(exactJaccard(shingles(x), shingles(y))).toBeCloseTo(j, 12);
      const est = estimatedJaccard(signature(shingles(x), seeds), signature(shingles(y), seeds));
      const se = Math.sqrt((j * (1 - j)) / 128);
      expect(Math.abs(est - j)).toBeLessThanOrEqual(Math.max(4 * se, 1e-12));
      absErr += Math.abs(est - j);
    }
    expect(absErr / ms.length).toBeLessThan(0.05);
  });
  it('banding makes a candidate of a pair at rate 1 − (1 − J⁴)³²: 0.873 at J = ½, all at J ≈ 0.81', () => {
    expect(BANDS * ROWS).toBe(128);
    const rng = createRng(5);
    const seeds = hashSeeds();
    const rate = (m: number, trials: number) => {
      let hit = 0;
      for (let k = 0; k < trials; k++) {
        const [x, y] = pairWithPrefix(rng, m);
        if (candidatePairs([signature(shingles(x), seeds), signature(shingles(y), seeds)]).length === 1) hit++;
      }
      return hit / trials;
    };
    const expected = 1 - (1 - 0.5 ** 4) ** 32; // m = 34: J = 32 / 64
    expect(expected).toBeCloseTo(0.8732, 4);
    const r = rate(34, 300);
    expect(Math.abs(r - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / 300));
    expect(rate(45, 200)).toBe(1); // J = 43 / 53 ≈ 0.811: miss probability 5e-8 per pair
    expect(rate(2, 200)).toBe(0); // J = 0
  });
  it('flags copies across annotators only, and ignores texts under 20 words', () => {
    const rng = createRng(3);
    const copy = freshWords(rng, 30).join(' ');
    const flags = nearDuplicates(
      [
        { annotationId: 'a1', annotatorId: 'A', text: copy },
        { annotationId: 'b1', annotatorId: 'B', text: copy },
        { annotationId: 'c1', annotatorId: 'C', text: freshWords(rng, 30).join(' ') },
        { annotationId: 'd1', annotatorId: 'D', text: 'too short to count' },
        { annotationId: 'e1', annotatorId: 'E', text: 'too short to count' },
        { annotationId: 'f1', annotatorId: 'F', text: copy.split(' ').slice(0, 19).join(' ') },
      ],
      { threshold: 0.8, minWords: 20 },
    );
    expect(flags.map((f) => [f.annotationId, f.matchAnnotationId, f.estimate]).sort()).toEqual([
      ['a1', 'b1', 1],
      ['b1', 'a1', 1],
    ]);
    const same = nearDuplicates(
      [
        { annotationId: 'a1', annotatorId: 'A', text: copy },
        { annotationId: 'a2', annotatorId: 'A', text: copy },
      ],
      { threshold: 0.8, minWords: 20 },
    );
    expect(same).toEqual([]);
  });
});
