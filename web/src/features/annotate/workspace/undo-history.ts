/**
 * Undo within a task: the answers as a history of states. Each change pushes the previous answers; undo and redo
 * walk the stack. Typing in a text field would otherwise push one state per character, so a change marked
 * `coalesce` (typing) that touches the same question as the previous one within a short window replaces the
 * present instead of pushing: one undo removes a burst of typing, not a letter.
 */
import type { AnswerSet } from '../../../schema';

export interface AnswerHistory {
  past: AnswerSet[];
  present: AnswerSet;
  future: AnswerSet[];
  /** The question and time of the last change, for coalescing bursts of typing. */
  last: { questionId: string; at: number } | null;
}

export type HistoryAction =
  | { type: 'change'; answers: AnswerSet; coalesce?: boolean; at: number }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset'; answers?: AnswerSet };

/** Enough for any task; bounds memory over a day of long free-text tasks. */
export const HISTORY_LIMIT = 200;
/** Typing on one question with pauses shorter than this is one undo step. */
export const COALESCE_MS = 1500;

export const initialHistory = (answers: AnswerSet = {}): AnswerHistory => ({ past: [], present: answers, future: [], last: null });

/** The questions whose answers differ between two answer sets. */
export function changedQuestions(before: AnswerSet, after: AnswerSet): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

export function historyReducer(state: AnswerHistory, action: HistoryAction): AnswerHistory {
  switch (action.type) {
    case 'change': {
      const changed = changedQuestions(state.present, action.answers);
      if (changed.length === 0) return state;
      const questionId = changed.length === 1 ? changed[0]! : null;
      const last = questionId === null ? null : { questionId, at: action.at };
      const merge =
        action.coalesce === true &&
        questionId !== null &&
        state.last?.questionId === questionId &&
        action.at - state.last.at < COALESCE_MS &&
        state.past.length > 0;
      if (merge) return { ...state, present: action.answers, future: [], last };
      return { past: [...state.past, state.present].slice(-HISTORY_LIMIT), present: action.answers, future: [], last };
    }
    case 'undo': {
      const previous = state.past.at(-1);
      if (previous === undefined) return state;
      return { past: state.past.slice(0, -1), present: previous, future: [state.present, ...state.future], last: null };
    }
    case 'redo': {
      const next = state.future[0];
      if (next === undefined) return state;
      return { past: [...state.past, state.present], present: next, future: state.future.slice(1), last: null };
    }
    case 'reset':
      return initialHistory(action.answers);
  }
}
