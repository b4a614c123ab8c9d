import { describe, expect, it } from 'vitest';
import { itemConfidence } from './item-confidence.js';

describe('itemConfidence', () => {
  it('is the least confident question that has a confidence', () => {
    expect(itemConfidence([{ confidence: 0.9 }, { confidence: null }, { confidence: 0.4 }, { confidence: 0.7 }])).toBe(0.4);
  });

  it('is null when no question has a confidence', () => {
    expect(itemConfidence([])).toBeNull();
    expect(itemConfidence([{ confidence: null }])).toBeNull();
  });

  it('keeps a confidence of zero (not mistaken for none)', () => {
    expect(itemConfidence([{ confidence: 0 }, { confidence: 0.5 }])).toBe(0);
  });
});
