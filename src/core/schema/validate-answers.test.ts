import { describe, expect, it } from 'vitest';
import { sentimentAndPreferenceItem, sentimentAndPreferenceSchema } from './examples.js';
import { buildItem, expectInvalid, rawQuestion, schemaOf } from './test-support/build.js';
import { isAnswerGiven, validateAnswers } from './validate-answers.js';

const item = buildItem();

describe('validateAnswers', () => {
  const schema = schemaOf(rawQuestion('label'), rawQuestion('rating', { required: false }), rawQuestion('text', { required: false }));

  it('rejects answers that are not an object', () => {
    expectInvalid(() => validateAnswers(schema, item, 'pos'), 'answers', 'Answers must be an object keyed by question id; got "pos"');
    expectInvalid(() => validateAnswers(schema, item, null), 'answers', /got null$/);
    expectInvalid(() => validateAnswers(schema, item, [['sentiment', 'pos']]), 'answers', /got an array$/);
  });

  it('rejects an unknown question id', () => {
    expectInvalid(() => validateAnswers(schema, item, { sentiment: 'pos', mood: 'ok' }), 'answers.mood', 'Unknown question "mood"; the schema has "sentiment", "quality", "rationale"');
  });

  it('requires every required visible question', () => {
    expectInvalid(() => validateAnswers(schema, item, { quality: 3 }), 'answers.sentiment', 'Question "sentiment" (label): is required; no answer given');
    expectInvalid(() => validateAnswers(schema, item, { sentiment: null }), 'answers.sentiment', /is required; no answer given/);
  });

  it('leaves unanswered optional questions out of the result', () => {
    expect(validateAnswers(schema, item, { sentiment: 'pos', quality: null })).toEqual({ sentiment: 'pos' });
  });

  it('returns a copy and leaves the input untouched', () => {
    const multi = schemaOf(rawQuestion('multi_label'));
    const answers = { topics: ['support', 'price'] };
    const result = validateAnswers(multi, item, answers);
    expect(answers.topics).toEqual(['support', 'price']);
    expect(result.topics).not.toBe(answers.topics);
  });

  it('reads only own keys, so a question may be called "constructor"', () => {
    const tricky = schemaOf(rawQuestion('text', { id: 'constructor', required: false }), rawQuestion('rubric', { comments: true, criteria: [{ id: 'constructor', label: 'C', min: 0, max: 1 }] }));
    expect(validateAnswers(tricky, item, { grade: { scores: { constructor: 1 }, comments: {} } })).toEqual({ grade: { scores: { constructor: 1 } } });
    expectInvalid(() => validateAnswers(tricky, item, { grade: { scores: {} } }), 'answers.grade.scores.constructor', /criterion "constructor" is not scored/);
  });

  it('checks the item before the answers', () => {
    expectInvalid(() => validateAnswers(schema, { review: 'no text field' }, { sentiment: 'pos' }), 'data.text', /Question "sentiment" \(label\): item field "text" .* it is missing/);
  });

  it('accepts the demo schema with its demo item', () => {
    expect(validateAnswers(sentimentAndPreferenceSchema, sentimentAndPreferenceItem, { sentiment: 'neutral', preference: -2 })).toEqual({ sentiment: 'neutral', preference: -2 });
  });
});

describe('validateAnswers with conditional visibility', () => {
  const schema = schemaOf(
    rawQuestion('label'),
    rawQuestion('multi_label', { visibleWhen: { question: 'sentiment', in: ['neg', 'neu'] } }),
    rawQuestion('text', { visibleWhen: { question: 'topics', equals: 'support' } }),
    rawQuestion('rating', { required: false }),
    rawQuestion('pairwise', { required: false, visibleWhen: { question: 'quality', in: [1, 2] } }),
  );

  it('requires a follow-up question only while it is visible', () => {
    expect(validateAnswers(schema, item, { sentiment: 'pos' })).toEqual({ sentiment: 'pos' });
    expectInvalid(() => validateAnswers(schema, item, { sentiment: 'neg' }), 'answers.topics', 'Question "topics" (multi_label): is required; no answer given');
  });

  it('rejects an answer to a hidden question and says when it is shown', () => {
    expectInvalid(
      () => validateAnswers(schema, item, { sentiment: 'pos', topics: ['price'] }),
      'answers.topics',
      'Question "topics" (multi_label): is hidden and must not be answered (it is shown only when "sentiment" is one of "neg", "neu")',
    );
  });

  it('lets a hidden question be sent as null or blank', () => {
    expect(validateAnswers(schema, item, { sentiment: 'pos', topics: null, rationale: '  ' })).toEqual({ sentiment: 'pos' });
  });

  it('shows a question conditioned on a multi_label when the value is among those selected', () => {
    expectInvalid(() => validateAnswers(schema, item, { sentiment: 'neg', topics: ['price', 'support'] }), 'answers.rationale', /"rationale" \(text\): is required/);
    expect(validateAnswers(schema, item, { sentiment: 'neg', topics: ['price', 'support'], rationale: 'Slow replies' })).toEqual({
      sentiment: 'neg',
      topics: ['price', 'support'],
      rationale: 'Slow replies',
    });
    expect(validateAnswers(schema, item, { sentiment: 'neg', topics: ['price'] })).toEqual({ sentiment: 'neg', topics: ['price'] });
  });

  it('hides the whole chain when an earlier link is hidden', () => {
    expectInvalid(
      () => validateAnswers(schema, item, { sentiment: 'pos', rationale: 'Because' }),
      'answers.rationale',
      'Question "rationale" (text): is hidden and must not be answered (it is shown only when "topics" is "support")',
    );
  });

  it('hides a question whose optional target was left unanswered', () => {
    expectInvalid(() => validateAnswers(schema, item, { sentiment: 'pos', preference: 1 }), 'answers.preference', /is hidden and must not be answered \(it is shown only when "quality" is one of 1, 2\)/);
    expect(validateAnswers(schema, item, { sentiment: 'pos', quality: 2, preference: 1 })).toEqual({ sentiment: 'pos', quality: 2, preference: 1 });
  });
});

describe('isAnswerGiven', () => {
  const [label, , text] = schemaOf(rawQuestion('label'), rawQuestion('rating'), rawQuestion('text')).questions;
  it('counts null, a missing value and blank text as no answer', () => {
    expect(isAnswerGiven(label!, undefined)).toBe(false);
    expect(isAnswerGiven(label!, null)).toBe(false);
    expect(isAnswerGiven(text!, ' \t')).toBe(false);
    expect(isAnswerGiven(text!, 'x')).toBe(true);
    expect(isAnswerGiven(label!, '')).toBe(true); // an empty label value is a wrong answer, not a missing one
  });
});
