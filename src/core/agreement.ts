/**
 * Agreement's vocabulary: the levels of measurement Krippendorff's alpha is read at, the question types agreement
 * is measured on, and the level each is read at (see services/quality/reliability-data.ts for what a unit is).
 */
import type { Question, QuestionType } from './schema/index.js';

/** How distances between values count: nominal (equal or not), ordinal (by rank), interval, ratio. */
export const MEASUREMENT_LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
export type MeasurementLevel = (typeof MEASUREMENT_LEVELS)[number];

export const AGREEMENT_QUESTION_TYPES = ['label', 'multi_label', 'rating', 'pairwise'] as const;
export type AgreementQuestionType = (typeof AGREEMENT_QUESTION_TYPES)[number];
export type AgreementQuestion = Extract<Question, { type: AgreementQuestionType }>;

/** Choices are nominal; points on an evenly spaced scale are interval (distances count). */
export const LEVEL_OF = {
  label: 'nominal',
  multi_label: 'nominal',
  rating: 'interval',
  pairwise: 'interval',
} as const satisfies Record<AgreementQuestionType, MeasurementLevel>;

export const hasAgreement = (q: Question): q is AgreementQuestion => (AGREEMENT_QUESTION_TYPES as readonly QuestionType[]).includes(q.type);
