import { describe, expect, it } from 'vitest';
import { joinAnnotatorRows, sortAnnotatorRows } from './annotator-rows';
import type { AnnotatorAccuracy, ReviewTally } from './types';

const acc = (id: string, name: string, vendorId: string | null, n: number, correct: number, mean: number): AnnotatorAccuracy => ({
  annotatorId: id,
  name,
  pseudonym: `annotator-${id}`,
  vendorId,
  n,
  correct,
  accuracy: { mean, lower: mean - 0.1, upper: mean + 0.1, level: 0.95 },
});
const tally = (id: string, accepted: number, rejected: number): ReviewTally => ({
  annotatorId: id,
  reviewed: accepted + rejected,
  accepted,
  rejected,
  corrected: 0,
  acceptance: { estimate: accepted / (accepted + rejected), lower: 0, upper: 1, n: accepted + rejected },
});

const rows = joinAnnotatorRows(
  [acc('u1', 'Bea', 'v1', 10, 9, 0.83), acc('u2', 'Al', 'v2', 4, 1, 0.33), acc('u3', 'Cy', null, 7, 5, 0.67)],
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
});
