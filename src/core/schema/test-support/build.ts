/**
 * Test-only factories (never imported by the library): one valid raw question per type, overridable, and an
 * item that fits all of them, in the style of `buildUser()` factories.
 */
import { expect } from 'vitest';
import { isAssayError } from '../../errors.js';
import type { AssayError } from '../../errors.js';
import { parseTaskSchema } from '../parse-schema.js';
import type { ItemData, QuestionType, TaskSchema } from '../types.js';

type Raw = Record<string, unknown>;

const BASE: Record<QuestionType, Raw> = {
  label: {
    id: 'sentiment',
    type: 'label',
    prompt: 'Sentiment?',
    field: 'text',
    options: [
      { value: 'pos', label: 'Positive' },
      { value: 'neu', label: 'Neutral' },
      { value: 'neg', label: 'Negative' },
    ],
  },
  multi_label: {
    id: 'topics',
    type: 'multi_label',
    prompt: 'Topics?',
    options: [
      { value: 'price', label: 'Price' },
      { value: 'quality', label: 'Quality' },
      { value: 'delivery', label: 'Delivery' },
      { value: 'support', label: 'Support' },
    ],
  },
  span: {
    id: 'entities',
    type: 'span',
    prompt: 'Mark the entities',
    field: 'text',
    labels: [
      { value: 'PER', label: 'Person', color: '#e11d48' },
      { value: 'ORG', label: 'Organisation' },
    ],
  },
  rating: { id: 'quality', type: 'rating', prompt: 'Quality?', min: 1, max: 5 },
  pairwise: {
    id: 'preference',
    type: 'pairwise',
    prompt: 'Which is better?',
    promptField: 'prompt',
    left: 'response_a',
    right: 'response_b',
  },
  ranking: { id: 'order', type: 'ranking', prompt: 'Rank the replies', field: 'responses' },
  rubric: {
    id: 'grade',
    type: 'rubric',
    prompt: 'Grade the reply',
    criteria: [
      { id: 'accuracy', label: 'Accuracy', weight: 2, min: 1, max: 5 },
      { id: 'clarity', label: 'Clarity', min: 1, max: 5 },
      { id: 'safety', label: 'Safety', min: 0, max: 2 },
    ],
  },
  text: { id: 'rationale', type: 'text', prompt: 'Why?' },
  conversation: { id: 'reply', type: 'conversation', prompt: 'Write the reply', field: 'dialogue' },
};

/** A raw (unparsed) question of `type`, with `overrides` merged over the defaults. */
export function rawQuestion(type: QuestionType, overrides: Raw = {}): Raw {
  return { ...structuredClone(BASE[type]), ...overrides };
}

/** A parsed schema of the given raw questions. */
export function schemaOf(...questions: Raw[]): TaskSchema {
  return parseTaskSchema({ questions });
}

/** A parsed schema holding one question of `type`. */
export function schemaWith(type: QuestionType, overrides: Raw = {}): TaskSchema {
  return schemaOf(rawQuestion(type, overrides));
}

/** An item that fits every factory question. */
export function buildItem(overrides: ItemData = {}): ItemData {
  return {
    text: 'Ada Lovelace worked with Charles Babbage at the Analytical Engine.',
    prompt: 'Say hello.',
    response_a: 'Hello!',
    response_b: 'Hi there.',
    responses: ['First reply', 'Second reply', 'Third reply'],
    dialogue: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'What is 2 + 2?' },
    ],
    ...overrides,
  };
}

/** Runs `fn`, expects it to throw an `invalid` AssayError, and returns it for further checks. */
export function catchInvalid(fn: () => unknown): AssayError {
  try {
    fn();
  } catch (e) {
    if (!isAssayError(e)) throw e;
    expect(e.code).toBe('invalid');
    return e;
  }
  throw new Error('expected an invalid error, but nothing was thrown');
}

/** Expects `fn` to throw `invalid` with exactly this field and a message matching `message`. */
export function expectInvalid(fn: () => unknown, field: string, message: string | RegExp): void {
  const error = catchInvalid(fn);
  expect({ field: error.field, message: error.message }).toEqual({
    field,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  });
}
