/**
 * Simulated crowd for tests: nItems × overlap judgments from workers with random diagonal-heavy confusion matrices
 * (each row: 3 on the diagonal plus uniform noise, normalised), true classes uniform. Seeded, so reproducible.
 */
import { createRng } from '../random.js';
import type { Observations } from '../types.js';

export function simulateCrowd(seed: number, nItems: number, nWorkers: number, K: number, overlap: number, shuffle = false): Observations {
  const rng = createRng(seed);
  const conf = new Float64Array(nWorkers * K * K);
  for (let w = 0; w < nWorkers; w++)
    for (let t = 0; t < K; t++) {
      let s = 0;
      for (let g = 0; g < K; g++) s += conf[(w * K + t) * K + g] = (g === t ? 3 : 0) + rng.next();
      for (let g = 0; g < K; g++) conf[(w * K + t) * K + g]! /= s;
    }
  const n = nItems * overlap;
  const item = new Int32Array(n);
  const worker = new Int32Array(n);
  const label = new Int32Array(n);
  for (let i = 0, o = 0; i < nItems; i++) {
    const t = rng.nextInt(K);
    for (let j = 0; j < overlap; j++, o++) {
      const w = rng.nextInt(nWorkers);
      let u = rng.next();
      let g = 0;
      while (g < K - 1 && (u -= conf[(w * K + t) * K + g]!) > 0) g++;
      item[o] = i;
      worker[o] = w;
      label[o] = g;
    }
  }
  // Shuffled on request, for code that must not rely on input order.
  for (let o = n - 1; shuffle && o > 0; o--) {
    const p = rng.nextInt(o + 1);
    for (const a of [item, worker, label]) [a[o], a[p]] = [a[p]!, a[o]!];
  }
  return { item, worker, label, nItems, nWorkers, nClasses: K };
}
