import { describe, expect, it } from 'vitest';
import { countsSentence, itemStatusOf, judgmentShare } from './counts.js';

describe('what the counts count', () => {
  it('calls an item with 1 of 2 judgments in progress, even with nobody on it now', () => {
    expect(itemStatusOf(1, 2, false)).toBe('in_progress');
    expect(itemStatusOf(0, 2, true)).toBe('in_progress');
    expect(itemStatusOf(0, 2, false)).toBe('remaining');
    expect(itemStatusOf(2, 2, false)).toBe('complete');
    // Adaptive overlap asked one more: 2 of 3 is not complete.
    expect(itemStatusOf(2, 3, true)).toBe('in_progress');
  });

  it('says items, judgments and gold items in one line; without gold for an annotator', () => {
    const c = { totalItems: 33, completeItems: 24, judgments: 40, judgmentsPlanned: 66, goldItems: 3 };
    expect(countsSentence(c)).toBe('24 of 33 items complete · 40 of 66 judgments · 3 gold items');
    expect(countsSentence({ ...c, goldItems: undefined })).toBe('24 of 33 items complete · 40 of 66 judgments');
    expect(countsSentence({ totalItems: 1, completeItems: 0, judgments: 1, judgmentsPlanned: 1, goldItems: 1 })).toBe('0 of 1 item complete · 1 of 1 judgment · 1 gold item');
    // The demo's "0 / 33 done" at 42 % of judgments: 28 of 66 judgments made, no item complete yet.
    expect(judgmentShare({ judgments: 28, judgmentsPlanned: 66 })).toBeCloseTo(0.4242, 4);
  });
});
