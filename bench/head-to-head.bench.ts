/**
 * How the head-to-head test of two vendors behaves (issue 7): over many seeded simulations of 200 gold items judged
 * by both vendors, the rate at which McNemar's exact test (paired, what the API names first) and the pooled
 * two-proportion z-test call a difference significant at 0.05, and how often Newcombe's intervals cover the true
 * difference. Two cases: vendors of accuracy 0.70 and 0.92 (power: it should nearly always find the difference)
 * and two vendors of 0.85 (false positives: it should stay near the nominal 5%). The baseline is the nominal rate.
 *
 *   npm run bench -- head-to-head            (ASSAY_BENCH_SEEDS=2000 by default)
 */
import { createRng } from '../src/quality/random.js';
import { mcnemarExact, newcombeDifference, newcombePairedDifference, twoProportionZTest } from '../src/quality/stats/two-proportions.js';

const SEEDS = Number(process.env.ASSAY_BENCH_SEEDS ?? 2000);
const ITEMS = 200;
const ALPHA = 0.05;

function run(p1: number, p2: number) {
  let mcnemar = 0;
  let ztest = 0;
  let pairedCovers = 0;
  let independentCovers = 0;
  const truth = p1 - p2;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const rng = createRng(seed * 7919 + Math.round(p1 * 1000) * 13 + Math.round(p2 * 1000));
    const t = { a: 0, b: 0, c: 0, d: 0 };
    for (let i = 0; i < ITEMS; i++) {
      // Each gold item judged once by each vendor, independently.
      const first = rng.next() < p1;
      const second = rng.next() < p2;
      if (first && second) t.a++;
      else if (first) t.b++;
      else if (second) t.c++;
      else t.d++;
    }
    if (mcnemarExact(t.b, t.c).pValue < ALPHA) mcnemar++;
    const k1 = t.a + t.b;
    const k2 = t.a + t.c;
    if (twoProportionZTest(k1, ITEMS, k2, ITEMS).pValue < ALPHA) ztest++;
    const paired = newcombePairedDifference(t);
    if (paired.lower <= truth && truth <= paired.upper) pairedCovers++;
    const independent = newcombeDifference(k1, ITEMS, k2, ITEMS);
    if (independent.lower <= truth && truth <= independent.upper) independentCovers++;
  }
  return { mcnemar: mcnemar / SEEDS, ztest: ztest / SEEDS, pairedCovers: pairedCovers / SEEDS, independentCovers: independentCovers / SEEDS };
}

const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)}%`;
const started = performance.now();
const power = run(0.7, 0.92);
const equal = run(0.85, 0.85);
const seconds = (performance.now() - started) / 1000;

console.log(`${SEEDS} seeds × ${ITEMS} gold items judged by both vendors; significant at p < ${ALPHA}; baseline = nominal rate`);
console.log(`0.70 vs 0.92  significant: McNemar exact ${pct(power.mcnemar)}, z-test ${pct(power.ztest)} (power; nominal: as high as possible)`);
console.log(`0.85 vs 0.85  significant: McNemar exact ${pct(equal.mcnemar)}, z-test ${pct(equal.ztest)} (false positives; nominal 5.0%, ratio ${(equal.mcnemar / ALPHA).toFixed(2)} and ${(equal.ztest / ALPHA).toFixed(2)})`);
console.log(
  `95% intervals cover the true difference: paired ${pct(power.pairedCovers)} / ${pct(equal.pairedCovers)}, independent ${pct(power.independentCovers)} / ${pct(equal.independentCovers)} (0.70–0.92 / equal; nominal 95.0%)`,
);
console.log(`(${seconds.toFixed(2)} s)`);
