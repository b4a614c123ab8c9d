import { describe, expect, it } from 'vitest';
import { parseTaskSchema } from '@core/schema/parse-schema';
import { sentimentAndPreferenceItem, sentimentAndPreferenceSchema } from '@core/schema/examples';
import { validateAnswers, type Question } from '../../../schema';
import { answerProblem, answerProblems, instructionFor } from './answer-messages';

/** One question parsed as the server stores it. */
const question = (q: Record<string, unknown>): Question => parseTaskSchema({ questions: [{ id: 'q', ...q }] }).questions[0] as Question;
const options = [
  { value: 'a', label: 'A' },
  { value: 'b', label: 'B' },
  { value: 'c', label: 'C' },
];

describe('instructionFor', () => {
  it.each([
    [{ type: 'label', prompt: 'What is the overall sentiment of this review?', options }, 'Pick the overall sentiment of this review'],
    [{ type: 'pairwise', prompt: 'Which reply is better?', left: 'a', right: 'b' }, 'Choose which reply is better'],
    [{ type: 'rating', prompt: 'How helpful is the reply?', min: 1, max: 5 }, 'Rate how helpful the reply is'],
    [{ type: 'label', prompt: 'How urgent is this patient?', options }, 'Choose how urgent this patient is'],
    [{ type: 'span', prompt: 'Mark the people and places.', field: 't', labels: [{ value: 'P', label: 'Person' }] }, 'Mark the people and places'],
    [{ type: 'label', prompt: 'Is it toxic?', options }, 'Pick an answer to “Is it toxic?”'],
    [{ type: 'rating', prompt: 'Fluency', min: 1, max: 5 }, 'Pick a rating for “Fluency”'],
    [{ type: 'text', prompt: 'Why? (required)' }, 'Write an answer to “Why?”'],
  ])('turns %j into “%s”', (q, expected) => expect(instructionFor(question(q))).toBe(expected));
});

describe('answerProblem', () => {
  const item = { t: 'Ana met Ben in Oslo.', c: ['x', 'y', 'z'] };

  it('asks for a missing required answer in the annotator’s words, per question type', () => {
    expect(answerProblem(question({ type: 'label', prompt: 'What is the overall sentiment?', options }), undefined, item)).toBe('Pick the overall sentiment.');
    expect(answerProblem(question({ type: 'pairwise', prompt: 'Which reply is better?', left: 'a', right: 'b' }), undefined, item)).toBe('Choose which reply is better.');
    expect(answerProblem(question({ type: 'text', prompt: 'Explain your choice', minLength: 20 }), '  ', item)).toBe('Explain your choice (at least 20 characters).');
    expect(answerProblem(question({ type: 'multi_label', prompt: 'Tag the topics', options, minSelected: 0 }), undefined, item)).toBe('Tag the topics, or press “None apply” (0).');
    expect(answerProblem(question({ type: 'ranking', prompt: 'Rank the candidates', field: 'c' }), undefined, item)).toBe('Rank the candidates: move a candidate, or press “Keep this order”.');
  });

  it('says nothing about an optional question left open', () => {
    expect(answerProblem(question({ type: 'text', prompt: 'Why? (optional)', required: false }), undefined, item)).toBeNull();
  });

  it('says what to fix in a given answer, with the figures', () => {
    expect(answerProblem(question({ type: 'text', prompt: 'Explain', minLength: 20 }), 'Too short.', item)).toBe('Write at least 20 characters (10 so far).');
    expect(answerProblem(question({ type: 'text', prompt: 'Explain', maxLength: 5 }), 'Far too long', item)).toBe('Shorten this to at most 5 characters (12 now).');
    expect(answerProblem(question({ type: 'multi_label', prompt: 'Tags', options, minSelected: 2 }), ['a'], item)).toBe('Choose at least 2 (1 chosen).');
    expect(answerProblem(question({ type: 'span', prompt: 'Mark names', field: 't', labels: [{ value: 'P', label: 'Person' }], minSpans: 2 }), [{ start: 0, end: 3, label: 'P' }], item)).toBe(
      'Mark at least 2 spans (1 marked).',
    );
    expect(
      answerProblem(question({ type: 'span', prompt: 'Mark names', field: 't', labels: [{ value: 'P', label: 'Person' }], allowOverlap: false }), [{ start: 0, end: 3, label: 'P' }, { start: 1, end: 6, label: 'P' }], item),
    ).toBe('Two marked spans overlap, which this question does not allow: remove one of them.');
    expect(answerProblem(question({ type: 'pairwise', prompt: 'Which is better?', left: 'a', right: 'b', allowTie: false }), 0, item)).toMatch(/^Choose a side: “.+” is not allowed here\.$/);
    expect(
      answerProblem(
        question({ type: 'rubric', prompt: 'Score it', criteria: [{ id: 'acc', label: 'Accuracy', min: 1, max: 5 }, { id: 'cla', label: 'Clarity', min: 1, max: 5 }, { id: 'ton', label: 'Tone', min: 1, max: 5 }] }),
        { scores: { acc: 3 } },
        item,
      ),
    ).toBe('Score every criterion: “Clarity” and “Tone” are not scored yet.');
  });

  it('accepts what the shared check accepts', () => {
    expect(answerProblem(question({ type: 'label', prompt: 'Pick', options }), 'b', item)).toBeNull();
    expect(answerProblem(question({ type: 'text', prompt: 'Explain', minLength: 5 }), 'Long enough', item)).toBeNull();
  });
});

describe('answerProblems', () => {
  it('lists every problem of the demo task at once, and never the schema’s wording', () => {
    const problems = answerProblems(sentimentAndPreferenceSchema, sentimentAndPreferenceItem, {});
    expect(problems).toEqual({
      byQuestion: { sentiment: 'Pick the overall sentiment of this review.', preference: 'Choose which reply answers the prompt better.' },
      general: null,
    });
    // The API keeps its field-naming message for API clients.
    expect(() => validateAnswers(sentimentAndPreferenceSchema, sentimentAndPreferenceItem, {})).toThrow('Question "sentiment" (label): is required; no answer given');
  });

  it('finds no problem where the server would find none', () => {
    expect(answerProblems(sentimentAndPreferenceSchema, sentimentAndPreferenceItem, { sentiment: 'neutral', preference: 2 })).toEqual({ byQuestion: {}, general: null });
  });

  it('asks only about questions on screen (a hidden question is not asked for)', () => {
    const schema = parseTaskSchema({
      questions: [
        { id: 'toxic', type: 'label', prompt: 'Is it toxic?', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
        { id: 'severity', type: 'rating', prompt: 'How severe is it?', min: 1, max: 3, visibleWhen: { question: 'toxic', equals: 'yes' } },
      ],
    });
    expect(answerProblems(schema, {}, { toxic: 'no' }).byQuestion).toEqual({});
    expect(answerProblems(schema, {}, { toxic: 'yes' }).byQuestion).toEqual({ severity: 'Rate how severe it is.' });
  });

  it('says an item lacking data can only be skipped', () => {
    const problems = answerProblems(sentimentAndPreferenceSchema, { review: 'x' }, {});
    expect(problems.byQuestion).toEqual({});
    expect(problems.general).toMatch(/^This item is missing data the questions need, so it cannot be labeled: skip it \(S\)/);
  });
});
