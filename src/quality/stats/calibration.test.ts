import { describe, expect, it } from 'vitest';
import { expectedCalibrationError } from './calibration.js';

describe('expectedCalibrationError', () => {
  it('computes the bin-weighted gap by hand on a small example', () => {
    // Bins of width 0.5: [0, 0.5) holds 0.2, 0.4 (one correct) → conf 0.3, acc 0.5, gap 0.2;
    // [0.5, 1] holds 0.6, 0.8, 1.0 (two correct) → conf 0.8, acc 2/3, gap 0.1333…
    // ECE = 2/5 · 0.2 + 3/5 · 0.13333 = 0.16.
    const r = expectedCalibrationError([0.2, 0.4, 0.6, 0.8, 1.0], [1, 0, 1, 0, 1], 2);
    expect(r.ece).toBeCloseTo(0.16, 12);
    expect(r.mce).toBeCloseTo(0.2, 12);
    expect(r.n).toBe(5);
    expect(r.bins.map((b) => b.n)).toEqual([2, 3]);
  });
  it('is zero for perfectly calibrated bins', () => {
    const r = expectedCalibrationError([0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0], 4);
    expect(r.ece).toBeCloseTo(0, 15);
  });
  it('reports NaN for empty input', () => {
    expect(expectedCalibrationError([], [], 10).ece).toBeNaN();
  });
});
