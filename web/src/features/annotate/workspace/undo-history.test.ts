import { describe, expect, it } from 'vitest';
import { COALESCE_MS, HISTORY_LIMIT, historyReducer, initialHistory, type AnswerHistory, type HistoryAction } from './undo-history';

const run = (actions: HistoryAction[], start: AnswerHistory = initialHistory()) => actions.reduce(historyReducer, start);

describe('historyReducer', () => {
  it('undoes and redoes answer changes in order', () => {
    let h = run([
      { type: 'change', answers: { sentiment: 'positive' }, at: 0 },
      { type: 'change', answers: { sentiment: 'negative' }, at: 10 },
      { type: 'change', answers: { sentiment: 'negative', preference: 2 }, at: 20 },
    ]);
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toEqual({ sentiment: 'negative' });
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toEqual({ sentiment: 'positive' });
    h = historyReducer(h, { type: 'redo' });
    expect(h.present).toEqual({ sentiment: 'negative' });
    h = historyReducer(h, { type: 'undo' });
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toEqual({});
    expect(historyReducer(h, { type: 'undo' })).toBe(h);
  });

  it('drops the redo branch when a new change follows an undo', () => {
    let h = run([
      { type: 'change', answers: { a: 1 }, at: 0 },
      { type: 'change', answers: { a: 2 }, at: 10 },
      { type: 'undo' },
      { type: 'change', answers: { a: 3 }, at: 20 },
    ]);
    expect(h.future).toEqual([]);
    expect(historyReducer(h, { type: 'redo' })).toBe(h);
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toEqual({ a: 1 });
  });

  it('merges a burst of typing on one question into one undo step, but not a pause or another question', () => {
    const typing = (text: string, at: number): HistoryAction => ({ type: 'change', answers: { s: 'pos', why: text }, coalesce: true, at });
    let h = run([{ type: 'change', answers: { s: 'pos' }, at: 0 }, typing('g', 100), typing('go', 200), typing('goo', 300), typing('good', 400)]);
    expect(h.past).toHaveLength(2);
    h = historyReducer(h, typing('good.', 400 + COALESCE_MS + 1));
    expect(h.past).toHaveLength(3);
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toEqual({ s: 'pos', why: 'good' });
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toEqual({ s: 'pos' });
  });

  it('never merges a change that is not typing', () => {
    const h = run([
      { type: 'change', answers: { s: 'pos' }, at: 0 },
      { type: 'change', answers: { s: 'neg' }, at: 10 },
    ]);
    expect(h.past).toEqual([{}, { s: 'pos' }]);
  });

  it('ignores a change that changes nothing, whatever the key order', () => {
    const h = run([{ type: 'change', answers: { a: 1, b: 2 }, at: 0 }]);
    expect(historyReducer(h, { type: 'change', answers: { b: 2, a: 1 }, at: 5 })).toBe(h);
  });

  it('keeps at most HISTORY_LIMIT past states', () => {
    const actions: HistoryAction[] = Array.from({ length: HISTORY_LIMIT + 50 }, (_, i) => ({ type: 'change', answers: { n: i }, at: i * 10_000 }));
    const h = run(actions);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toEqual({ n: 49 });
  });

  it('starts over on reset (a new task)', () => {
    const h = run([{ type: 'change', answers: { a: 1 }, at: 0 }, { type: 'reset' }]);
    expect(h).toEqual(initialHistory());
  });
});
