import { describe, expect, it } from 'vitest';
import { createEncoder, encodeTriples, sortClassIds } from './encode.js';

describe('encodeTriples', () => {
  it('numbers items and workers by first appearance and classes canonically', () => {
    const e = encodeTriples(['b', 'a', 'b'], ['w2', 'w1', 'w1'], ['10', '2', '10']);
    expect(e.itemIds).toEqual(['b', 'a']);
    expect(e.workerIds).toEqual(['w2', 'w1']);
    expect(e.classIds).toEqual(['2', '10']); // numeric order, not "10" < "2"
    expect(Array.from(e.obs.item)).toEqual([0, 1, 0]);
    expect(Array.from(e.obs.worker)).toEqual([0, 1, 1]);
    expect(Array.from(e.obs.label)).toEqual([1, 0, 1]);
    expect([e.obs.nItems, e.obs.nWorkers, e.obs.nClasses]).toEqual([2, 2, 2]);
  });
  it('gives the same class indices whatever the row order', () => {
    const a = encodeTriples(['t1', 't2'], ['w', 'w'], ['yes', 'no']);
    const b = encodeTriples(['t2', 't1'], ['w', 'w'], ['no', 'yes']);
    expect(a.classIds).toEqual(b.classIds);
  });
});

describe('createEncoder', () => {
  it('registers items and classes that have no judgments', () => {
    const enc = createEncoder(1);
    for (let k = 0; k < 40; k++) enc.add(`t${k % 5}`, `w${k % 3}`, k % 2 ? 'x' : 'y');
    expect(enc.size).toBe(40);
    expect(enc.addItem('gold-only')).toBe(5);
    enc.addClass('z');
    const e = enc.finish();
    expect(e.obs.nItems).toBe(6);
    expect(e.classIds).toEqual(['x', 'y', 'z']);
    expect(e.obs.label.length).toBe(40);
  });
});

describe('sortClassIds', () => {
  it('orders by code units when some label is not a number', () => {
    expect(sortClassIds(['b', 'B', '10', '9'])).toEqual(['10', '9', 'B', 'b']);
  });
});
