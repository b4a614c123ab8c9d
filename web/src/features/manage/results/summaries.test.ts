import { describe, expect, it } from 'vitest';
import type { ConversationQuestion, LabelQuestion, MultiLabelQuestion, PairwiseQuestion, Question, RankingQuestion, RatingQuestion, RubricQuestion, SpanQuestion, TextQuestion } from '../../../schema';
import { summariseAggregate, summariseAnswer } from './summaries';
import type { QuestionAggregate } from './types';

const q = <T extends Question>(x: Omit<T, 'required'>): T => ({ required: false, ...x }) as T;
const label = q<LabelQuestion>({ id: 'l', type: 'label', prompt: 'L', options: [{ value: 'pos', label: 'Positive' }, { value: 'neg', label: 'Negative' }] });
const multi = q<MultiLabelQuestion>({ id: 'm', type: 'multi_label', prompt: 'M', minSelected: 0, maxSelected: 2, options: [{ value: 'a', label: 'Apple' }, { value: 'b', label: 'Banana' }] });
const span = q<SpanQuestion>({ id: 's', type: 'span', prompt: 'S', field: 'text', allowOverlap: true, minSpans: 0, labels: [{ value: 'PER', label: 'Person' }] });
const rating = q<RatingQuestion>({ id: 'r', type: 'rating', prompt: 'R', min: 1, max: 5, step: 1, labels: { '5': 'Excellent' } });
const pairwise = q<PairwiseQuestion>({ id: 'p', type: 'pairwise', prompt: 'P', left: 'a', right: 'b', scale: { min: -3, max: 3 }, allowTie: true });
const ranking = q<RankingQuestion>({ id: 'k', type: 'ranking', prompt: 'K', field: 'cands', minItems: 2 });
const rubric = q<RubricQuestion>({
  id: 'u',
  type: 'rubric',
  prompt: 'U',
  comments: false,
  criteria: [
    { id: 'acc', label: 'Accuracy', weight: 1, min: 1, max: 5 },
    { id: 'sty', label: 'Style', weight: 1, min: 1, max: 5 },
  ],
});
const text = q<TextQuestion>({ id: 't', type: 'text', prompt: 'T', minLength: 0, maxLength: 100 });
const convo = q<ConversationQuestion>({ id: 'c', type: 'conversation', prompt: 'C', field: 'dialogue', role: 'assistant', minTurns: 1, maxTurns: 1, maxLength: 100 });
const item = { text: 'Ada Lovelace met Charles Babbage.', cands: ['first answer', { id: 'B', text: 'second' }, 'third'] };
const agg = (a: Partial<QuestionAggregate>): QuestionAggregate => ({ questionId: 'x', type: 'label', method: 'mean', n: 3, answer: null, confidence: 0.5, ...a });

describe('summariseAnswer', () => {
  it('names options by their labels', () => {
    expect(summariseAnswer(label, 'neg', item)).toBe('Negative');
    expect(summariseAnswer(multi, ['b', 'a'], item)).toBe('Banana, Apple');
    expect(summariseAnswer(multi, [], item)).toBe('None');
  });

  it('quotes the marked text of spans', () => {
    expect(summariseAnswer(span, [{ start: 0, end: 12, label: 'PER' }, { start: 17, end: 32, label: 'PER' }], item)).toBe('Person “Ada Lovelace”; Person “Charles Babbage”');
    expect(summariseAnswer(span, [], item)).toBe('No spans');
  });

  it('shows scale points with their labels', () => {
    expect(summariseAnswer(rating, 5, item)).toBe('5 · Excellent');
    expect(summariseAnswer(rating, 3, item)).toBe('3');
    expect(summariseAnswer(pairwise, -2, item)).toBe('Left better (2 of 3)');
    expect(summariseAnswer(pairwise, 0, item)).toBe('Tie');
  });

  it('orders ranked candidates by name, best first', () => {
    expect(summariseAnswer(ranking, [1, 2, 0], item)).toBe('B › “third” › “first answer”');
  });

  it('lists rubric scores by criterion, and shortens free text', () => {
    expect(summariseAnswer(rubric, { scores: { acc: 4, sty: 2 } }, item)).toBe('Accuracy 4 · Style 2');
    expect(summariseAnswer(text, 'a '.repeat(60), item)).toHaveLength(80);
    expect(summariseAnswer(convo, [{ role: 'assistant', content: 'Hello there' }], item)).toBe('1 turn: assistant “Hello there”');
  });

  it('shows a dash for an unanswered question', () => {
    for (const question of [label, multi, span, rating, pairwise, ranking, rubric, text, convo]) expect(summariseAnswer(question, undefined, item)).toBe('—');
  });
});

describe('summariseAggregate', () => {
  it('rounds a rating to its nearest point, with the point’s label', () => {
    expect(summariseAggregate(rating, agg({ answer: 4.666 }), item)).toBe('4.67 (≈ 5 · Excellent)');
    expect(summariseAggregate(rating, agg({ answer: 2.4 }), item)).toBe('2.4 (≈ 2)');
  });

  it('states the preferred side and its strength', () => {
    expect(summariseAggregate(pairwise, agg({ answer: { prefers: 'right', strength: 1.5 } }), item)).toBe('Right preferred, strength 1.5 of 3');
    expect(summariseAggregate(pairwise, agg({ answer: { prefers: 'tie', strength: -0.25 } }), item)).toBe('Tie (strength -0.25)');
  });

  it('gives rubric means and the weighted score', () => {
    expect(summariseAggregate(rubric, agg({ answer: { scores: { acc: 4.5, sty: 3 }, weightedScore: 0.6875 } }), item)).toBe('Accuracy 4.5 · Style 3 — overall 69%');
  });

  it('summarises categorical and ranking aggregates like answers, and says free text has none', () => {
    expect(summariseAggregate(label, agg({ answer: 'pos' }), item)).toBe('Positive');
    expect(summariseAggregate(ranking, agg({ answer: [2, 0, 1] }), item)).toBe('“third” › “first answer” › B');
    expect(summariseAggregate(text, agg({ method: 'none' }), item)).toBe('No aggregate for free text');
  });
});
