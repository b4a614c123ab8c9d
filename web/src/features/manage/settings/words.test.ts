import { describe, expect, it } from 'vitest';
import { gateSentence, overlapSentence } from './words';

describe('gateSentence', () => {
  it('says both rules of the default gate', () => {
    expect(gateSentence({ enabled: true, floor: 0.6, minGold: 10, maxFailStreak: 5 })).toBe(
      'Pause an annotator when the upper end of their 95% accuracy interval on hidden gold falls below 60% after 10 gold items, or when they miss 5 gold items in a row. Their open tasks go back to the pool, and a manager can reinstate them on the Quality tab.',
    );
  });

  it('leaves the streak rule out at 0 and counts one item in the singular', () => {
    expect(gateSentence({ enabled: true, floor: 0.725, minGold: 1, maxFailStreak: 0 })).toMatch(/^Pause an annotator when the upper end .* below 72.5% after 1 gold item\. Their/);
  });

  it('says the gate is off', () => {
    expect(gateSentence({ enabled: false, floor: 0.6, minGold: 10, maxFailStreak: 5 })).toMatch(/^Off: nobody is paused automatically/);
  });
});

describe('overlapSentence', () => {
  it('gives fixed overlap as judgments per item', () => {
    expect(overlapSentence({ mode: 'fixed', k: 3, kMax: 5, tau: 0.9 })).toBe('Every item gets 3 judgments, each from a different annotator.');
    expect(overlapSentence({ mode: 'fixed', k: 1, kMax: 5, tau: 0.9 })).toBe('Every item gets 1 judgment, each from a different annotator.');
  });

  it('gives adaptive overlap as a start, a stopping confidence and a cap', () => {
    expect(overlapSentence({ mode: 'adaptive', k: 2, kMax: 5, tau: 0.9 })).toBe(
      'Every item starts with 2 judgments; while the confidence of its aggregated answer stays under 90%, it gets one more, up to 5 judgments in all.',
    );
  });
});
