/**
 * A hand-made reliability diagram (test fixture): 40 judged gold items, 12 at 50–60% with 6 right, 8 at 70–80%
 * with 5 right, 20 at 90–100% with 17 right. ECE by hand: 12/40·|0.5 − 0.55| + 8/40·|0.625 − 0.74| + 20/40·|0.85 − 0.97|
 * = 0.015 + 0.023 + 0.06 = 0.098.
 */
import type { CalibrationView } from './queries';

const empty = (k: number) => ({ lower: k / 10, upper: (k + 1) / 10, n: 0, confidence: null, accuracy: null });

export const CALIBRATION: CalibrationView = {
  projectId: 'p1',
  questionId: 'sentiment',
  basis: { kind: 'calibrated', nGold: 40 },
  n: 40,
  ece: 0.098,
  bins: [
    ...[0, 1, 2, 3, 4].map(empty),
    { lower: 0.5, upper: 0.6, n: 12, confidence: 0.55, accuracy: { rate: 0.5, lower: 0.2538, upper: 0.7462 } },
    empty(6),
    { lower: 0.7, upper: 0.8, n: 8, confidence: 0.74, accuracy: { rate: 0.625, lower: 0.3057, upper: 0.8632 } },
    empty(8),
    { lower: 0.9, upper: 1, n: 20, confidence: 0.97, accuracy: { rate: 0.85, lower: 0.6396, upper: 0.9476 } },
  ],
};
