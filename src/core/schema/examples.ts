/**
 * A realistic demo schema, used by the demo seed and by tests: classify a product review's sentiment, then
 * compare two assistant replies to a prompt, with an optional written rationale.
 */
import { parseTaskSchema } from './parse-schema.js';
import type { ItemData, TaskSchema } from './types.js';

/** Parsed at load, so a broken example fails every test that imports it, not a demo in front of a customer. */
export const sentimentAndPreferenceSchema: TaskSchema = parseTaskSchema({
  questions: [
    {
      id: 'sentiment',
      type: 'label',
      prompt: 'What is the overall sentiment of this review?',
      help: 'Judge the reviewer\'s attitude to the product, not to the seller or the delivery.',
      field: 'review',
      options: [
        { value: 'positive', label: 'Positive', hint: 'Would recommend, or mostly praise' },
        { value: 'neutral', label: 'Neutral', hint: 'Mixed, or facts without a verdict' },
        { value: 'negative', label: 'Negative', hint: 'Would not recommend, or mostly complaints' },
      ],
    },
    {
      id: 'preference',
      type: 'pairwise',
      prompt: 'Which reply answers the prompt better?',
      help: 'Prefer the reply that is correct, helpful and honest; length alone is not a merit.',
      promptField: 'prompt',
      left: 'response_a',
      right: 'response_b',
      scale: { min: -3, max: 3 },
      labels: {
        '-3': 'A is much better',
        '-2': 'A is better',
        '-1': 'A is slightly better',
        '0': 'About the same',
        '1': 'B is slightly better',
        '2': 'B is better',
        '3': 'B is much better',
      },
    },
    {
      id: 'rationale',
      type: 'text',
      prompt: 'Why? (optional)',
      required: false,
      maxLength: 2000,
      placeholder: 'e.g. B cites the right dosage; A invents a study',
    },
  ],
});

/** An item that fits `sentimentAndPreferenceSchema`. */
export const sentimentAndPreferenceItem: ItemData = {
  review: 'Battery lasts two days and the screen is sharp, but the charger died after a week.',
  prompt: 'How long should I boil an egg for a runny yolk?',
  response_a: 'About 6 minutes in boiling water, then straight into cold water.',
  response_b: 'Boil it for 15 minutes.',
};
