/**
 * How the head-to-head of two vendors behaves under real labeling (issue 16): over many seeded simulations of two
 * vendors on 60 shared gold items, each vendor with four annotators of differing accuracy (spread ±0.1, shares of the
 * work 0.4/0.3/0.2/0.1) and each item judged by 2–4 of each vendor's annotators (`src/quality/test-support/
 * vendor-gold-sim.ts`), the rate at which each test calls the difference significant at 0.05:
 * - the paired bootstrap-t over items with every judgment (what the API names first now);
 * - McNemar's exact test on each vendor's *first* judgment of each item (what it named before);
 * - the pooled two-proportion z-test on every judgment, ignoring the clustering (the "unpaired" line).
 * Cases: 0.80 vs 0.64 (power: should be ≥ 90%), equal vendors at 0.64, 0.72 and 0.80 (false positives: nominal 5%),
 * the same with shared misreadings (each vendor's team misreads 20% of items together, accuracy −0.3 on them, +0.075
 * on the rest: judgments of one item correlated within a vendor, the clustering the pooled z-test ignores), and equal
 * vendors whose annotators are drawn at random around 0.72 (sd 0.05) instead of recentred, where the
 * vendors' delivered accuracy really differs by who staffed them (outside what the paired test claims). Every rate has
 * its Wilson 95% interval; the baseline is the nominal rate.
 *
 *   npm run bench -- head-to-head            (ASSAY_BENCH_SEEDS=2000 by default)
 */
import { createRng } from '../src/quality/random.js';
import { pairedClusterBootstrap } from '../src/quality/stats/paired-cluster-bootstrap.js';
import { mcnemarExact, twoProportionZTest } from '../src/quality/stats/two-proportions.js';
import { wilsonInterval } from '../src/quality/stats/wilson.js';
import { simulateVendorGold, type SimVendorSide } from '../src/quality/test-support/vendor-gold-sim.js';

const SEEDS = Number(process.env.ASSAY_BENCH_SEEDS ?? 2000);
const ITEMS = 60;
const ALPHA = 0.05;
const sum = (x: Int32Array) => x.reduce((s, v) => s + v, 0);

function run(a: SimVendorSide, b: SimVendorSide) {
  const hits = { paired: 0, firstOnly: 0, unpaired: 0, covers: 0 };
  let judgments = 0;
  const truth = a.accuracy - b.accuracy;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const rng = createRng(seed * 104_729 + Math.round(a.accuracy * 1000) * 31 + Math.round(b.accuracy * 1000) + (a.recentre === false ? 7 : 0) + (a.misread ? 13 : 0));
    const g = simulateVendorGold(a, b, { items: ITEMS }, rng);
    const r = pairedClusterBootstrap(g, rng);
    judgments += r.judgmentsA + r.judgmentsB;
    if (r.pValue! < ALPHA) hits.paired++;
    if (r.lower! <= truth && truth <= r.upper!) hits.covers++;
    let [only1, only2] = [0, 0];
    for (let i = 0; i < ITEMS; i++) {
      if (g.firstA[i] && !g.firstB[i]) only1++;
      if (!g.firstA[i] && g.firstB[i]) only2++;
    }
    if (mcnemarExact(only1, only2).pValue < ALPHA) hits.firstOnly++;
    if (twoProportionZTest(sum(g.correctA), sum(g.judgedA), sum(g.correctB), sum(g.judgedB)).pValue < ALPHA) hits.unpaired++;
  }
  return { ...hits, judgmentsPerProject: judgments / SEEDS };
}

const rate = (k: number) => {
  const w = wilsonInterval(k, SEEDS);
  return `${((100 * k) / SEEDS).toFixed(1).padStart(5)}% [${(100 * w.lower).toFixed(1)}, ${(100 * w.upper).toFixed(1)}]`;
};
const started = performance.now();
const cases: [string, SimVendorSide, SimVendorSide, string][] = [
  ['0.80 vs 0.64', { accuracy: 0.8 }, { accuracy: 0.64 }, 'power; wanted ≥ 90%'],
  ['0.72 vs 0.72', { accuracy: 0.72 }, { accuracy: 0.72 }, 'false positives; nominal 5%'],
  ['0.80 vs 0.80', { accuracy: 0.8 }, { accuracy: 0.8 }, 'false positives; nominal 5%'],
  ['0.64 vs 0.64', { accuracy: 0.64 }, { accuracy: 0.64 }, 'false positives; nominal 5%'],
  ['0.72 vs 0.72, shared misreadings', { accuracy: 0.72, misread: { share: 0.2, drop: 0.3 } }, { accuracy: 0.72, misread: { share: 0.2, drop: 0.3 } }, 'false positives; nominal 5%'],
  ['0.72 vs 0.72, annotators drawn at random', { accuracy: 0.72, recentre: false, spread: 0.05 }, { accuracy: 0.72, recentre: false, spread: 0.05 }, 'outside the claim'],
];
console.log(`${SEEDS} seeds × ${ITEMS} shared gold items, 4 annotators a vendor (±0.1, shares 0.4/0.3/0.2/0.1), 2–4 judgments a vendor an item; significant at p < ${ALPHA}; [Wilson 95%]`);
for (const [name, a, b, meaning] of cases) {
  const r = run(a, b);
  console.log(`${name.padEnd(44)} paired bootstrap-t ${rate(r.paired)} | McNemar, first judgments ${rate(r.firstOnly)} | z-test, all judgments ${rate(r.unpaired)}  (${meaning}${meaning.startsWith('false') ? `; ratio to nominal ${(r.paired / SEEDS / ALPHA).toFixed(2)}` : ''})`);
  console.log(`${''.padEnd(44)} 95% interval covers the true difference ${rate(r.covers)}; ${r.judgmentsPerProject.toFixed(0)} judgments a project`);
}
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
