/**
 * Two vendors judging the same gold items, as real labeling produces it, for the head-to-head's simulation (unit test
 * and `npm run bench -- head-to-head`):
 * - each vendor has `annotators` annotators (default 4) whose accuracies spread evenly over ±`spread` around the
 *   vendor's figure, and uneven shares of the work (default 0.4, 0.3, 0.2, 0.1, assigned at random to them);
 * - each gold item is judged by m of a vendor's annotators, m uniform on `judgments` (default 2..4), never twice by
 *   one annotator: the annotators reach an item in a random order drawn by their shares (the busiest and fastest is
 *   most often first; Plackett–Luce sampling without replacement), and the first m judge it.
 * "A vendor of accuracy p" means the expected accuracy of the judgments it delivers, as gold accuracy counts them
 * (correct judgments over judgments): Σⱼ ρⱼ·pⱼ = p with ρⱼ = E[1{j judges an item}] / E[m], annotator j's expected
 * share of the vendor's judgments. ρ is computed exactly (all orders of arrival enumerated) and the spread shifted
 * so that the sum is p: the vendor's figure is then exact, whoever happens to be busiest.
 * With `recentre: false` the annotators' accuracies are instead drawn at random around p (normal, sd `spread`), the
 * case where the vendor's delivered accuracy itself varies from project to project with who staffed it.
 */
import type { Rng } from '../random.js';

export interface SimVendorSide {
  /** The vendor's accuracy (see the module comment). */
  accuracy: number;
  annotators?: number;
  spread?: number;
  shares?: readonly number[];
  recentre?: boolean;
  /**
   * Shared misreadings: on each item, with probability `share` the vendor's whole team misreads it (every annotator's
   * accuracy on it falls by `drop`), else it rises by drop·share/(1 − share), so the vendor's accuracy is unchanged
   * but its judgments of one item are correlated (a team trained together errs together). Default none.
   */
  misread?: { share: number; drop: number };
}

export interface SimGoldOptions {
  items: number;
  /** m, each vendor's judgments of an item, drawn uniformly from this list (default [2, 3, 4]). */
  judgments?: readonly number[];
}

/** Per item, each side's correct and total judgments, and each side's first judgment's correctness (1/0). */
export interface SimGold {
  correctA: Int32Array;
  judgedA: Int32Array;
  correctB: Int32Array;
  judgedB: Int32Array;
  firstA: Uint8Array;
  firstB: Uint8Array;
}

const DEFAULT_SHARES = [0.4, 0.3, 0.2, 0.1];

/** All orders of 0..n-1. */
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, k) => [...p.slice(0, k), n - 1, ...p.slice(k)]));
}

/** ρⱼ = E[1{j among the first m}] / E[m] (j's share of the judgments) under Plackett–Luce arrival by `w`, m uniform on `ms`. */
export function inclusionWeights(w: readonly number[], ms: readonly number[]): number[] {
  const pi = new Array<number>(w.length).fill(0);
  for (const order of permutations(w.length)) {
    let prob = 1;
    let left = w.reduce((s, x) => s + x, 0);
    for (const j of order) {
      prob *= w[j]! / left;
      left -= w[j]!;
    }
    for (const m of ms) for (let r = 0; r < m; r++) pi[order[r]!]! += prob / ms.length;
  }
  const meanM = ms.reduce((s, m) => s + m, 0) / ms.length;
  return pi.map((x) => x / meanM);
}

interface Staff {
  accuracy: number[];
  shares: number[];
  misread: { share: number; drop: number } | undefined;
}

function staff(side: SimVendorSide, ms: readonly number[], rng: Rng): Staff {
  const n = side.annotators ?? 4;
  const spread = side.spread ?? 0.1;
  const base = side.shares ?? DEFAULT_SHARES;
  if (base.length !== n) throw new RangeError('one share per annotator');
  if (Math.max(...ms) > n) throw new RangeError('an item cannot be judged by more annotators than the vendor has');
  // Shares shuffled over the annotators (Fisher–Yates), so who is busiest is unrelated to who is best.
  const shares = [...base];
  for (let i = n - 1; i > 0; i--) {
    const k = rng.nextInt(i + 1);
    [shares[i], shares[k]] = [shares[k]!, shares[i]!];
  }
  let accuracy: number[];
  if (side.recentre === false) {
    accuracy = Array.from({ length: n }, () => side.accuracy + spread * rng.normal());
  } else {
    const offsets = Array.from({ length: n }, (_, j) => (n === 1 ? 0 : spread * (-1 + (2 * j) / (n - 1))));
    const pi = inclusionWeights(shares, ms);
    const shift = offsets.reduce((s, o, j) => s + o * pi[j]!, 0);
    accuracy = offsets.map((o) => side.accuracy + o - shift);
  }
  const misread = side.misread;
  if (misread) {
    const up = (misread.drop * misread.share) / (1 - misread.share);
    if (accuracy.some((p) => p - misread.drop < 0 || p + up > 1)) throw new RangeError('a misreading would push an accuracy out of [0, 1]');
  }
  return { accuracy: accuracy.map((p) => Math.min(1, Math.max(0, p))), shares, misread };
}

/** One item's judges for a vendor: the first m in a Plackett–Luce order by share. */
function judges(s: Staff, m: number, rng: Rng): number[] {
  const w = [...s.shares];
  const out: number[] = [];
  let left = w.reduce((a, x) => a + x, 0);
  while (out.length < m) {
    let u = rng.next() * left;
    let j = 0;
    while (j < w.length - 1 && (w[j] === 0 || (u -= w[j]!) >= 0)) j++;
    // Rounding can leave u ≥ 0 past the end: take the last annotator not yet drawn.
    while (w[j] === 0) j--;
    out.push(j);
    left -= w[j]!;
    w[j] = 0;
  }
  return out;
}

/** One simulated project's gold judgments by two vendors on `items` shared gold items. */
export function simulateVendorGold(a: SimVendorSide, b: SimVendorSide, opts: SimGoldOptions, rng: Rng): SimGold {
  const ms = opts.judgments ?? [2, 3, 4];
  const sa = staff(a, ms, rng);
  const sb = staff(b, ms, rng);
  const n = opts.items;
  const out: SimGold = {
    correctA: new Int32Array(n),
    judgedA: new Int32Array(n),
    correctB: new Int32Array(n),
    judgedB: new Int32Array(n),
    firstA: new Uint8Array(n),
    firstB: new Uint8Array(n),
  };
  const side = (s: Staff, i: number, correct: Int32Array, judged: Int32Array, first: Uint8Array) => {
    const who = judges(s, ms[rng.nextInt(ms.length)]!, rng);
    const shift = !s.misread ? 0 : rng.next() < s.misread.share ? -s.misread.drop : (s.misread.drop * s.misread.share) / (1 - s.misread.share);
    who.forEach((j, r) => {
      const right = rng.next() < s.accuracy[j]! + shift ? 1 : 0;
      correct[i] = correct[i]! + right;
      if (r === 0) first[i] = right;
    });
    judged[i] = who.length;
  };
  for (let i = 0; i < n; i++) {
    side(sa, i, out.correctA, out.judgedA, out.firstA);
    side(sb, i, out.correctB, out.judgedB, out.firstB);
  }
  return out;
}
