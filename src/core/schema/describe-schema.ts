/**
 * A JSON description of a schema for the annotator UI and for export consumers: per question what to show,
 * what can be chosen and with which key, which item fields to read, and a JSON Schema of the answer.
 */
import { answerJsonSchema, answerSetJsonSchema } from './answer-json-schema.js';
import type { JsonSchema, JsonValue } from './answer-json-schema.js';
import { itemFieldsRead, questionFieldsRead } from './item-fields.js';
import type { FieldRead } from './item-fields.js';
import { pairwisePointLabel, pairwisePoints, ratingPointLabel, ratingPoints } from './scale.js';
import type { Question, QuestionType, TaskSchema, VisibleWhen } from './types.js';

/** Something an annotator can pick: an option, a span label, or a point on a scale. */
export interface ChoiceDescription {
  value: string | number;
  label: string;
  hint?: string;
  color?: string;
  /** Suggested key; the UI binds it while the question has focus. Absent when the choice has none. */
  shortcut?: string;
}

export interface QuestionDescription {
  id: string;
  type: QuestionType;
  prompt: string;
  help?: string;
  required: boolean;
  visibleWhen?: VisibleWhen;
  /** Type-specific settings not already given by `choices` or `reads` (e.g. `minSelected`, `criteria`, `role`). */
  settings: Record<string, JsonValue>;
  /** What can be picked, in display order; empty for types the annotator writes or arranges. */
  choices: ChoiceDescription[];
  /** Item fields the question shows or needs. */
  reads: FieldRead[];
  /** JSON Schema (draft 2020-12) of the normalised answer. */
  answerSchema: JsonSchema;
}

export interface SchemaDescription {
  questions: QuestionDescription[];
  /** Every item field path the schema reads, each once. */
  itemFields: string[];
  /** JSON Schema (draft 2020-12) of a whole normalised answer set, visibility rules included. */
  answersSchema: JsonSchema;
}

/** Describes a parsed schema as plain JSON (no `undefined`, no functions), ready to serve or to write to an export. */
export function describeSchema(schema: TaskSchema): SchemaDescription {
  return {
    questions: schema.questions.map(describeQuestion),
    itemFields: itemFieldsRead(schema),
    answersSchema: answerSetJsonSchema(schema),
  };
}

function describeQuestion(question: Question): QuestionDescription {
  return {
    id: question.id,
    type: question.type,
    prompt: question.prompt,
    ...(question.help === undefined ? {} : { help: question.help }),
    required: question.required,
    ...(question.visibleWhen === undefined ? {} : { visibleWhen: copyCondition(question.visibleWhen) }),
    settings: settingsOf(question),
    choices: choicesOf(question),
    reads: questionFieldsRead(question),
    answerSchema: answerJsonSchema(question),
  };
}

/** Keys "1".."9" by position: the digits row and numpad, the convention annotators already know. */
function positionalKey(index: number): string | undefined {
  return index < 9 ? String(index + 1) : undefined;
}

function choicesOf(question: Question): ChoiceDescription[] {
  switch (question.type) {
    case 'label':
    case 'multi_label':
      return question.options.map((o, i) => {
        const hint = o.hint === undefined ? {} : { hint: o.hint };
        return withShortcut({ value: o.value, label: o.label, ...hint }, positionalKey(i));
      });
    case 'span':
      return question.labels.map((l, i) => {
        const color = l.color === undefined ? {} : { color: l.color };
        return withShortcut({ value: l.value, label: l.label, ...color }, positionalKey(i));
      });
    case 'rating': {
      const points = ratingPoints(question);
      // On a 1..5 or 0..9 scale the key is the number itself; elsewhere keys go by position, if few enough.
      const digits = points.every((p) => p >= 0 && p <= 9);
      return points.map((p, i) => {
        const key = digits ? String(p) : points.length <= 9 ? String(i + 1) : undefined;
        return withShortcut({ value: p, label: ratingPointLabel(question, p) }, key);
      });
    }
    case 'pairwise': {
      const points = pairwisePoints(question);
      return points.map((p, i) =>
        withShortcut({ value: p, label: pairwisePointLabel(question, p) }, points.length <= 9 ? String(i + 1) : undefined),
      );
    }
    default:
      return [];
  }
}

function copyCondition(condition: VisibleWhen): VisibleWhen {
  return condition.in === undefined
    ? { question: condition.question, equals: condition.equals as string | number }
    : { question: condition.question, in: [...condition.in] };
}

function withShortcut(choice: ChoiceDescription, key: string | undefined): ChoiceDescription {
  return key === undefined ? choice : { ...choice, shortcut: key };
}

function settingsOf(question: Question): Record<string, JsonValue> {
  switch (question.type) {
    case 'label':
      return {};
    case 'multi_label':
      return { minSelected: question.minSelected, maxSelected: question.maxSelected };
    case 'span':
      return {
        allowOverlap: question.allowOverlap,
        minSpans: question.minSpans,
        ...(question.maxSpans === undefined ? {} : { maxSpans: question.maxSpans }),
        offsets: 'utf16',
      };
    case 'rating':
      return { min: question.min, max: question.max, step: question.step };
    case 'pairwise':
      return { scale: { ...question.scale }, allowTie: question.allowTie };
    case 'ranking':
      return { minItems: question.minItems };
    case 'rubric':
      return {
        comments: question.comments,
        criteria: question.criteria.map((c) => ({
          id: c.id,
          label: c.label,
          ...(c.description === undefined ? {} : { description: c.description }),
          weight: c.weight,
          min: c.min,
          max: c.max,
        })),
      };
    case 'text':
      return {
        minLength: question.minLength,
        maxLength: question.maxLength,
        ...(question.placeholder === undefined ? {} : { placeholder: question.placeholder }),
      };
    case 'conversation':
      return { role: question.role, minTurns: question.minTurns, maxTurns: question.maxTurns, maxLength: question.maxLength };
  }
}
