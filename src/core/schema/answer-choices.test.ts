import { describe, expect, it } from 'vitest';
import { buildItem, expectInvalid, schemaWith } from './test-support/build.js';
import { validateAnswers } from './validate-answers.js';

const item = buildItem();

describe('label answers', () => {
  const schema = schemaWith('label');
  it('accepts an option value', () => {
    expect(validateAnswers(schema, item, { sentiment: 'neg' })).toEqual({ sentiment: 'neg' });
  });
  it('rejects an unknown option', () => {
    expectInvalid(() => validateAnswers(schema, item, { sentiment: 'happy' }), 'answers.sentiment', 'Question "sentiment" (label): answer must be one of "pos", "neu", "neg"; got "happy"');
  });
  it('rejects a value of the wrong type', () => {
    expectInvalid(() => validateAnswers(schema, item, { sentiment: 1 }), 'answers.sentiment', /answer must be one of "pos", "neu", "neg"; got 1$/);
    expectInvalid(() => validateAnswers(schema, item, { sentiment: ['pos'] }), 'answers.sentiment', /got an array$/);
  });
  it('matches option values exactly', () => {
    expectInvalid(() => validateAnswers(schema, item, { sentiment: 'POS' }), 'answers.sentiment', /got "POS"$/);
  });
});

describe('multi_label answers', () => {
  const schema = schemaWith('multi_label');
  it('returns the selection in option order', () => {
    expect(validateAnswers(schema, item, { topics: ['support', 'price', 'quality'] })).toEqual({ topics: ['price', 'quality', 'support'] });
  });
  it('rejects a non-array', () => {
    expectInvalid(() => validateAnswers(schema, item, { topics: 'price' }), 'answers.topics', 'Question "topics" (multi_label): answer must be an array of option values; got "price"');
  });
  it('rejects an unknown option and names its position', () => {
    expectInvalid(() => validateAnswers(schema, item, { topics: ['price', 'colour'] }), 'answers.topics[1]', 'Question "topics" (multi_label): answer[1] "colour" is not an option ("price", "quality", "delivery", "support")');
  });
  it('rejects an option selected twice', () => {
    expectInvalid(() => validateAnswers(schema, item, { topics: ['price', 'price'] }), 'answers.topics[1]', 'Question "topics" (multi_label): answer[1] selects "price" twice');
  });
  it('requires at least one option when required', () => {
    expectInvalid(() => validateAnswers(schema, item, { topics: [] }), 'answers.topics', 'Question "topics" (multi_label): select at least 1 option(s); got 0');
  });
  it('accepts an empty selection when minSelected is 0', () => {
    expect(validateAnswers(schemaWith('multi_label', { minSelected: 0 }), item, { topics: [] })).toEqual({ topics: [] });
  });
  it('enforces maxSelected', () => {
    const capped = schemaWith('multi_label', { maxSelected: 2 });
    expectInvalid(() => validateAnswers(capped, item, { topics: ['price', 'quality', 'delivery'] }), 'answers.topics', 'Question "topics" (multi_label): select at most 2 option(s); got 3');
  });
});

describe('rating answers', () => {
  const schema = schemaWith('rating');
  it('accepts each point of the scale', () => {
    for (const point of [1, 2, 3, 4, 5]) expect(validateAnswers(schema, item, { quality: point })).toEqual({ quality: point });
  });
  it('rejects a point outside the scale', () => {
    expectInvalid(() => validateAnswers(schema, item, { quality: 6 }), 'answers.quality', 'Question "quality" (rating): answer must be an integer from 1 to 5; got 6');
    expectInvalid(() => validateAnswers(schema, item, { quality: 0 }), 'answers.quality', /got 0$/);
  });
  it('rejects a fraction or a numeric string', () => {
    expectInvalid(() => validateAnswers(schema, item, { quality: 2.5 }), 'answers.quality', /got 2.5$/);
    expectInvalid(() => validateAnswers(schema, item, { quality: '3' }), 'answers.quality', /got "3"$/);
  });
  it('accepts only the points of a stepped scale', () => {
    const stepped = schemaWith('rating', { min: 0, max: 100, step: 25 });
    expect(validateAnswers(stepped, item, { quality: 75 })).toEqual({ quality: 75 });
    expectInvalid(() => validateAnswers(stepped, item, { quality: 30 }), 'answers.quality', 'Question "quality" (rating): answer must be one of 0, 25, 50, 75, 100; got 30');
  });
});

describe('pairwise answers', () => {
  const schema = schemaWith('pairwise');
  it('accepts every strength on either side and a tie', () => {
    for (const point of [-3, -2, -1, 0, 1, 2, 3]) expect(validateAnswers(schema, item, { preference: point })).toEqual({ preference: point });
  });
  it('rejects a strength beyond the scale', () => {
    expectInvalid(() => validateAnswers(schema, item, { preference: -4 }), 'answers.preference', 'Question "preference" (pairwise): answer must be an integer from -3 (left better) to 3 (right better); got -4');
  });
  it('rejects a side given by name', () => {
    expectInvalid(() => validateAnswers(schema, item, { preference: 'left' }), 'answers.preference', /got "left"$/);
  });
  it('rejects a tie when ties are not allowed', () => {
    const noTie = schemaWith('pairwise', { allowTie: false });
    expectInvalid(() => validateAnswers(noTie, item, { preference: 0 }), 'answers.preference', 'Question "preference" (pairwise): answer 0 (a tie) is not allowed; choose the better side');
    expect(validateAnswers(noTie, item, { preference: 1 })).toEqual({ preference: 1 });
  });
});
