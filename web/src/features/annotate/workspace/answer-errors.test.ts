import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import { validateAnswers, type TaskSchema } from '../../../schema';
import { placeError, questionOfField } from './answer-errors';

const ids = ['sentiment', 'preference', 'rationale', 'entities'];

describe('questionOfField', () => {
  it.each([
    ['answers.sentiment', 'sentiment'],
    ['answers.entities[2].end', 'entities'],
    ['answers.preference.scores.clarity', 'preference'],
    ['line 3: answers.rationale', 'rationale'],
  ])('maps %s to %s', (field, id) => expect(questionOfField(field, ids)).toBe(id));

  it.each([['answers'], ['answers.unknown'], ['data.review'], ['assignmentId'], [''], [undefined]])('leaves %s to the whole task', (field) =>
    expect(questionOfField(field, ids)).toBeNull(),
  );
});

describe('placeError', () => {
  const schema = {
    questions: [
      { id: 'sentiment', type: 'label', prompt: 'Sentiment?', required: true, options: [{ value: 'pos', label: 'Positive' }] },
      { id: 'rationale', type: 'text', prompt: 'Why?', required: false, maxLength: 5 },
    ],
  } as TaskSchema;

  it('puts the shared validator’s message on the question it names', () => {
    let thrown: unknown;
    try {
      validateAnswers(schema, {}, { sentiment: 'pos', rationale: 'far too long' });
    } catch (e) {
      thrown = e;
    }
    const placed = placeError(thrown, ['sentiment', 'rationale']);
    expect(Object.keys(placed.byQuestion)).toEqual(['rationale']);
    expect(placed.byQuestion.rationale).toMatch(/5/);
    expect(placed.general).toBeNull();
  });

  it('puts a server 400 on its question, and other errors on the task', () => {
    expect(placeError(new ApiError(400, 'invalid', 'Question "sentiment" (label): is required', 'answers.sentiment'), ids)).toEqual({
      byQuestion: { sentiment: 'Question "sentiment" (label): is required' },
      general: null,
    });
    expect(placeError(new ApiError(410, 'lease_expired', 'The lease expired', 'assignmentId'), ids)).toEqual({ byQuestion: {}, general: 'The lease expired' });
    expect(placeError(new Error('offline'), ids)).toEqual({ byQuestion: {}, general: 'offline' });
  });
});
