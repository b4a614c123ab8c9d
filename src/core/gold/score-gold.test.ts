import { describe, expect, it } from 'vitest';
import { parseTaskSchema } from '../schema/index.js';
import { scoreAgainstGold } from './score-gold.js';

const schema = parseTaskSchema({
  questions: [
    { id: 'tone', type: 'label', prompt: 'Tone?', options: [{ value: 'pos', label: 'P' }, { value: 'neg', label: 'N' }] },
    { id: 'tags', type: 'multi_label', prompt: 'Tags?', required: false, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }, { value: 'c', label: 'C' }] },
    { id: 'stars', type: 'rating', prompt: 'Stars', min: 1, max: 5, required: false },
    { id: 'why', type: 'text', prompt: 'Why?', required: false },
  ],
});

describe('scoreAgainstGold', () => {
  it('scores label exactly, multi_label as a set and rating as a point; skips text', () => {
    const gold = { tone: 'pos', tags: ['a', 'b'], stars: 4, why: 'because' };
    expect(scoreAgainstGold(schema, { tone: 'pos', tags: ['b', 'a'], stars: 4, why: 'other words' }, gold)).toEqual({
      correct: true,
      questionsScored: 3,
      questionsCorrect: 3,
      questions: [
        { id: 'tone', correct: true },
        { id: 'tags', correct: true },
        { id: 'stars', correct: true },
      ],
    });
    const r = scoreAgainstGold(schema, { tone: 'pos', tags: ['a'], stars: 5 }, gold)!;
    expect([r.correct, r.questionsCorrect, r.questions.map((q) => q.correct)]).toEqual([false, 1, [true, false, false]]);
  });

  it('counts a scored question left unanswered as wrong, and skips what the gold leaves out', () => {
    expect(scoreAgainstGold(schema, { tone: 'neg' }, { tone: 'neg' })).toMatchObject({ correct: true, questionsScored: 1 });
    expect(scoreAgainstGold(schema, { tone: 'neg' }, { tone: 'neg', stars: 2 })).toMatchObject({ correct: false, questionsScored: 2, questionsCorrect: 1 });
  });

  it('gives no score when nothing scorable has a gold answer', () => {
    expect(scoreAgainstGold(schema, { tone: 'neg', why: 'x' }, { why: 'x' })).toBeNull();
  });
});
