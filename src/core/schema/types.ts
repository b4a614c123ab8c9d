/**
 * The task-schema language: a project's list of typed questions. One schema drives item validation at import,
 * answer validation at submit, the annotator UI (through `describeSchema`), aggregation and export.
 *
 * These types describe a schema *after* `parseTaskSchema`: every default is filled in, so the stored schema says
 * exactly what it means and a later change of default cannot silently change an old project.
 */

/** Every question type, in the order the docs list them. The single source of the `QuestionType` union. */
export const QUESTION_TYPES = [
  'label', // one of N options
  'multi_label', // any subset of N options
  'span', // character ranges over a text, each with a label
  'rating', // a point on an ordinal integer scale
  'pairwise', // left vs right with a signed strength
  'ranking', // order a list of candidates, best first
  'rubric', // several criteria, each scored on its own scale
  'text', // a free-form written answer (demonstration)
  'conversation', // new turns that continue a dialogue
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Roles a dialogue turn may carry in item data. */
export const DIALOGUE_ROLES = ['user', 'assistant', 'system'] as const;
export type DialogueRole = (typeof DIALOGUE_ROLES)[number];

/** Roles an annotator may write in a `conversation` answer; a system prompt is data, not an annotation. */
export const WRITER_ROLES = ['user', 'assistant'] as const;
export type WriterRole = (typeof WRITER_ROLES)[number];

/** A value a `visibleWhen` condition compares with: an option value, or a point on a rating or pairwise scale. */
export type ConditionValue = string | number;

/**
 * Shows a question only when an earlier question's answer matches. Exactly one of `equals` and `in` is set.
 * For a `multi_label` target the condition holds when any of the values is among the selected options.
 */
export interface VisibleWhen {
  /** Id of an earlier `label`, `multi_label`, `rating` or `pairwise` question. */
  question: string;
  /** The single answer value that shows this question. */
  equals?: ConditionValue;
  /** Any of these answer values shows this question. */
  in?: ConditionValue[];
}

interface QuestionBase<T extends QuestionType> {
  /** Slug, unique in the schema; the key of the answer in an `AnswerSet` and the column name in exports. */
  id: string;
  type: T;
  /** What the annotator is asked, shown above the control. */
  prompt: string;
  /** Longer guidance shown on demand. */
  help?: string;
  /** Whether a visible question must be answered. A hidden question is never required. */
  required: boolean;
  /** When set, the question is shown (and may be answered) only while the condition holds. */
  visibleWhen?: VisibleWhen;
}

/** One choice of a `label` or `multi_label` question. */
export interface LabelOption {
  /** Stored in answers and exports; no surrounding whitespace. */
  value: string;
  /** Shown to the annotator. */
  label: string;
  /** A short explanation shown beside the option. */
  hint?: string;
}

export interface LabelQuestion extends QuestionBase<'label'> {
  options: LabelOption[];
  /** Item field holding the text to classify, shown to the annotator. */
  field?: string;
}

export interface MultiLabelQuestion extends QuestionBase<'multi_label'> {
  options: LabelOption[];
  field?: string;
  /** Fewest options an answer selects. Defaults to 1 when required, else 0. */
  minSelected: number;
  /** Most options an answer selects. Defaults to the number of options. */
  maxSelected: number;
}

/** A label that a span may carry. */
export interface SpanLabel {
  value: string;
  label: string;
  /** CSS hex colour for highlighting, `#rgb` or `#rrggbb`. */
  color?: string;
}

export interface SpanQuestion extends QuestionBase<'span'> {
  /** Item field holding the text (a string) the offsets index into. */
  field: string;
  labels: SpanLabel[];
  /** Whether two spans may share characters. Defaults to true. */
  allowOverlap: boolean;
  /** Fewest spans in an answer. Defaults to 0 ("nothing to mark" is an answer). */
  minSpans: number;
  /** Most spans in an answer; absent means no limit. */
  maxSpans?: number;
}

export interface RatingQuestion extends QuestionBase<'rating'> {
  min: number;
  max: number;
  /** Distance between points; `max - min` is a multiple of it. Defaults to 1. */
  step: number;
  /** Text for some or all points, keyed by the point written as an integer (`"1": "Poor"`). */
  labels?: Record<string, string>;
  /** Item field holding the text being rated. */
  field?: string;
}

/** A symmetric integer scale: negative prefers left, positive prefers right, 0 is a tie. */
export interface PairwiseScale {
  min: number;
  max: number;
}

export interface PairwiseQuestion extends QuestionBase<'pairwise'> {
  /** Item field holding the left candidate (a string). */
  left: string;
  /** Item field holding the right candidate (a string). */
  right: string;
  /** Item field holding the prompt both candidates answer. */
  promptField?: string;
  /** Defaults to `{ min: -3, max: 3 }`. */
  scale: PairwiseScale;
  /** Whether 0 (no preference) is a valid answer. Defaults to true. */
  allowTie: boolean;
  /** Text for some or all points, keyed by the point written as an integer (`"-3": "A much better"`). */
  labels?: Record<string, string>;
}

export interface RankingQuestion extends QuestionBase<'ranking'> {
  /** Item field holding the candidates: an array of strings or of `{ id, text }` objects. */
  field: string;
  /** Fewest candidates an item must offer. Defaults to 2. */
  minItems: number;
}

/** One scored criterion of a rubric. */
export interface RubricCriterion {
  id: string;
  label: string;
  description?: string;
  /** Relative weight in `rubricWeightedScore`; > 0. Defaults to 1. */
  weight: number;
  min: number;
  max: number;
}

export interface RubricQuestion extends QuestionBase<'rubric'> {
  criteria: RubricCriterion[];
  /** Whether the annotator may add a comment per criterion. Defaults to false. */
  comments: boolean;
  /** Item field holding the text or dialogue being graded. */
  field?: string;
}

export interface TextQuestion extends QuestionBase<'text'> {
  /** Fewest characters after trimming. Defaults to 0. */
  minLength: number;
  /** Most characters after trimming. Defaults to 20000. */
  maxLength: number;
  /** Item field shown as context for the writing. */
  field?: string;
  placeholder?: string;
}

export interface ConversationQuestion extends QuestionBase<'conversation'> {
  /** Item field holding the dialogue so far: an array of `{ role, content }` turns (may be empty). */
  field: string;
  /** Role of the first turn the annotator writes; later turns alternate. Defaults to `assistant`. */
  role: WriterRole;
  /** Defaults to 1. */
  minTurns: number;
  /** Defaults to 1. */
  maxTurns: number;
  /** Most characters per turn after trimming. Defaults to 20000. */
  maxLength: number;
}

export type Question =
  | LabelQuestion
  | MultiLabelQuestion
  | SpanQuestion
  | RatingQuestion
  | PairwiseQuestion
  | RankingQuestion
  | RubricQuestion
  | TextQuestion
  | ConversationQuestion;

/** The question type whose `type` is `T`. */
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

/** A project's task schema, as returned by `parseTaskSchema`. */
export interface TaskSchema {
  questions: Question[];
}

/** One marked range: `start` inclusive, `end` exclusive, in UTF-16 code units (JavaScript string indices). */
export interface Span {
  start: number;
  end: number;
  label: string;
}

export interface DialogueTurn {
  role: DialogueRole;
  content: string;
}

export interface RubricAnswer {
  /** Score per criterion id; every criterion is scored. */
  scores: Record<string, number>;
  /** Comment per criterion id; only when the question allows comments. */
  comments?: Record<string, string>;
}

/** The shape of a valid answer for each question type. */
export interface AnswerByType {
  label: string;
  multi_label: string[];
  span: Span[];
  rating: number;
  pairwise: number;
  /** Candidate indices, best first. */
  ranking: number[];
  rubric: RubricAnswer;
  text: string;
  conversation: DialogueTurn[];
}
export type AnswerOf<T extends QuestionType> = AnswerByType[T];

/** Answers keyed by question id. After `validateAnswers`, each value has its question's `AnswerOf` shape. */
export type AnswerSet = Record<string, unknown>;

/** An item's data: what annotators see, addressed by the field paths a schema names. */
export type ItemData = Record<string, unknown>;
