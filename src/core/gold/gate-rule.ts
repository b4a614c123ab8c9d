/**
 * The quality gate's rule, derived from the manager's accuracy floor and the task's chance rate, with its error
 * rates computed exactly. Pure and self-contained (the console imports it to say the rule in words).
 *
 * Two hypotheses about an annotator's gold answers, each right independently with probability p:
 * - honest: p₀ = floor + 0.05 (`HONEST_MARGIN`), someone a little above the floor, who must almost never be paused;
 * - guessing: p₁ = the chance rate (1/C for C equally likely classes; a straight-liner on balanced gold is right as
 *   often), who must be paused quickly.
 * Rule 1, the likelihood ratio (Wald's sequential probability ratio test, Wald, "Sequential tests of statistical
 * hypotheses", Ann Math Stat 16(2):117–186, 1945, doi:10.1214/aoms/1177731118, with no lower boundary: the gate
 * never stops watching): after n gold items with k right, Λ = k·ln(p₁/p₀) + (n − k)·ln((1 − p₁)/(1 − p₀)); pause when
 * Λ ≥ A. An honest annotator's Λ drifts down, so the chance of ever crossing is at most e^(−A) (Ville's inequality);
 * the exact chance over the first `HORIZON` items is smaller, and A is chosen on it.
 * Rule 2, the streak: pause after s gold items missed in a row, which catches an annotator who turns careless after a
 * good record (their Λ starts far below A). 0 means no streak rule.
 * Choosing (A, s): for each streak length s (none, or from the shortest an honest annotator survives alone), the
 * smallest A that keeps the honest annotator's chance of a pause within `HORIZON` items at most `FALSE_PAUSE`,
 * computed exactly by dynamic programming over (items seen, right so far, current miss streak) applying both rules
 * after every item (`pauseCurve`); then the pair that pauses a guesser within `WITHIN` items most often (ties: the
 * lower false-pause rate). Whether that reaches `DETECT` is reported, not assumed: with two classes and a floor of
 * 0.6, telling 0.5 from 0.65 needs far more than 20 items whatever the rule, and `within95` says how many it takes.
 * Cost: O(HORIZON² · s) per evaluation, about 25 evaluations per streak length; memoised per (floor, chance).
 */

export const HONEST_MARGIN = 0.05;
export const HORIZON = 200;
export const FALSE_PAUSE = 0.05;
export const WITHIN = 20;
export const DETECT = 0.95;
/** Where the likelihood rule may start: waiting spends less of the honest annotator's budget on early bad luck. */
const MIN_ITEMS = [1, 5, 10, 15, 20];
/** Longest streak considered: beyond WITHIN items a streak cannot help catch a guesser in time. */
const MAX_STREAK = 21;
/** Comparisons of Λ with A allow this much rounding, the same in the computation and the gate. */
const EPS = 1e-9;

export interface GateRule {
  /** The floor it was derived from, the honest accuracy p₀ and the chance rate p₁. */
  floor: number;
  honest: number;
  chance: number;
  /** ln Λ threshold A (Infinity: no likelihood rule, when chance is not below p₀). */
  threshold: number;
  /** Gold items before the likelihood rule applies. */
  minItems: number;
  /** Λ's step on a miss (> 0) and on a right answer (< 0). */
  missStep: number;
  hitStep: number;
  /** Misses in a row that pause; 0: none. */
  maxFailStreak: number;
  /** Exact chance that an annotator at p₀ is paused within HORIZON gold items. */
  falsePause: number;
  /** Exact chance that a guesser (p₁) is paused within WITHIN gold items. */
  pausedWithin: number;
  /** Gold items by which a guesser is paused with chance ≥ DETECT (null: not within HORIZON). */
  within95: number | null;
  /** pausedWithin ≥ DETECT. */
  meetsTarget: boolean;
}

/** The chance rate of a task from the options of its scored questions: the product of 1/options (clamped). */
export function chanceOfOptions(optionCounts: readonly number[]): number {
  const c = optionCounts.reduce((x, k) => x / Math.max(1, k), 1);
  return Math.min(0.999, Math.max(1e-6, c));
}

interface Shape {
  threshold: number;
  minItems: number;
  missStep: number;
  hitStep: number;
  maxFailStreak: number;
}

/** The most right answers out of n that still pause (Λ ≥ A), or −1 when none does. */
export function pausingRight(r: Shape, n: number): number {
  const A = r.threshold;
  if (!Number.isFinite(A) || n < r.minItems) return -1;
  // Λ(n, k) = n·miss − k·(miss − hit) ≥ A  ⟺  k ≤ (n·miss − A) / (miss − hit)
  const k = Math.floor((n * r.missStep - A) / (r.missStep - r.hitStep) + EPS);
  return Math.min(n, k);
}

/**
 * P(paused by item n), n = 1..horizon, for an annotator right with probability p, both rules applied after every
 * item. States (right so far k, current miss streak m) carry the probability of being there unpaused.
 */
export function pauseCurve(r: Shape, p: number, horizon: number): Float64Array {
  const S = r.maxFailStreak > 0 ? r.maxFailStreak : 1; // without a streak rule, the streak need not be tracked
  const track = r.maxFailStreak > 0;
  let cur = new Float64Array((horizon + 1) * S);
  let next = new Float64Array((horizon + 1) * S);
  cur[0] = 1;
  const out = new Float64Array(horizon);
  let paused = 0;
  for (let n = 1; n <= horizon; n++) {
    next.fill(0, 0, (n + 1) * S);
    for (let k = 0; k < n; k++) {
      for (let m = 0; m < S; m++) {
        const mass = cur[k * S + m]!;
        if (mass === 0) continue;
        next[(k + 1) * S]! += mass * p;
        const m2 = track ? m + 1 : 0;
        if (track && m2 >= S) paused += mass * (1 - p);
        else next[k * S + m2]! += mass * (1 - p);
      }
    }
    const kMax = pausingRight(r, n);
    for (let k = 0; k <= kMax; k++) {
      for (let m = 0; m < S; m++) {
        paused += next[k * S + m]!;
        next[k * S + m] = 0;
      }
    }
    out[n - 1] = paused;
    [cur, next] = [next, cur];
  }
  return out;
}

const memo = new Map<string, GateRule>();

/** The gate's rule for a floor and a chance rate (see the module comment). */
export function deriveGateRule(floor: number, chance: number): GateRule {
  const key = `${floor}:${chance}`;
  const hit = memo.get(key);
  if (hit) return hit;
  if (!(floor >= 0 && floor <= 1)) throw new RangeError(`floor must be within 0..1, got ${floor}`);
  if (!(chance > 0 && chance < 1)) throw new RangeError(`chance must be within (0, 1), got ${chance}`);
  const honest = Math.min(0.999, floor + HONEST_MARGIN);
  const detectable = chance < honest;
  const missStep = detectable ? Math.log((1 - chance) / (1 - honest)) : 1;
  const hitStep = detectable ? Math.log(chance / honest) : -1;
  const falseOf = (s: Shape) => pauseCurve(s, honest, HORIZON)[HORIZON - 1]!;
  const detectOf = (s: Shape) => pauseCurve(s, chance, WITHIN)[WITHIN - 1]!;
  const shape = (threshold: number, minItems: number, maxFailStreak: number): Shape => ({ threshold, minItems, missStep, hitStep, maxFailStreak });
  /** The smallest A in [0, top] with falseOf(make(A)) ≤ FALSE_PAUSE (the rate falls as A grows); Infinity if none. */
  const smallest = (make: (A: number) => Shape): number => {
    const top = HORIZON * missStep + 1;
    if (falseOf(make(top)) > FALSE_PAUSE) return Infinity;
    let [lo, hi] = [0, top];
    if (falseOf(make(lo)) <= FALSE_PAUSE) return lo;
    for (let it = 0; it < 18; it++) {
      const mid = (lo + hi) / 2;
      if (falseOf(make(mid)) <= FALSE_PAUSE) hi = mid;
      else lo = mid;
    }
    return hi;
  };

  // The shortest streak an honest annotator survives on its own, and a few longer ones; or none.
  let sMin = 1;
  while (sMin < MAX_STREAK && falseOf(shape(Infinity, 1, sMin)) > FALSE_PAUSE) sMin++;
  const streaks = [0, ...Array.from({ length: Math.min(MAX_STREAK, sMin + 6) - sMin + 1 }, (_, i) => sMin + i)];

  let best: { s: Shape; fp: number; det: number } | null = null;
  for (const s of streaks) {
    for (const m of detectable ? MIN_ITEMS : [1]) {
      const A = detectable ? smallest((x) => shape(x, m, s)) : Infinity;
      if (detectable && !Number.isFinite(A)) continue;
      const cand = shape(A, m, s);
      const fp = falseOf(cand);
      const det = detectOf(cand);
      // The most guessers paused in time; on a tie, fewer honest pauses, then the earlier start.
      if (!best || det > best.det + 1e-12 || (Math.abs(det - best.det) <= 1e-12 && fp < best.fp - 1e-12)) best = { s: cand, fp, det };
    }
  }
  const chosen = best!;
  const curve = pauseCurve(chosen.s, chance, HORIZON);
  const at = curve.findIndex((x) => x >= DETECT);
  const rule: GateRule = {
    floor,
    honest,
    chance,
    ...chosen.s,
    falsePause: chosen.fp,
    pausedWithin: chosen.det,
    within95: at < 0 ? null : at + 1,
    meetsTarget: chosen.det >= DETECT,
  };
  memo.set(key, rule);
  return rule;
}

/** Why the rule pauses an annotator with this gold record (since they started or were reinstated), or null. */
export function ruleVerdict(rule: GateRule, t: { n: number; correct: number; failStreak: number }): string | null {
  if (rule.maxFailStreak > 0 && t.failStreak >= rule.maxFailStreak) {
    return `${t.failStreak} gold items missed in a row (the limit for a floor of ${pct(rule.floor)} is ${rule.maxFailStreak})`;
  }
  if (t.n > 0 && t.correct <= pausingRight(rule, t.n)) {
    const ratio = Math.exp(t.correct * rule.hitStep + (t.n - t.correct) * rule.missStep);
    return `${t.correct} of ${t.n} gold items right: ${ratio >= 100 ? Math.round(ratio) : ratio.toFixed(1)} times likelier from guessing (chance ${pct(rule.chance)}) than from ${pct(rule.honest)} accuracy (limit ${Math.exp(rule.threshold).toFixed(1)})`;
  }
  return null;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
