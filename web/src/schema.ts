/**
 * The task-schema language, shared with the server: the same types, visibility rules and answer validation the
 * API applies at submit, so the annotator sees exactly the error the server would give, before sending.
 */
export type {
  Question,
  QuestionOf,
  QuestionType,
  AnswerOf,
  AnswerByType,
  AnswerSet,
  ItemData,
  TaskSchema,
  LabelQuestion,
  MultiLabelQuestion,
  SpanQuestion,
  RatingQuestion,
  PairwiseQuestion,
  RankingQuestion,
  RubricQuestion,
  TextQuestion,
  ConversationQuestion,
  Span,
  DialogueTurn,
  RubricAnswer,
  LabelOption,
  SpanLabel,
} from '@core/schema/types';
export { QUESTION_TYPES } from '@core/schema/types';
export { isVisible } from '@core/schema/visibility';
export { validateAnswers, isAnswerGiven } from '@core/schema/validate-answers';
export { readFieldPath } from '@core/schema/field-path';
export { ratingPoints, pairwisePoints, ratingPointLabel, pairwisePointLabel } from '@core/schema/scale';
