import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { applyIsotonic, fitIsotonicCalibration, fitIsotonicCalibrationCV, poolAdjacentViolators } from './isotonic.js';

describe('poolAdjacentViolators', () => {
  it('pools a toy sequence by hand', () => {
    // 1, 3, 2, 4, 3, 5: (3, 2) → 2.5, 2.5; (4, 3) → 3.5, 3.5.
    const r = poolAdjacentViolators([1, 3, 2, 4, 3, 5]);
    expect(Array.from(r.fitted)).toEqual([1, 2.5, 2.5, 3.5, 3.5, 5]);
    expect(Array.from(r.starts)).toEqual([0, 1, 3, 5, 6]);
  });
  it('pools back over several blocks and honours weights', () => {
    // 4, 5, 1: (5, 1) → 3, which is below 4, so all three pool to 10/3.
    expect(Array.from(poolAdjacentViolators([4, 5, 1]).fitted).map((v) => v.toFixed(6))).toEqual(['3.333333', '3.333333', '3.333333']);
    // weights 1 and 3 on 3 and 1: (3·1 + 1·3) / 4 = 1.5.
    expect(Array.from(poolAdjacentViolators([3, 1], [1, 3]).fitted)).toEqual([1.5, 1.5]);
  });
  it('leaves a non-decreasing sequence alone and rejects a zero weight', () => {
    expect(Array.from(poolAdjacentViolators([0, 0, 1, 2]).fitted)).toEqual([0, 0, 1, 2]);
    expect(() => poolAdjacentViolators([1, 2], [1, 0])).toThrow(RangeError);
  });
});

describe('fitIsotonicCalibration', () => {
  it('builds the map by hand: blocks, shrinkage towards the block confidence, interpolation', () => {
    // Pairs (0.6, 1), (0.7, 0), (0.8, 1), (0.9, 1): PAV blocks {0.6, 0.7} at 0.5 and {0.8, 0.9} at 1.
    const plain = fitIsotonicCalibration([0.9, 0.6, 0.8, 0.7], [1, 1, 1, 0], 0, 1);
    expect(Array.from(plain.x).map((v) => v.toFixed(9))).toEqual(['0.650000000', '0.850000000']);
    expect(Array.from(plain.y)).toEqual([0.5, 1]);
    // Shrinkage m = 2: (1 + 2·0.65) / 4 = 0.575 and (2 + 2·0.85) / 4 = 0.925.
    const shrunk = fitIsotonicCalibration([0.9, 0.6, 0.8, 0.7], [1, 1, 1, 0], 2, 1);
    expect(shrunk.y[0]).toBeCloseTo(0.575, 12);
    expect(shrunk.y[1]).toBeCloseTo(0.925, 12);
    expect(applyIsotonic(shrunk, 0.75)).toBeCloseTo(0.75, 12); // halfway between the knots
    expect(applyIsotonic(shrunk, 0.5)).toBeCloseTo(0.575, 12); // constant beyond the ends
    expect(applyIsotonic(shrunk, 1)).toBeCloseTo(0.925, 12);
  });
  it('merges blocks lighter than the least weight', () => {
    // Blocks of two pairs each under a least weight of 3 merge into one: accuracy 3/4 at confidence 0.75.
    const m = fitIsotonicCalibration([0.6, 0.7, 0.8, 0.9], [1, 0, 1, 1], 0, 3);
    expect(Array.from(m.y)).toEqual([0.75]);
    expect(m.x[0]).toBeCloseTo(0.75, 12);
  });
  it('counts tied confidences as one point', () => {
    const m = fitIsotonicCalibration([0.8, 0.8, 0.8, 0.8], [1, 1, 0, 1], 0, 1);
    expect(Array.from(m.y)).toEqual([0.75]);
  });
});

describe('fitIsotonicCalibrationCV', () => {
  // Outcomes drawn with a known P(correct | c): the map must recover it (an independent truth, by construction).
  const draw = (n: number, truth: (c: number) => number, seed: number) => {
    const rng = createRng(seed);
    const conf = Float64Array.from({ length: n }, () => 0.5 + 0.5 * rng.next());
    const correct = Uint8Array.from(conf, (c) => (rng.next() < truth(c) ? 1 : 0));
    return { conf, correct };
  };
  it('keeps calibrated confidences close to themselves', () => {
    const { conf, correct } = draw(2000, (c) => c, 3);
    const map = fitIsotonicCalibrationCV(conf, correct);
    for (const c of [0.6, 0.7, 0.8, 0.9]) expect(Math.abs(applyIsotonic(map, c) - c)).toBeLessThan(0.05);
  });
  it('pulls overconfident ones down to the truth', () => {
    const truth = (c: number) => 0.5 + (c - 0.5) * 0.6;
    const { conf, correct } = draw(2000, truth, 4);
    const map = fitIsotonicCalibrationCV(conf, correct);
    for (const c of [0.6, 0.7, 0.8, 0.95]) expect(Math.abs(applyIsotonic(map, c) - truth(c))).toBeLessThan(0.05);
  });
});
