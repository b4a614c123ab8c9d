import { describe, expect, it } from 'vitest';
import { rubricWeightedScore } from './rubric-score.js';
import { expectInvalid, schemaWith } from './test-support/build.js';
import type { RubricQuestion } from './types.js';

// Criteria: accuracy (weight 2, 1..5), clarity (weight 1, 1..5), safety (weight 1, 0..2).
const rubric = schemaWith('rubric').questions[0] as RubricQuestion;

describe('rubricWeightedScore', () => {
  it('rescales each score to 0..1 by its own range before weighting', () => {
    // accuracy 4 → 3/4, clarity 5 → 1, safety 1 → 1/2; (2·0.75 + 1 + 0.5) / 4 = 0.75
    expect(rubricWeightedScore(rubric, { scores: { accuracy: 4, clarity: 5, safety: 1 } })).toBeCloseTo(0.75, 12);
    // accuracy 1 → 0, clarity 3 → 1/2, safety 2 → 1; (0 + 0.5 + 1) / 4 = 0.375
    expect(rubricWeightedScore(rubric, { scores: { accuracy: 1, clarity: 3, safety: 2 } })).toBeCloseTo(0.375, 12);
  });

  it('is 0 at every minimum and 1 at every maximum', () => {
    expect(rubricWeightedScore(rubric, { scores: { accuracy: 1, clarity: 1, safety: 0 } })).toBe(0);
    expect(rubricWeightedScore(rubric, { scores: { accuracy: 5, clarity: 5, safety: 2 } })).toBe(1);
  });

  it('lets a heavier criterion move the score more', () => {
    const accuracyUp = rubricWeightedScore(rubric, { scores: { accuracy: 5, clarity: 1, safety: 0 } });
    const clarityUp = rubricWeightedScore(rubric, { scores: { accuracy: 1, clarity: 5, safety: 0 } });
    expect(accuracyUp).toBeCloseTo(0.5, 12);
    expect(clarityUp).toBeCloseTo(0.25, 12);
  });

  it('ignores comments', () => {
    expect(rubricWeightedScore(rubric, { scores: { accuracy: 4, clarity: 5, safety: 1 }, comments: { safety: 'Borderline' } })).toBeCloseTo(0.75, 12);
  });

  it('rejects an answer with a criterion unscored or out of range', () => {
    expectInvalid(() => rubricWeightedScore(rubric, { scores: { accuracy: 4, clarity: 5 } }), 'answers.grade.scores.safety', 'Question "grade" (rubric): criterion "safety" needs a score from 0 to 2; got undefined');
    expectInvalid(() => rubricWeightedScore(rubric, { scores: { accuracy: 9, clarity: 5, safety: 1 } }), 'answers.grade.scores.accuracy', /needs a score from 1 to 5; got 9/);
  });
});
