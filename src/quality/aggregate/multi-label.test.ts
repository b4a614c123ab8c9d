import { describe, expect, it } from 'vitest';
import { aggregateMultiLabel } from './multi-label.js';
import { aggregateSpans } from './spans.js';

describe('aggregateMultiLabel', () => {
  it('aggregates each label as its own binary vote', () => {
    // Item 0: three workers select {A}, {A, B}, {A}; item 1: {B}, {}, {B}. Labels A = 0, B = 1.
    const obs = {
      item: Int32Array.of(0, 0, 0, 1, 1, 1),
      worker: Int32Array.of(0, 1, 2, 0, 1, 2),
      selected: Uint8Array.of(1, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 1),
      nItems: 2,
      nWorkers: 3,
      nLabels: 2,
    };
    const r = aggregateMultiLabel(obs, 'mv');
    expect(Array.from(r.present)).toEqual([1, 0, 0, 1]);
    expect(r.probability[0]).toBe(1);
    expect(r.probability[1]).toBeCloseTo(1 / 3, 12);
    const ds = aggregateMultiLabel(obs, 'ds');
    expect(Array.from(ds.present)).toEqual([1, 0, 0, 1]);
  });
});

describe('aggregateSpans', () => {
  const base = { judgmentItem: Int32Array.of(0, 0, 0), judgmentWorker: Int32Array.of(0, 1, 2), textLength: Int32Array.of(20), nWorkers: 3 };
  it('keeps the characters a majority marked and merges them into spans', () => {
    // Worker 0 marks [2, 8), worker 1 marks [4, 10), worker 2 marks nothing: characters 4..7 have 2 of 3 votes.
    const r = aggregateSpans({ ...base, spanJudgment: Int32Array.of(0, 1), spanStart: Int32Array.of(2, 4), spanEnd: Int32Array.of(8, 10) });
    expect(r).toEqual([{ item: 0, start: 4, end: 8, support: 2 / 3 }]);
  });
  it('counts overlapping spans of one worker once, and honours worker weights', () => {
    const spans = { spanJudgment: Int32Array.of(0, 0, 1), spanStart: Int32Array.of(0, 2, 10), spanEnd: Int32Array.of(5, 4, 12) };
    expect(aggregateSpans({ ...base, ...spans })).toEqual([]);
    const weighted = aggregateSpans({ ...base, ...spans }, { workerWeights: Float64Array.of(3, 1, 1) });
    expect(weighted).toEqual([{ item: 0, start: 0, end: 5, support: 0.6 }]);
  });
  it('rejects a span outside the text', () => {
    expect(() => aggregateSpans({ ...base, spanJudgment: Int32Array.of(0), spanStart: Int32Array.of(15), spanEnd: Int32Array.of(25) })).toThrow(RangeError);
  });
});
