import { describe, expect, it } from 'vitest';
import { binConfidences, binLabel, resultsLinkFor } from './confidence-bins';

describe('binConfidences', () => {
  it('counts each confidence in its tenth, 1 in the last, and those without one apart', () => {
    const { bins, none } = binConfidences([0, 0.05, 0.1, 0.35, 0.999, 1, null, 0.7]);
    expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 1, 0, 0, 0, 1, 0, 2]);
    expect(none).toBe(1);
    expect(binLabel(bins[3]!)).toBe('30–40%');
  });
});

describe('resultsLinkFor', () => {
  it("points at the Results tab with the question and the bin's range in whole percent", () => {
    const [, second] = binConfidences([]).bins;
    expect(resultsLinkFor('p1', 'sentiment', second!)).toBe('/manage/projects/p1/results?question=sentiment&min=10&max=20');
  });
});
