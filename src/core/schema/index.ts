/**
 * The task-schema language: parse a project's schema, validate items and answers against it, and describe it
 * for the UI and exports. Pure functions; errors are `AssayError`s with code `invalid` and a `field`.
 */
export { QUESTION_TYPES, DIALOGUE_ROLES, WRITER_ROLES } from './types.js';
export type {
  QuestionType,
  DialogueRole,
  WriterRole,
  ConditionValue,
  VisibleWhen,
  LabelOption,
  LabelQuestion,
  MultiLabelQuestion,
  SpanLabel,
  SpanQuestion,
  RatingQuestion,
  PairwiseScale,
  PairwiseQuestion,
  RankingQuestion,
  RubricCriterion,
  RubricQuestion,
  TextQuestion,
  ConversationQuestion,
  Question,
  QuestionOf,
  TaskSchema,
  Span,
  DialogueTurn,
  RubricAnswer,
  AnswerByType,
  AnswerOf,
  AnswerSet,
  ItemData,
} from './types.js';
export { taskSchemaInput, questionInput, SCHEMA_LIMITS, SCHEMA_DEFAULTS } from './schema-input.js';
export type { TaskSchemaInput } from './schema-input.js';
export { parseTaskSchema } from './parse-schema.js';
export { validateItem } from './validate-item.js';
export { validateAnswers, isAnswerGiven } from './validate-answers.js';
export { isVisible } from './visibility.js';
export { itemFieldsRead, questionFieldsRead, FIELD_KINDS, FIELD_ROLES } from './item-fields.js';
export type { FieldKind, FieldRole, FieldRead } from './item-fields.js';
export { describeSchema } from './describe-schema.js';
export type { SchemaDescription, QuestionDescription, ChoiceDescription } from './describe-schema.js';
export { answerJsonSchema, answerSetJsonSchema, JSON_SCHEMA_DIALECT } from './answer-json-schema.js';
export type { JsonSchema, JsonValue } from './answer-json-schema.js';
export { rubricWeightedScore } from './rubric-score.js';
export { readFieldPath, isFieldPath } from './field-path.js';
export { sentimentAndPreferenceSchema, sentimentAndPreferenceItem } from './examples.js';
