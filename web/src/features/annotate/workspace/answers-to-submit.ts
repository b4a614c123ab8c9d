import { isVisible, type AnswerSet, type TaskSchema } from '../../../schema';

/**
 * The answers to send: those of visible questions only, in schema order. An answer given before an earlier change
 * hid its question stays in the history (undo brings it back) but is never submitted.
 */
export function answersToSubmit(schema: TaskSchema, answers: AnswerSet): AnswerSet {
  const kept: AnswerSet = {};
  for (const q of schema.questions) {
    if (!isVisible(q, kept)) continue;
    const value = answers[q.id];
    if (value !== undefined) kept[q.id] = value;
  }
  return kept;
}
