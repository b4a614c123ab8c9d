import { afterAll, describe, expect, it } from 'vitest';
import { AggregationWorker } from './aggregate-in-worker.js';
import { runCategorical } from '../quality/aggregate/methods.js';
import { createRng } from '../quality/random.js';
import type { Observations } from '../quality/types.js';

/** 4,000 items × 5 labels from workers of known accuracy, 3 classes. */
function simulate(seed: number): Observations {
  const rng = createRng(seed);
  const nItems = 4000;
  const nWorkers = 40;
  const item = new Int32Array(nItems * 5);
  const worker = new Int32Array(nItems * 5);
  const label = new Int32Array(nItems * 5);
  for (let i = 0, n = 0; i < nItems; i++) {
    const truth = i % 3;
    for (let j = 0; j < 5; j++, n++) {
      const w = Math.floor(rng.next() * nWorkers);
      item[n] = i;
      worker[n] = w;
      label[n] = rng.next() < 0.6 + (w % 4) * 0.1 ? truth : (truth + 1 + Math.floor(rng.next() * 2)) % 3;
    }
  }
  return { item, worker, label, nItems, nWorkers, nClasses: 3 };
}

describe('AggregationWorker', () => {
  const pool = new AggregationWorker(1_000);
  afterAll(() => pool.close());

  it('gives on a worker thread exactly the result of the same method inline', async () => {
    const obs = simulate(7);
    const [threaded, again] = await Promise.all([pool.run('ds', obs), pool.run('wawa', obs)]);
    const inline = runCategorical('ds', obs);
    expect(threaded.method).toBe('ds');
    expect(Array.from(threaded.labels)).toEqual(Array.from(inline.labels));
    expect(Array.from(threaded.posterior)).toEqual(Array.from(inline.posterior));
    expect(threaded.iterations).toBe(inline.iterations);
    expect(Array.from(again.labels)).toEqual(Array.from(runCategorical('wawa', obs).labels));
    // The caller's arrays are untouched (copied, not transferred).
    expect(obs.label.length).toBe(20_000);
  });

  it('keeps the event loop free while it works', async () => {
    const obs = simulate(11);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await pool.run('glad', obs, { maxIter: 20 });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it('reports a failing run as a rejection, and goes on serving', async () => {
    const obs = simulate(3);
    await expect(pool.run('mv', obs, { gold: new Int32Array(obs.nItems).fill(-1) })).rejects.toThrow(/does not accept clamped gold/);
    expect((await pool.run('mv', obs)).labels.length).toBe(obs.nItems);
  });

  it('runs small inputs inline', async () => {
    const small = new AggregationWorker();
    const obs = simulate(5);
    const r = await small.run('mv', obs);
    expect(r.labels.length).toBe(obs.nItems);
    await small.close();
  });
});
