import { describe, expect, it } from 'vitest';
import { flaggedOf, kindCounts, signalPolicySentences, sumCounts } from './signal-words';
import { POLICY, VENDOR_COUNTS } from './signal-fixtures';

describe('signal words', () => {
  it('says flagged of n and the kinds that fired with their counts, in the kinds’ order', () => {
    expect(flaggedOf({ n: 1200, flagged: 3 })).toBe('3 of 1,200 flagged');
    expect(kindCounts(VENDOR_COUNTS[1]!.byKind)).toBe('Too fast 1 · Near-duplicate 5');
    expect(kindCounts(sumCounts([]).byKind)).toBe('');
  });
  it('sums counts over rows, kind by kind', () => {
    expect(sumCounts(VENDOR_COUNTS)).toEqual({ n: 60, flagged: 8, byKind: { too_fast: 3, pasted: 1, near_duplicate: 5, straight_lining: 0, gold_fail_streak: 0 } });
  });
  it('says the gold streak threshold as set, off, or following the quality gate', () => {
    const { projectId: _p, updatedAt: _u, ...p } = POLICY;
    expect(signalPolicySentences({ ...p, goldFailStreak: 1 }).gold_fail_streak).toBe('1 gold item or more missed in a row.');
    expect(signalPolicySentences({ ...p, goldFailStreak: 0 }).gold_fail_streak).toBe('Off.');
    expect(signalPolicySentences({ ...p, tooFastMinOthers: 1, tooFastRatio: 0.125 }).too_fast).toBe(
      "Under 12.5% of the item's median time (from at least 1 other annotation, else the project's median) and of the annotator's own median.",
    );
  });
});
