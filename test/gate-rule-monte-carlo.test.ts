/**
 * The quality gate's exact pause probabilities (`core/gold/gate-rule.ts`, `pauseCurve`) checked against an
 * independent Monte Carlo of the gate's own verdict. It lives here rather than beside the rule because it draws from
 * the engine's seeded generator (`quality/random.ts`), and core imports nothing from quality.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../src/quality/random.js';
import { deriveGateRule, ruleVerdict, type GateRule } from '../src/core/gold/gate-rule.js';

/** Items until the gate's own verdict pauses an annotator whose answers `right()` produces, or null within `horizon`. */
function pausedAt(rule: GateRule, right: () => boolean, horizon: number): number | null {
  const t = { n: 0, correct: 0, failStreak: 0 };
  for (let i = 1; i <= horizon; i++) {
    const ok = right();
    t.n++;
    t.correct += ok ? 1 : 0;
    t.failStreak = ok ? 0 : t.failStreak + 1;
    if (ruleVerdict(rule, t) !== null) return i;
  }
  return null;
}

/** A straight-liner on balanced gold of C classes: always answers class 0; the gold answers come shuffled. */
function straightLiner(C: number, rng: Rng): () => boolean {
  const gold = Array.from({ length: 200 * C }, (_, i) => i % C);
  for (let i = gold.length - 1; i > 0; i--) {
    const k = rng.nextInt(i + 1);
    [gold[i], gold[k]] = [gold[k]!, gold[i]!];
  }
  let next = 0;
  return () => gold[next++] === 0;
}

describe('pauseCurve against a simulation of the gate', () => {
  it('agrees with a Monte Carlo of the gate itself (honest at floor + 0.05 over 200 items, guessers and straight-liners over 20)', () => {
    const rule = deriveGateRule(0.6, 0.25);
    const rng = createRng(16);
    const runs = 20_000;
    let honest = 0;
    let guesser = 0;
    let liner = 0;
    for (let r = 0; r < runs; r++) {
      if (pausedAt(rule, () => rng.next() < rule.honest, 200) !== null) honest++;
      if (pausedAt(rule, () => rng.next() < 0.25, 20) !== null) guesser++;
      if (pausedAt(rule, straightLiner(4, rng), 20) !== null) liner++;
    }
    const within = (sim: number, exact: number) => expect(Math.abs(sim / runs - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / runs) + 1e-9);
    within(honest, rule.falsePause);
    within(guesser, rule.pausedWithin);
    // Drawing gold without replacement makes a straight-liner's hits slightly anti-correlated: a little more spread.
    expect(Math.abs(liner / runs - rule.pausedWithin)).toBeLessThan(0.01);
  });
});
