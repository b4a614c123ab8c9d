import { describe, expect, it } from 'vitest';
import { joinAnnotatorRows, sortAnnotatorRows } from './annotator-rows';
import { ANNOTATOR_COUNTS } from './signal-fixtures';
import type { AnnotatorAccuracy, ReviewTally } from './types';

type Agreement = AnnotatorAccuracy['agreement'];

const acc = (id: string, name: string, vendorId: string | null, n: number, correct: number, rate: number, extra: { paused?: boolean; agreement?: Agreement } = {}): AnnotatorAccuracy => ({
  annotatorId: id,
  name,
  pseudonym: `annotator-${id}`,
  vendorId,
  n,
  correct,
  accuracy: { rate, lower: rate - 0.1, upper: rate + 0.1, level: 0.95 },
  status: extra.paused ? 'paused' : 'active',
  agreement: extra.agreement ?? null,
});
const tally = (id: string, accepted: number, rejected: number): ReviewTally => ({
  annotatorId: id,
  reviewed: accepted + rejected,
  accepted,
  rejected,
  corrected: 0,
  acceptance: { estimate: accepted / (accepted + rejected), lower: 0, upper: 1, n: accepted + rejected },
});
const agreement = (agreed: number, n: number): Agreement => ({ n, agreed, rate: agreed / n, lower: 0, upper: 1 });

const rows = joinAnnotatorRows(
  [
    acc('u1', 'Bea', 'v1', 10, 9, 0.9, { agreement: agreement(18, 20) }),
    acc('u2', 'Al', 'v2', 4, 1, 0.25, { paused: true, agreement: agreement(3, 10) }),
    acc('u3', 'Cy', null, 7, 5, 5 / 7),
  ],
  [tally('u1', 3, 1), tally('u3', 1, 1)],
  new Map([
    ['v1', 'Acme'],
    ['v2', 'Zed Crowd'],
  ]),
);
const names = (key: Parameters<typeof sortAnnotatorRows>[1], dir: Parameters<typeof sortAnnotatorRows>[2]) => sortAnnotatorRows(rows, key, dir).map((r) => r.name);

describe('joinAnnotatorRows', () => {
  it('names vendors and adds review outcomes where there are any', () => {
    expect(rows.map((r) => [r.name, r.vendor, r.review?.reviewed ?? null])).toEqual([
      ['Bea', 'Acme', 4],
      ['Al', 'Zed Crowd', null],
      ['Cy', null, 2],
    ]);
  });
  it('carries the gate status and the agreement with the consensus as the server gave them', () => {
    expect(rows.map((r) => [r.name, r.status, r.agreement?.rate ?? null])).toEqual([
      ['Bea', 'active', 0.9],
      ['Al', 'paused', 0.3],
      ['Cy', 'active', null],
    ]);
  });
  it('adds flag counts from the signals, zero for an annotator the signals have not seen, none before they are read', () => {
    expect(rows.every((r) => r.flags === null)).toBe(true);
    const withFlags = joinAnnotatorRows([acc('u1', 'Bea', 'v1', 10, 9, 0.9), acc('u3', 'Cy', null, 7, 5, 5 / 7)], [], new Map(), ANNOTATOR_COUNTS);
    expect(withFlags.map((r) => [r.name, r.flags?.flagged, r.flags?.n, r.flags?.byKind.too_fast])).toEqual([
      ['Bea', 3, 40, 2],
      ['Cy', 0, 8, 0],
    ]);
    const unseen = joinAnnotatorRows([acc('u9', 'Di', null, 1, 1, 1)], [], new Map(), ANNOTATOR_COUNTS);
    expect(unseen[0]!.flags).toMatchObject({ n: 0, flagged: 0 });
  });
});

describe('sortAnnotatorRows', () => {
  it('sorts numbers and names both ways', () => {
    expect(names('accuracy', 'ascending')).toEqual(['Al', 'Cy', 'Bea']);
    expect(names('accuracy', 'descending')).toEqual(['Bea', 'Cy', 'Al']);
    expect(names('gold', 'descending')).toEqual(['Bea', 'Cy', 'Al']);
    expect(names('annotator', 'ascending')).toEqual(['Al', 'Bea', 'Cy']);
  });
  it('puts missing values last in either direction', () => {
    expect(names('vendor', 'ascending')).toEqual(['Bea', 'Al', 'Cy']);
    expect(names('vendor', 'descending')).toEqual(['Al', 'Bea', 'Cy']);
    expect(names('acceptance', 'ascending')).toEqual(['Cy', 'Bea', 'Al']);
    expect(names('reviewed', 'descending')).toEqual(['Bea', 'Cy', 'Al']);
  });
  it('sorts by agreement rate, annotators without a consensus yet last either way', () => {
    expect(names('agreement', 'ascending')).toEqual(['Al', 'Bea', 'Cy']);
    expect(names('agreement', 'descending')).toEqual(['Bea', 'Al', 'Cy']);
  });
  it('sorts by the share flagged, most first, annotators without signals last', () => {
    const r = joinAnnotatorRows([acc('u1', 'Ada', 'v1', 10, 9, 0.9), acc('u2', 'Bo', 'v2', 4, 1, 0.25), acc('u9', 'Di', null, 1, 1, 1)], [], new Map(), ANNOTATOR_COUNTS);
    // Bo 5 of 12 above Ada 3 of 40; Di has no annotations the signals considered.
    expect(sortAnnotatorRows(r, 'flags', 'descending').map((x) => x.name)).toEqual(['Bo', 'Ada', 'Di']);
    expect(sortAnnotatorRows(r, 'flags', 'ascending').map((x) => x.name)).toEqual(['Ada', 'Bo', 'Di']);
  });
  it('puts paused annotators first when sorting by status ascending, then by name', () => {
    expect(names('status', 'ascending')).toEqual(['Al', 'Bea', 'Cy']);
    expect(names('status', 'descending')).toEqual(['Bea', 'Cy', 'Al']);
  });
});
