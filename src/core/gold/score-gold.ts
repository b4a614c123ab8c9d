/**
 * Scoring an annotation against its item's gold answer, question by question. Pure; the submit use case calls it
 * inside the write of the annotation (`services/tasks/submit-annotation.ts`).
 *
 * Which questions are scored, and how:
 * - `label`: exact option value;
 * - `multi_label`: the same set of options (order and duplicates ignored);
 * - `rating`, `pairwise`: the same point on the scale;
 * - `span`, `ranking`, `rubric`, `text`, `conversation`: not scored. Partial credit (span overlap, rank
 *   correlation, rubric distance) needs a tolerance the project would have to set; a written answer has no single
 *   right form. Such questions neither help nor hurt the score.
 * A question the gold answer leaves out is not scored; a scored question the annotator left out is wrong.
 * The annotation is correct when every scored question is; with no scored question there is no score (null).
 */
import type { AnswerSet, QuestionType, TaskSchema } from '../schema/types.js';

export const SCORED_QUESTION_TYPES = ['label', 'multi_label', 'rating', 'pairwise'] as const satisfies readonly QuestionType[];

export interface GoldScore {
  correct: boolean;
  questionsScored: number;
  questionsCorrect: number;
  /** Per scored question, whether it matched. */
  questions: { id: string; correct: boolean }[];
}

const isScored = (t: QuestionType): boolean => (SCORED_QUESTION_TYPES as readonly QuestionType[]).includes(t);

function sameSet(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

function matches(type: QuestionType, given: unknown, gold: unknown): boolean {
  if (given === undefined || given === null) return false;
  return type === 'multi_label' ? sameSet(given, gold) : given === gold;
}

export function scoreAgainstGold(schema: TaskSchema, answers: AnswerSet, gold: AnswerSet): GoldScore | null {
  const questions: GoldScore['questions'] = [];
  for (const q of schema.questions) {
    if (!isScored(q.type)) continue;
    const expected = gold[q.id];
    if (expected === undefined || expected === null) continue;
    questions.push({ id: q.id, correct: matches(q.type, answers[q.id], expected) });
  }
  if (questions.length === 0) return null;
  const questionsCorrect = questions.filter((q) => q.correct).length;
  return { correct: questionsCorrect === questions.length, questionsScored: questions.length, questionsCorrect, questions };
}
