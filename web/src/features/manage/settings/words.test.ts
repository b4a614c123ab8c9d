import { describe, expect, it } from 'vitest';
import { gateSentence, overlapSentence } from './words';

describe('gateSentence', () => {
  it("says the rule derived from the floor, with the error rates behind it", () => {
    const s = gateSentence({ enabled: true, floor: 0.6, chance: null }, 0.25)!;
    expect(s).toMatch(/^An annotator is paused when their gold answers are at least [\d.]+ times likelier from guessing \(right 25% of the time\) than from 65% accuracy/);
    expect(s).toMatch(/or when they miss \d+ gold items in a row\./);
    expect(s).toMatch(/someone at 65% is paused within their first 200 gold items with probability [\d.]+% \(at most 5%\); a guesser within 20 gold items with probability 9\d(\.\d)?%\./);
    expect(s).toMatch(/Their open tasks go back to the pool, and a manager can reinstate them on the Quality tab\.$/);
  });

  it("says where a guesser cannot be caught within 20 items (two classes, floor 60%), and the policy's chance wins over the schema's", () => {
    const s = gateSentence({ enabled: true, floor: 0.6, chance: 0.5 }, 0.25)!;
    expect(s).toContain('right 50% of the time');
    expect(s).toMatch(/short of 95%: .* 95% of guessers are paused within \d+ gold items\./);
  });

  it('waits for the schema\'s chance rate, and says the gate is off', () => {
    expect(gateSentence({ enabled: true, floor: 0.6, chance: null }, undefined)).toBeNull();
    expect(gateSentence({ enabled: false, floor: 0.6, chance: null }, undefined)).toMatch(/^Off: nobody is paused automatically/);
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
