import { describe, expect, it } from 'vitest';
import { buildItem, expectInvalid, schemaWith } from './test-support/build.js';
import { validateAnswers } from './validate-answers.js';

const item = buildItem();
const scores = { accuracy: 4, clarity: 5, safety: 2 };

describe('rubric answers', () => {
  const schema = schemaWith('rubric');
  const withComments = schemaWith('rubric', { comments: true });

  it('returns the scores in criteria order', () => {
    const result = validateAnswers(schema, item, { grade: { scores: { safety: 2, clarity: 5, accuracy: 4 } } });
    expect(result).toEqual({ grade: { scores } });
    expect(Object.keys((result.grade as { scores: object }).scores)).toEqual(['accuracy', 'clarity', 'safety']);
  });

  it('rejects an unscored criterion', () => {
    expectInvalid(() => validateAnswers(schema, item, { grade: { scores: { accuracy: 4, safety: 1 } } }), 'answers.grade.scores.clarity', 'Question "grade" (rubric): criterion "clarity" is not scored');
  });

  it('rejects a score outside the criterion range', () => {
    expectInvalid(() => validateAnswers(schema, item, { grade: { scores: { ...scores, safety: 3 } } }), 'answers.grade.scores.safety', 'Question "grade" (rubric): answer.scores.safety must be an integer from 0 to 2; got 3');
    expectInvalid(() => validateAnswers(schema, item, { grade: { scores: { ...scores, clarity: 4.5 } } }), 'answers.grade.scores.clarity', /got 4.5$/);
  });

  it('rejects an unknown criterion', () => {
    expectInvalid(() => validateAnswers(schema, item, { grade: { scores: { ...scores, tone: 3 } } }), 'answers.grade.scores.tone', 'Question "grade" (rubric): answer.scores has unknown criterion "tone"');
  });

  it('rejects a wrong shape', () => {
    expectInvalid(() => validateAnswers(schema, item, { grade: [4, 5, 2] }), 'answers.grade', 'Question "grade" (rubric): answer must be an object {scores, comments?}; got an array');
    expectInvalid(() => validateAnswers(schema, item, { grade: scores }), 'answers.grade.accuracy', /answer has unknown property "accuracy"/);
    expectInvalid(() => validateAnswers(schema, item, { grade: { scores: 5 } }), 'answers.grade.scores', /answer.scores must be an object with a score per criterion; got 5/);
  });

  it('rejects comments when the question does not allow them', () => {
    expectInvalid(() => validateAnswers(schema, item, { grade: { scores, comments: { accuracy: 'Cites a source' } } }), 'answers.grade.comments', 'Question "grade" (rubric): comments are not enabled for this question');
  });

  it('keeps written comments in criteria order and drops blank ones', () => {
    const answer = { scores, comments: { safety: 'Fine', clarity: '  ', accuracy: 'Cites a source' } };
    expect(validateAnswers(withComments, item, { grade: answer })).toEqual({ grade: { scores, comments: { accuracy: 'Cites a source', safety: 'Fine' } } });
    expect(validateAnswers(withComments, item, { grade: { scores, comments: { clarity: '' } } })).toEqual({ grade: { scores } });
  });

  it('rejects a comment on an unknown criterion or of the wrong type', () => {
    expectInvalid(() => validateAnswers(withComments, item, { grade: { scores, comments: { tone: 'x' } } }), 'answers.grade.comments.tone', /answer.comments has unknown criterion "tone"/);
    expectInvalid(() => validateAnswers(withComments, item, { grade: { scores, comments: { safety: 2 } } }), 'answers.grade.comments.safety', /answer.comments.safety must be a string; got 2/);
    expectInvalid(() => validateAnswers(withComments, item, { grade: { scores, comments: { safety: 'x'.repeat(5001) } } }), 'answers.grade.comments.safety', /at most 5000 characters; got 5001/);
  });
});
