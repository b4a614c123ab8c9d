/**
 * Test and benchmark helper (never imported by the library): keeps at most `k` judgments per item, chosen uniformly
 * at random with a seeded generator (a partial Fisher–Yates shuffle of each item's judgments), as in the
 * "Calibration" table of `test/fixtures/datasets/README.md`. Worker and class indices are kept, so a worker left without
 * judgments is still counted in `nWorkers`.
 */
import { indexByItem } from '../observations.js';
import { createRng } from '../random.js';
import type { Observations } from '../types.js';

export function subsamplePerItem(obs: Observations, k: number, seed: number): Observations {
  const rng = createRng(seed);
  const { start, order } = indexByItem(obs);
  const kept: number[] = [];
  for (let i = 0; i < obs.nItems; i++) {
    const js = Array.from(order.subarray(start[i]!, start[i + 1]!));
    const take = Math.min(k, js.length);
    for (let j = 0; j < take; j++) {
      const r = j + rng.nextInt(js.length - j);
      [js[j], js[r]] = [js[r]!, js[j]!];
      kept.push(js[j]!);
    }
  }
  kept.sort((x, y) => x - y);
  const pick = (a: Int32Array) => Int32Array.from(kept, (o) => a[o]!);
  return { item: pick(obs.item), worker: pick(obs.worker), label: pick(obs.label), nItems: obs.nItems, nWorkers: obs.nWorkers, nClasses: obs.nClasses };
}
