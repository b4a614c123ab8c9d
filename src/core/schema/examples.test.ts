import { describe, expect, it } from 'vitest';
import { sentimentAndPreferenceItem, sentimentAndPreferenceSchema } from './examples.js';
import { itemFieldsRead } from './item-fields.js';
import { validateItem } from './validate-item.js';

describe('sentimentAndPreferenceSchema', () => {
  it('asks for sentiment, preference and an optional rationale', () => {
    expect(sentimentAndPreferenceSchema.questions.map((q) => [q.id, q.type, q.required])).toEqual([
      ['sentiment', 'label', true],
      ['preference', 'pairwise', true],
      ['rationale', 'text', false],
    ]);
  });

  it('reads the review, the prompt and both responses', () => {
    expect(itemFieldsRead(sentimentAndPreferenceSchema)).toEqual(['review', 'prompt', 'response_a', 'response_b']);
  });

  it('fits its demo item', () => {
    expect(() => validateItem(sentimentAndPreferenceSchema, sentimentAndPreferenceItem)).not.toThrow();
  });
});
