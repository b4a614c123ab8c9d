/**
 * Quality engine speed: labels·iterations per second of every categorical method on a synthetic crowd, with the
 * ratio to a floor measured in the same run (one pass that sums label counts into a typed array — the least any
 * method must do per iteration). Run with `npm run bench -- quality`.
 *
 * Data: 200,000 items × 5 judgments = 1,000,000 labels, 5 classes, 5,000 workers, each with a random confusion
 * matrix (diagonal-heavy Dirichlet-like rows), seed 20260101. The headline is Dawid–Skene with 50 EM iterations
 * (goal < 0.5 s on one thread; Crowd-Kit takes about 16 s for the same fit on this machine, see BENCHMARKS.md): as
 * `dawidSkene` runs it (one thread, sweep in WebAssembly SIMD), with the JavaScript sweep on one thread, and with the
 * JavaScript sweep on every core (`DawidSkeneThreads`, helpers started beforehand). The three are timed in turn,
 * several rounds, so that all see the same load on a shared machine, and the minimum and median of each are printed.
 */
import { availableParallelism } from 'node:os';
import { DawidSkeneThreads } from '../src/threads/dawid-skene-threads.js';
import { dawidSkene, fitDawidSkene, RECOMMENDED_DS_OPTIONS } from '../src/quality/aggregate/dawid-skene.js';
import { ONE_THREAD } from '../src/quality/aggregate/dawid-skene-em.js';
import { dawidSkeneReference } from '../src/quality/aggregate/dawid-skene-reference.js';
import { glad } from '../src/quality/aggregate/glad.js';
import { mace } from '../src/quality/aggregate/mace.js';
import { majorityVote } from '../src/quality/aggregate/majority-vote.js';
import { oneCoinDawidSkene } from '../src/quality/aggregate/one-coin.js';
import { wawa } from '../src/quality/aggregate/wawa.js';
import { createRng } from '../src/quality/random.js';
import type { Observations } from '../src/quality/types.js';

/** Synthetic crowd: returns observations in item order (as a database export would be). */
export function syntheticCrowd(nItems = 200_000, perItem = 5, K = 5, nWorkers = 5_000, seed = 20260101): Observations & { truth: Int32Array } {
  const rng = createRng(seed);
  const cdf = new Float64Array(nWorkers * K * K);
  for (let w = 0; w < nWorkers; w++)
    for (let t = 0; t < K; t++) {
      let s = 0;
      const row = (w * K + t) * K;
      for (let g = 0; g < K; g++) s += cdf[row + g] = (g === t ? 2 + 4 * rng.next() : 0) + rng.next();
      let acc = 0;
      for (let g = 0; g < K; g++) cdf[row + g] = acc += cdf[row + g]! / s;
    }
  const n = nItems * perItem;
  const item = new Int32Array(n);
  const worker = new Int32Array(n);
  const label = new Int32Array(n);
  const truth = new Int32Array(nItems);
  for (let i = 0, o = 0; i < nItems; i++) {
    const t = rng.nextInt(K);
    truth[i] = t;
    for (let j = 0; j < perItem; j++, o++) {
      const w = rng.nextInt(nWorkers);
      const u = rng.next();
      const row = (w * K + t) * K;
      let g = 0;
      while (g < K - 1 && u >= cdf[row + g]!) g++;
      item[o] = i;
      worker[o] = w;
      label[o] = g;
    }
  }
  return { item, worker, label, nItems, nWorkers, nClasses: K, truth };
}

/** Best of `repeats` wall-clock timings of fn, in seconds. */
export function best(fn: () => unknown, repeats: number): number {
  let min = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return min;
}

/** Minimum and median of a sample. */
function minMedian(xs: number[]): [number, number] {
  const s = [...xs].sort((a, b) => a - b);
  return [s[0]!, s[Math.floor((s.length - 1) / 2)]!];
}

async function main(): Promise<void> {
  const obs = syntheticCrowd();
  const n = obs.label.length;
  const K = obs.nClasses;
  // Floor: one pass over the judgments that scatters a count per (item, class) — memory traffic only.
  const counts = new Float64Array(obs.nItems * K);
  const floorPass = () => {
    counts.fill(0);
    for (let o = 0; o < n; o++) counts[obs.item[o]! * K + obs.label[o]!]! += 1;
    return counts[7];
  };
  best(floorPass, 20); // warm-up: let the JIT optimise the pass before timing it
  const floor = best(floorPass, 50);
  const floorRate = n / floor;
  console.log(`data: ${n.toLocaleString('en')} labels, ${obs.nItems.toLocaleString('en')} items, ${obs.nWorkers.toLocaleString('en')} workers, ${K} classes; node ${process.version}`);
  console.log(`floor (one counting pass): ${(floor * 1e3).toFixed(2)} ms = ${(floorRate / 1e6).toFixed(1)} M labels/s`);
  const rows: [string, number, number, number][] = [];
  const measure = (name: string, iterations: number, repeats: number, fn: () => { iterations: number }) => {
    let its = iterations;
    const s = best(() => (its = fn().iterations || 1), repeats);
    const rate = (n * its) / s;
    rows.push([name, s, its, rate]);
    console.log(
      `${name.padEnd(34)} ${(s * 1e3).toFixed(0).padStart(7)} ms  ${String(its).padStart(3)} it  ` +
        `${(rate / 1e6).toFixed(1).padStart(7)} M labels·it/s  ${(floorRate / rate).toFixed(1).padStart(6)}× floor`,
    );
  };
  // Dawid–Skene as shipped (WebAssembly sweep), with the JavaScript sweep, and on every core, in turn, ROUNDS rounds.
  const threads = Math.max(2, availableParallelism());
  const t0 = process.hrtime.bigint();
  const team = await DawidSkeneThreads.start(threads);
  const startMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const dsOpts = { ...RECOMMENDED_DS_OPTIONS, maxIter: 50, tol: 0 };
  const ROUNDS = 7;
  const one: number[] = [];
  const js: number[] = [];
  const par: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    one.push(best(() => dawidSkene(obs, dsOpts), 1));
    js.push(best(() => fitDawidSkene(obs, dsOpts, ONE_THREAD), 1));
    par.push(best(() => team.fit(obs, dsOpts), 1));
  }
  await team.close();
  const [oneMin, oneMed] = minMedian(one);
  const [jsMin, jsMed] = minMedian(js);
  const [parMin, parMed] = minMedian(par);
  const report = (name: string, s: number) => {
    const rate = (n * 50) / s;
    rows.push([name, s, 50, rate]);
    console.log(
      `${name.padEnd(34)} ${(s * 1e3).toFixed(0).padStart(7)} ms  ${'50'.padStart(3)} it  ` +
        `${(rate / 1e6).toFixed(1).padStart(7)} M labels·it/s  ${(floorRate / rate).toFixed(1).padStart(6)}× floor`,
    );
  };
  report('ds (recommended, wasm), 50 it', oneMin);
  report('ds, JavaScript sweep, 50 it', jsMin);
  report(`ds, JS sweep, ${threads} threads, 50 it`, parMin);
  const ms = (x: number) => (x * 1e3).toFixed(0);
  console.log(
    `  ${ROUNDS} rounds, min / median: wasm ${ms(oneMin)} / ${ms(oneMed)} ms; JavaScript ${ms(jsMin)} / ${ms(jsMed)} ms ` +
      `(wasm ${(jsMin / oneMin).toFixed(2)}× / ${(jsMed / oneMed).toFixed(2)}× faster); JavaScript on ${threads} threads ` +
      `${ms(parMin)} / ${ms(parMed)} ms; helper start-up ${startMs.toFixed(0)} ms`,
  );
  console.log(
    `  all rounds (ms): wasm ${one.map(ms).join(' ')}; JavaScript ${js.map(ms).join(' ')}; ${threads} threads ${par.map(ms).join(' ')}`,
  );
  measure('ds (fast, ML), 50 it', 50, 3, () => dawidSkene(obs, { maxIter: 50, tol: 0 }));
  measure('ds (readable reference), 5 it', 5, 1, () => dawidSkeneReference(obs, { maxIter: 5, tol: 0 }));
  measure('mv', 1, 3, () => majorityVote(obs));
  measure('wawa', 2, 3, () => ({ ...wawa(obs), iterations: 2 }));
  measure('onecoin, 50 it', 50, 1, () => oneCoinDawidSkene(obs, { maxIter: 50, tol: 0 }));
  measure('glad, 10 it', 10, 1, () => glad(obs, { maxIter: 10, tol: 0 }));
  measure('mace (1 restart), 10 it', 10, 1, () => mace(obs, { maxIter: 10, tol: 0, restarts: 1 }));
  console.log(
    `\nheadline: Dawid–Skene, 1M labels, 50 EM iterations, one thread: ${oneMin.toFixed(3)} s (best of ${ROUNDS}; median ` +
      `${oneMed.toFixed(3)} s; goal < 0.5 s); JavaScript sweep ${jsMin.toFixed(3)} s, on ${threads} threads ${parMin.toFixed(3)} s`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
