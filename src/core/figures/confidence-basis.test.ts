import { describe, expect, it } from 'vitest';
import { basisInWords, itemBasis, tooFewGoldInWords } from './confidence-basis.js';

describe('confidence basis in words', () => {
  it('says calibrated on how many gold items, or model-based', () => {
    expect(basisInWords({ kind: 'calibrated', nGold: 31 })).toBe('calibrated on 31 gold items');
    expect(basisInWords({ kind: 'calibrated', nGold: 1 })).toBe('calibrated on 1 gold item');
    expect(basisInWords({ kind: 'calibrated', nGold: 1200 })).toBe('calibrated on 1,200 gold items');
    expect(basisInWords({ kind: 'model', nGold: 12 })).toBe('model-based, not calibrated');
    expect(tooFewGoldInWords(12)).toBe('12 judged gold items; calibration needs at least 80');
  });
  it("takes an item's basis from its least confident question", () => {
    const cal = { kind: 'calibrated' as const, nGold: 40 };
    const model = { kind: 'model' as const, nGold: 0 };
    expect(itemBasis([{ confidence: 0.9, basis: cal }, { confidence: 0.6, basis: model }, { confidence: null }])).toBe(model);
    expect(itemBasis([{ confidence: null }])).toBeNull();
  });
});
