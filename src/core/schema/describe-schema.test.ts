import { describe, expect, it } from 'vitest';
import { describeSchema } from './describe-schema.js';
import { sentimentAndPreferenceSchema } from './examples.js';
import { rawQuestion, schemaOf, schemaWith } from './test-support/build.js';

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

describe('describeSchema', () => {
  const description = describeSchema(sentimentAndPreferenceSchema);
  const [sentiment, preference, rationale] = description.questions;

  it('describes the demo label question with options, keys, fields and answer schema', () => {
    expect(sentiment).toEqual({
      id: 'sentiment',
      type: 'label',
      prompt: 'What is the overall sentiment of this review?',
      help: "Judge the reviewer's attitude to the product, not to the seller or the delivery.",
      required: true,
      settings: {},
      choices: [
        { value: 'positive', label: 'Positive', hint: 'Would recommend, or mostly praise', shortcut: '1' },
        { value: 'neutral', label: 'Neutral', hint: 'Mixed, or facts without a verdict', shortcut: '2' },
        { value: 'negative', label: 'Negative', hint: 'Would not recommend, or mostly complaints', shortcut: '3' },
      ],
      reads: [{ path: 'review', kind: 'text_or_dialogue', role: 'context' }],
      answerSchema: { $schema: DIALECT, title: 'sentiment', type: 'string', enum: ['positive', 'neutral', 'negative'] },
    });
  });

  it('describes the demo pairwise question with one choice per point, left to right', () => {
    expect(preference?.settings).toEqual({ scale: { min: -3, max: 3 }, allowTie: true });
    expect(preference?.choices.map((c) => [c.value, c.label, c.shortcut])).toEqual([
      [-3, 'A is much better', '1'],
      [-2, 'A is better', '2'],
      [-1, 'A is slightly better', '3'],
      [0, 'About the same', '4'],
      [1, 'B is slightly better', '5'],
      [2, 'B is better', '6'],
      [3, 'B is much better', '7'],
    ]);
    expect(preference?.reads).toEqual([
      { path: 'prompt', kind: 'text_or_dialogue', role: 'prompt' },
      { path: 'response_a', kind: 'text', role: 'left' },
      { path: 'response_b', kind: 'text', role: 'right' },
    ]);
    expect(preference?.answerSchema).toMatchObject({ $schema: DIALECT, type: 'integer', minimum: -3, maximum: 3 });
  });

  it('describes the optional rationale without choices or fields', () => {
    expect(rationale).toMatchObject({
      id: 'rationale',
      required: false,
      settings: { minLength: 0, maxLength: 2000, placeholder: 'e.g. B cites the right dosage; A invents a study' },
      choices: [],
      reads: [],
      answerSchema: { type: 'string', pattern: '\\S' },
    });
  });

  it('lists every item field once and a schema for the whole answer set', () => {
    expect(description.itemFields).toEqual(['review', 'prompt', 'response_a', 'response_b']);
    expect(description.answersSchema).toMatchObject({
      $schema: DIALECT,
      type: 'object',
      required: ['sentiment', 'preference'],
      additionalProperties: false,
    });
    expect(Object.keys(description.answersSchema.properties as object)).toEqual(['sentiment', 'preference', 'rationale']);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(description))).toStrictEqual(description);
    const everything = describeSchema(schemaOf(...(['label', 'multi_label', 'span', 'rating', 'pairwise', 'ranking', 'rubric', 'text', 'conversation'] as const).map((t) => rawQuestion(t))));
    expect(JSON.parse(JSON.stringify(everything))).toStrictEqual(everything);
  });
});

describe('describeSchema shortcuts', () => {
  const shortcuts = (schema: ReturnType<typeof schemaWith>) => describeSchema(schema).questions[0]?.choices.map((c) => c.shortcut ?? null);

  it('numbers the first nine options and leaves the rest without a key', () => {
    const options = Array.from({ length: 11 }, (_, i) => ({ value: `o${i}`, label: `Option ${i}` }));
    expect(shortcuts(schemaWith('label', { options }))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', null, null]);
  });

  it('uses the point itself as key on a single-digit rating scale', () => {
    expect(shortcuts(schemaWith('rating', { min: 0, max: 4 }))).toEqual(['0', '1', '2', '3', '4']);
    expect(shortcuts(schemaWith('rating'))).toEqual(['1', '2', '3', '4', '5']);
  });

  it('numbers points by position on other short scales, and gives none on long ones', () => {
    expect(shortcuts(schemaWith('rating', { min: -2, max: 2 }))).toEqual(['1', '2', '3', '4', '5']);
    expect(shortcuts(schemaWith('rating', { min: 0, max: 10 }))).toEqual(Array(11).fill(null));
  });

  it('gives span labels keys to pick the active label', () => {
    expect(describeSchema(schemaWith('span')).questions[0]?.choices).toEqual([
      { value: 'PER', label: 'Person', color: '#e11d48', shortcut: '1' },
      { value: 'ORG', label: 'Organisation', shortcut: '2' },
    ]);
  });
});

describe('describeSchema per type', () => {
  it('labels rating points from the schema, or by number', () => {
    const choices = describeSchema(schemaWith('rating', { labels: { '1': 'Poor', '5': 'Excellent' } })).questions[0]?.choices;
    expect(choices?.map((c) => c.label)).toEqual(['Poor', '2', '3', '4', 'Excellent']);
  });

  it('drops the tie from pairwise choices and answers when ties are not allowed', () => {
    const [q] = describeSchema(schemaWith('pairwise', { scale: { min: -2, max: 2 }, allowTie: false })).questions;
    expect(q?.choices.map((c) => [c.value, c.label])).toEqual([
      [-2, 'Left better (2 of 2)'],
      [-1, 'Left better (1 of 2)'],
      [1, 'Right better (1 of 2)'],
      [2, 'Right better (2 of 2)'],
    ]);
    expect(q?.answerSchema).toMatchObject({ minimum: -2, maximum: 2, not: { const: 0 } });
  });

  it('gives a stepped rating an enum of its points', () => {
    expect(describeSchema(schemaWith('rating', { min: 0, max: 100, step: 25 })).questions[0]?.answerSchema).toMatchObject({ type: 'integer', enum: [0, 25, 50, 75, 100] });
  });

  it('describes multi_label bounds in settings and answer schema', () => {
    const [q] = describeSchema(schemaWith('multi_label', { maxSelected: 2 })).questions;
    expect(q?.settings).toEqual({ minSelected: 1, maxSelected: 2 });
    expect(q?.answerSchema).toMatchObject({ type: 'array', uniqueItems: true, minItems: 1, maxItems: 2, items: { enum: ['price', 'quality', 'delivery', 'support'] } });
  });

  it('describes spans with their offset unit', () => {
    const [q] = describeSchema(schemaWith('span', { allowOverlap: false, maxSpans: 5 })).questions;
    expect(q?.settings).toEqual({ allowOverlap: false, minSpans: 0, maxSpans: 5, offsets: 'utf16' });
    expect(q?.reads).toEqual([{ path: 'text', kind: 'text', role: 'text' }]);
    expect(q?.answerSchema).toMatchObject({ type: 'array', maxItems: 5, items: { required: ['start', 'end', 'label'], additionalProperties: false } });
  });

  it('describes a ranking by the field holding its candidates', () => {
    const [q] = describeSchema(schemaWith('ranking', { minItems: 3 })).questions;
    expect(q?.reads).toEqual([{ path: 'responses', kind: 'candidates', role: 'candidates', minItems: 3 }]);
    expect(q?.answerSchema).toMatchObject({ type: 'array', uniqueItems: true, minItems: 3, items: { type: 'integer', minimum: 0 } });
  });

  it('describes rubric criteria in settings and requires every score', () => {
    const [q] = describeSchema(schemaWith('rubric', { comments: true })).questions;
    expect(q?.settings).toMatchObject({ comments: true, criteria: [{ id: 'accuracy', weight: 2, min: 1, max: 5 }, { id: 'clarity', weight: 1 }, { id: 'safety', min: 0, max: 2 }] });
    expect(q?.answerSchema).toMatchObject({
      required: ['scores'],
      properties: {
        scores: { required: ['accuracy', 'clarity', 'safety'], properties: { safety: { type: 'integer', minimum: 0, maximum: 2 } } },
        comments: { type: 'object' },
      },
    });
  });

  it('describes a conversation answer turn by turn', () => {
    const [q] = describeSchema(schemaWith('conversation', { role: 'user', maxTurns: 3 })).questions;
    expect(q?.settings).toEqual({ role: 'user', minTurns: 1, maxTurns: 3, maxLength: 20000 });
    expect(q?.reads).toEqual([{ path: 'dialogue', kind: 'dialogue', role: 'dialogue' }]);
    const roles = (q?.answerSchema.prefixItems as { properties: { role: { const: string } } }[]).map((t) => t.properties.role.const);
    expect(roles).toEqual(['user', 'assistant', 'user']);
    expect(q?.answerSchema).toMatchObject({ minItems: 1, maxItems: 3, items: false });
  });

  it('turns visibility into if/then/else in the answer-set schema', () => {
    const schema = schemaOf(rawQuestion('label'), rawQuestion('text', { visibleWhen: { question: 'sentiment', equals: 'neg' } }));
    const description = describeSchema(schema);
    expect(description.questions[1]?.visibleWhen).toEqual({ question: 'sentiment', equals: 'neg' });
    expect(description.answersSchema.required).toEqual(['sentiment']);
    expect(description.answersSchema.allOf).toEqual([
      {
        if: { properties: { sentiment: { enum: ['neg'] } }, required: ['sentiment'] },
        then: { required: ['rationale'] },
        else: { not: { required: ['rationale'] } },
      },
    ]);
  });
});
