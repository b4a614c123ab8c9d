/**
 * The quality gate's error rates (issue 16): for floors 0.5–0.8 and 2, 3, 4, 5 and 10 equally likely classes, the
 * rule derived from them (`src/core/gold/gate-rule.ts`) and
 * - the chance an annotator at floor + 0.05 is paused within their first 200 gold items: exact (dynamic programming)
 *   and simulated (the gate's own verdict applied item by item, ASSAY_BENCH_RUNS runs);
 * - the chance a guesser (right at random, 1/C) and a straight-liner (always the same class, balanced gold shuffled)
 *   is paused within 20 gold items: exact for the guesser, simulated for both; and the items by which 95% are paused.
 * The baseline is the old fixed rule (95% Beta upper bound under the floor after 10 gold items, or 5 misses in a
 * row), simulated on the honest annotators (0.63, 0.65, 0.67 against a floor of 0.60).
 *
 *   npm run bench -- quality-gate            (ASSAY_BENCH_RUNS=20000 by default)
 */
import { deriveGateRule, pauseCurve, ruleVerdict, type GateRule } from '../src/core/gold/gate-rule.js';
import { createRng, type Rng } from '../src/quality/random.js';
import { betaPosterior } from '../src/quality/stats/beta-interval.js';

const RUNS = Number(process.env.ASSAY_BENCH_RUNS ?? 20_000);

type Verdict = (t: { n: number; correct: number; failStreak: number }) => boolean;

function pausedWithin(verdict: Verdict, right: () => boolean, horizon: number): boolean {
  const t = { n: 0, correct: 0, failStreak: 0 };
  for (let i = 0; i < horizon; i++) {
    const ok = right();
    t.n++;
    t.correct += ok ? 1 : 0;
    t.failStreak = ok ? 0 : t.failStreak + 1;
    if (verdict(t)) return true;
  }
  return false;
}

function straightLiner(C: number, rng: Rng): () => boolean {
  const gold = Array.from({ length: 20 * C }, (_, i) => i % C);
  for (let i = gold.length - 1; i > 0; i--) {
    const k = rng.nextInt(i + 1);
    [gold[i], gold[k]] = [gold[k]!, gold[i]!];
  }
  let next = 0;
  return () => gold[next++] === 0;
}

const rate = (verdict: Verdict, make: (rng: Rng) => () => boolean, horizon: number, seed: number) => {
  const rng = createRng(seed);
  let k = 0;
  for (let r = 0; r < RUNS; r++) if (pausedWithin(verdict, make(rng), horizon)) k++;
  return k / RUNS;
};
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const of = (rule: GateRule): Verdict => (t) => ruleVerdict(rule, t) !== null;

const started = performance.now();
console.log(`${RUNS} simulated annotators per cell; exact = dynamic programming over (items, right, miss streak)`);
console.log('| floor | classes | rule: LR ≥ (from item) · streak | honest (floor + 0.05) paused within 200: exact / simulated | guesser paused within 20: exact / simulated | straight-liner within 20: simulated | 95% of guessers paused by |');
console.log('|---|---|---|---|---|---|---|');
for (const floor of [0.5, 0.6, 0.7, 0.8]) {
  for (const C of [2, 3, 4, 5, 10]) {
    const r = deriveGateRule(floor, 1 / C);
    const seed = Math.round(floor * 100) * 100 + C;
    const honest = rate(of(r), (rng) => () => rng.next() < r.honest, 200, seed);
    const guess = rate(of(r), (rng) => () => rng.next() < 1 / C, 20, seed + 1);
    const liner = rate(of(r), (rng) => straightLiner(C, rng), 20, seed + 2);
    const lr = Number.isFinite(r.threshold) ? `${Math.exp(r.threshold).toFixed(1)} (${r.minItems})` : '—';
    console.log(
      `| ${floor.toFixed(2)} | ${C} | ${lr} · ${r.maxFailStreak || '—'} | ${pct(r.falsePause)} / ${pct(honest)} | ${pct(r.pausedWithin)} / ${pct(guess)}${r.meetsTarget ? '' : ' (short of 95%)'} | ${pct(liner)} | ${r.within95 ?? '> 200'} |`,
    );
  }
}

// Baseline: the old default rule, on the honest annotators (four classes, floor 0.60).
const old: Verdict = (t) => t.failStreak >= 5 || (t.n >= 10 && betaPosterior(1 + t.correct, 1 + t.n - t.correct, 0.95).upper < 0.6);
const derived = deriveGateRule(0.6, 0.25);
for (const p of [0.63, 0.65, 0.67]) {
  const before = rate(old, (rng) => () => rng.next() < p, 200, 9000 + p * 100);
  const after = rate(of(derived), (rng) => () => rng.next() < p, 200, 9100 + p * 100);
  console.log(`honest at ${p} (floor 0.60, 4 classes), paused within 200 gold items: old rule (Beta bound after 10, 5 in a row) ${pct(before)}; derived rule ${pct(after)} simulated, ${pct(pauseCurve(derived, p, 200)[199]!)} exact`);
}
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
