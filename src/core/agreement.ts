/**
 * Agreement's vocabulary: the question types agreement is measured on, and the level of measurement each is read
 * at (see services/quality/reliability-data.ts for what a unit is). The levels are the Krippendorff engine's own
 * parameter (`quality/agreement/krippendorff.ts`, MEASUREMENT_LEVELS); the literal types here are assignable to it,
 * so core needs no import of the engine.
 */
import type { Question, QuestionType } from './schema/index.js';

export const AGREEMENT_QUESTION_TYPES = ['label', 'multi_label', 'rating', 'pairwise'] as const;
export type AgreementQuestionType = (typeof AGREEMENT_QUESTION_TYPES)[number];
export type AgreementQuestion = Extract<Question, { type: AgreementQuestionType }>;

/** Choices are nominal; points on an evenly spaced scale are interval (distances count). */
export const LEVEL_OF = {
  label: 'nominal',
  multi_label: 'nominal',
  rating: 'interval',
  pairwise: 'interval',
} as const satisfies Record<AgreementQuestionType, 'nominal' | 'interval'>;

export const hasAgreement = (q: Question): q is AgreementQuestion => (AGREEMENT_QUESTION_TYPES as readonly QuestionType[]).includes(q.type);
