import { describe, expect, it } from 'vitest';
import { buildItem, expectInvalid, schemaWith } from './test-support/build.js';
import { validateAnswers } from './validate-answers.js';

const item = buildItem(); // three candidates in `responses`

describe('ranking answers', () => {
  const schema = schemaWith('ranking');

  it('accepts a permutation of the candidate indices', () => {
    expect(validateAnswers(schema, item, { order: [2, 0, 1] })).toEqual({ order: [2, 0, 1] });
  });

  it('rejects a ranking that leaves a candidate out', () => {
    expectInvalid(
      () => validateAnswers(schema, item, { order: [2, 0] }),
      'answers.order',
      'Question "order" (ranking): answer must be an array ranking all 3 candidates of "responses" by index (each of 0..2 once, best first); got 2 entries',
    );
  });

  it('rejects a candidate placed twice', () => {
    expectInvalid(() => validateAnswers(schema, item, { order: [1, 0, 1] }), 'answers.order[2]', 'Question "order" (ranking): answer[2] places candidate 1 again (already at answer[0])');
  });

  it('rejects an index out of range or not an integer', () => {
    expectInvalid(() => validateAnswers(schema, item, { order: [0, 1, 3] }), 'answers.order[2]', 'Question "order" (ranking): answer[2] must be a candidate index from 0 to 2; got 3');
    expectInvalid(() => validateAnswers(schema, item, { order: [0, 1, -1] }), 'answers.order[2]', /got -1$/);
    expectInvalid(() => validateAnswers(schema, item, { order: [0, '1', 2] }), 'answers.order[1]', /got "1"$/);
  });

  it('rejects a non-array', () => {
    expectInvalid(() => validateAnswers(schema, item, { order: '2,0,1' }), 'answers.order', /got "2,0,1"$/);
  });

  it('takes its length from the item, so items may offer different numbers of candidates', () => {
    const four = buildItem({ responses: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }, { id: 'd', text: 'D' }] });
    expect(validateAnswers(schema, four, { order: [3, 1, 0, 2] })).toEqual({ order: [3, 1, 0, 2] });
    expectInvalid(() => validateAnswers(schema, four, { order: [2, 0, 1] }), 'answers.order', /ranking all 4 candidates/);
  });
});
