/**
 * Where the keyboard goes after a pick (Prodigy's and Label Studio's users expect to keep pressing numbers): to
 * the next required question still unanswered, after the one just answered and then from the top, or to Submit
 * once every required question has an answer. Optional questions are left to Alt+↓, Tab or a click, so a run of
 * number keys never lands in an optional text box where the next keys would type.
 */
import { isAnswerGiven, isVisible, type AnswerSet, type TaskSchema } from '../../../schema';

/** The submit button as a place for the keyboard, beside the question ids. */
export const SUBMIT_TARGET = '#submit';

export function nextToAnswer(schema: TaskSchema, answers: AnswerSet, fromId: string | null): string {
  const visible = schema.questions.filter((q) => isVisible(q, answers));
  const from = visible.findIndex((q) => q.id === fromId);
  const open = visible.flatMap((q, i) => (q.required && !isAnswerGiven(q, answers[q.id]) ? [{ id: q.id, i }] : []));
  return (open.find((q) => q.i > from) ?? open[0])?.id ?? SUBMIT_TARGET;
}

/** Visible questions left unanswered, required or not (for the hint at Submit). */
export function unanswered(schema: TaskSchema, answers: AnswerSet): { id: string; number: number; prompt: string; required: boolean }[] {
  const visible = schema.questions.filter((q) => isVisible(q, answers));
  return visible.flatMap((q, i) => (isAnswerGiven(q, answers[q.id]) ? [] : [{ id: q.id, number: i + 1, prompt: q.prompt, required: q.required }]));
}
