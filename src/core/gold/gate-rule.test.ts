import { describe, expect, it } from 'vitest';
import { deriveGateRule, pauseCurve } from './gate-rule.js';

const shape = (threshold: number, minItems: number, maxFailStreak: number, p0 = 0.65, p1 = 0.25) => ({
  threshold,
  minItems,
  maxFailStreak,
  missStep: Math.log((1 - p1) / (1 - p0)),
  hitStep: Math.log(p1 / p0),
});

describe('pauseCurve (the exact pause probability)', () => {
  it('matches hand counts on small cases', () => {
    // Streak of 3 at p = ½ within 4 items: MMM· (1/8) or HMMM (1/16) = 3/16; within 3: 1/8.
    const streak = pauseCurve(shape(Infinity, 1, 3), 0.5, 4);
    expect(streak[2]).toBeCloseTo(1 / 8, 14);
    expect(streak[3]).toBeCloseTo(3 / 16, 14);
    // Likelihood rule alone with A between one and two misses' worth, from the 2nd item: pauses at n = 2 when both
    // were missed (Λ = 2·miss ≥ A), at n = 3 when 3 missed, or 2 of 3 when miss·2 + hit ≥ A (here it is not).
    const s = shape(1.5, 2, 0);
    expect(2 * s.missStep).toBeGreaterThan(1.5);
    expect(2 * s.missStep + s.hitStep).toBeLessThan(1.5);
    const q = 0.3;
    const c = pauseCurve(s, 1 - q, 3);
    expect(c[0]).toBe(0);
    expect(c[1]).toBeCloseTo(q * q, 14);
    expect(c[2]).toBeCloseTo(q * q, 14); // the third miss comes after the second, already paused
  });
});

describe('deriveGateRule', () => {
  const floors = [0.5, 0.6, 0.7, 0.8];
  const classes = [2, 3, 4, 5, 10];

  it.each(floors.flatMap((f) => classes.map((c) => [f, c] as const)))('floor %f, %i classes: honest false pauses ≤ 5% over 200, and a guesser as fast as that allows', (floor, C) => {
    const r = deriveGateRule(floor, 1 / C);
    expect(r.honest).toBeCloseTo(floor + 0.05, 12);
    expect(r.falsePause).toBeLessThanOrEqual(0.05);
    expect(r.falsePause).toBe(pauseCurve(r, r.honest, 200)[199]);
    expect(r.pausedWithin).toBe(pauseCurve(r, r.chance, 20)[19]);
    expect(r.meetsTarget).toBe(r.pausedWithin >= 0.95);
    if (r.within95 !== null) expect(pauseCurve(r, r.chance, r.within95)[r.within95 - 1]).toBeGreaterThanOrEqual(0.95);
    // An annotator above floor + 0.05 is paused less often still.
    expect(pauseCurve(r, Math.min(0.99, r.honest + 0.1), 200)[199]).toBeLessThan(r.falsePause);
  });

  it('meets the 20-item target wherever the chance rate is far enough below the floor', () => {
    const met = (f: number, c: number) => deriveGateRule(f, 1 / c).meetsTarget;
    for (const c of [4, 5, 10]) expect(met(0.6, c)).toBe(true);
    for (const c of [3, 4, 5, 10]) expect(met(0.7, c)).toBe(true);
    for (const c of [2, 3, 4, 5, 10]) expect(met(0.8, c)).toBe(true);
  });

  it('says honestly where it cannot: two classes and a floor of 0.6', () => {
    const r = deriveGateRule(0.6, 0.5);
    expect(r.meetsTarget).toBe(false);
    expect(r.pausedWithin).toBeLessThan(0.5);
    expect(r.within95).not.toBeNull();
    expect(r.within95!).toBeGreaterThan(100);
    // No rule on 20 items can: even one look at the 20th, pausing at k ≤ t right, needs t ≥ 14 to pause 95% of
    // guessers (scipy: binom.cdf(13, 20, 0.5) = 0.9423, binom.cdf(14, 20, 0.5) = 0.9793), and then pauses
    // binom.cdf(14, 20, 0.65) = 0.7546 of honest annotators at 0.65.
    expect(pauseCurve(shape(20 * Math.log(0.5 / 0.35) - 1e-9 - 14 * (Math.log(0.5 / 0.35) - Math.log(0.5 / 0.65)), 20, 0, 0.65, 0.5), 0.65, 20)[19]).toBeCloseTo(0.7546, 3);
  });

  it('keeps the issue\'s honest annotators (0.63–0.67 against a floor of 0.60, four classes) mostly unpaused', () => {
    const r = deriveGateRule(0.6, 0.25);
    // The old default (5 misses in a row) paused 8 of 42 of them; the derived rule: under 5% at 0.65, at most ~9% at 0.63.
    expect(pauseCurve(r, 0.67, 200)[199]).toBeLessThan(0.05);
    expect(pauseCurve(r, 0.63, 200)[199]).toBeLessThan(0.1);
    expect(pauseCurve(shape(Infinity, 1, 5), 0.65, 200)[199]).toBeGreaterThan(0.2);
  });

  it('refuses a floor or chance out of range', () => {
    expect(() => deriveGateRule(1.2, 0.25)).toThrow(/floor/);
    expect(() => deriveGateRule(0.6, 0)).toThrow(/chance/);
  });
});
