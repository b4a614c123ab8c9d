/**
 * Calibrated confidence (issue 16 §1): ECE before and after, per public data set and judgments per item k, beside
 * Crowd-Kit's figures from `test/fixtures/datasets/README.md`. Run with `npm run bench -- calibration`.
 *
 * Definitions in `src/quality/test-support/calibration-eval.ts`: each item subsampled to at most k judgments (seeded),
 * ECE with 10 equal-width bins of the chosen class's confidence over the items with gold.
 * - Without gold (5 seeds): Dawid–Skene as Crowd-Kit runs it (maximum likelihood) on the same subsamples, today's
 *   `ds` and Bayesian Dawid–Skene `bds` (the new default), with accuracy.
 * - With gold (12 seeds): 20 % of the gold known and clamped, ECE on the other 80 %: `bds` as fitted, and calibrated
 *   on the known gold (cross-fitted temperature and isotonic map, `quality/aggregate/calibrated.ts`).
 * Also the time of one calibrated fit against one plain fit, measured in the same run.
 */
import { performance } from 'node:perf_hooks';
import { calibratedFit } from '../src/quality/aggregate/calibrated.js';
import { bds, withGold, withoutGold } from '../src/quality/test-support/calibration-eval.js';
import { hasDatasets, loadCategorical, type CategoricalDataset } from '../src/quality/test-support/datasets.js';
import { subsamplePerItem } from '../src/quality/test-support/subsample.js';

/** Crowd-Kit's DawidSkene(n_iter=100): accuracy and ECE on its own seed-1 subsample (datasets README, "Calibration"). */
const CROWD_KIT: Record<CategoricalDataset, Partial<Record<number, [number, number]>>> = {
  rte: { 2: [0.734, 0.145], 3: [0.823, 0.11], 5: [0.874, 0.102] },
  temp: { 2: [0.81, 0.092], 3: [0.898, 0.057], 5: [0.926, 0.067] },
  dog: { 2: [0.693, 0.213], 3: [0.753, 0.195], 5: [0.798, 0.178] },
  product: { 2: [0.927, 0.025], 3: [0.94, 0.03] },
};

if (!hasDatasets()) {
  console.log('the public data sets are missing (test/fixtures/datasets or $ASSAY_DATASETS): nothing to measure');
  process.exit(0);
}

const f3 = (x: number) => x.toFixed(3);
console.log('| set | k | Crowd-Kit DS acc / ECE (README) | DS (Crowd-Kit settings) ECE, same subsamples | today ds acc / ECE | bds acc / ECE | 20 % gold: bds ECE | calibrated ECE | items scored |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const name of Object.keys(CROWD_KIT) as CategoricalDataset[]) {
  const d = loadCategorical(name);
  for (const k of [2, 3, 5]) {
    const ck = CROWD_KIT[name][k];
    if (!ck) continue;
    const a = withoutGold(d, k, 5);
    const b = withGold(d, k, 12);
    console.log(
      `| ${name} | ${k} | ${f3(ck[0])} / ${f3(ck[1])} | ${f3(a.crowdKit.ece)} | ${f3(a.today.accuracy)} / ${f3(a.today.ece)} | ` +
        `${f3(a.bayesian.accuracy)} / ${f3(a.bayesian.ece)} | ${f3(b.model.ece)} | ${f3(b.calibrated.ece)} | ${Math.round(b.calibrated.n)} |`,
    );
  }
}

// Cost of calibration: one calibrated fit (10 folds + the final fit) against one plain fit, on rte k = 3.
const d = loadCategorical('rte');
const obs = subsamplePerItem(d.obs, 3, 1);
const known = Int32Array.from(d.gold, (g, i) => (i % 5 === 0 ? g : -1));
const time = (f: () => unknown, rounds = 7): number => {
  const ts: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  return ts.sort((x, y) => x - y)[rounds >> 1]!;
};
time(() => calibratedFit(obs, known, bds), 2); // warm-up
const plain = time(() => bds(obs, known));
const cal = time(() => calibratedFit(obs, known, bds));
console.log(`\nrte k = 3, 160 gold: one bds fit ${plain.toFixed(1)} ms, calibrated fit ${cal.toFixed(1)} ms (${(cal / plain).toFixed(1)}× the plain fit; median of 7)`);
