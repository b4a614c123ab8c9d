/**
 * JSON Schema (draft 2020-12) for answers, as `validateAnswers` returns them: for the OpenAPI document and for
 * consumers of exports who validate in another language. Rules that need the item (span offsets within the
 * text, a ranking's length) or trimming cannot be said in JSON Schema; their `description` says them instead.
 */
import { MAX_RUBRIC_COMMENT_LENGTH } from './answer-rubric.js';
import { roleOfTurn } from './answer-writing.js';
import { ratingPoints } from './scale.js';
import type { Question, RubricCriterion, TaskSchema, VisibleWhen } from './types.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonSchema = { [key: string]: JsonValue };

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** A standalone JSON Schema for one question's answer. */
export function answerJsonSchema(question: Question): JsonSchema {
  return { $schema: JSON_SCHEMA_DIALECT, title: question.id, ...answerShape(question) };
}

/**
 * A JSON Schema for a whole normalised answer set. Conditional visibility becomes `if`/`then`/`else`: when the
 * condition holds the question is allowed (and required if it is), otherwise it must be absent. An absent
 * target fails the `if`, so hiding cascades as it does in `validateAnswers`.
 */
export function answerSetJsonSchema(schema: TaskSchema): JsonSchema {
  const properties: Record<string, JsonValue> = {};
  const required: string[] = [];
  const conditions: JsonValue[] = [];
  const byId = new Map(schema.questions.map((q) => [q.id, q]));
  for (const question of schema.questions) {
    const shape = answerShape(question);
    const note = typeof shape.description === 'string' ? `\n\n${shape.description}` : '';
    properties[question.id] = { title: question.id, ...shape, description: question.prompt + note };
    const condition = question.visibleWhen;
    if (condition === undefined) {
      if (question.required) required.push(question.id);
      continue;
    }
    const target = byId.get(condition.question);
    conditions.push({
      if: {
        properties: { [condition.question]: conditionMatch(condition, target?.type === 'multi_label') },
        required: [condition.question],
      },
      then: question.required ? { required: [question.id] } : true,
      else: { not: { required: [question.id] } },
    });
  }
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: 'answers',
    description: 'Answers keyed by question id, as accepted and normalised by Assay',
    type: 'object',
    properties,
    required,
    additionalProperties: false,
    ...(conditions.length > 0 ? { allOf: conditions } : {}),
  };
}

function conditionMatch(condition: VisibleWhen, isMultiLabel: boolean): JsonSchema {
  const values: JsonValue[] = condition.in ?? (condition.equals === undefined ? [] : [condition.equals]);
  return isMultiLabel ? { type: 'array', contains: { enum: values } } : { enum: values };
}

function answerShape(question: Question): JsonSchema {
  switch (question.type) {
    case 'label':
      return { type: 'string', enum: question.options.map((o) => o.value) };
    case 'multi_label':
      return {
        type: 'array',
        items: { type: 'string', enum: question.options.map((o) => o.value) },
        uniqueItems: true,
        minItems: question.minSelected,
        maxItems: question.maxSelected,
      };
    case 'span':
      return {
        type: 'array',
        description:
          `Spans over item field "${question.field}": UTF-16 offsets, end exclusive, end <= text length; ` +
          `sorted by start, end${question.allowOverlap ? '' : '; no two overlap'}`,
        items: {
          type: 'object',
          properties: {
            start: { type: 'integer', minimum: 0 },
            end: { type: 'integer', minimum: 1 },
            label: { type: 'string', enum: question.labels.map((l) => l.value) },
          },
          required: ['start', 'end', 'label'],
          additionalProperties: false,
        },
        minItems: question.minSpans,
        ...(question.maxSpans === undefined ? {} : { maxItems: question.maxSpans }),
      };
    case 'rating':
      return question.step === 1
        ? { type: 'integer', minimum: question.min, maximum: question.max }
        : { type: 'integer', enum: ratingPoints(question) };
    case 'pairwise':
      return {
        type: 'integer',
        description: 'Negative prefers left, positive prefers right, 0 is a tie; the magnitude is the strength',
        minimum: question.scale.min,
        maximum: question.scale.max,
        ...(question.allowTie ? {} : { not: { const: 0 } }),
      };
    case 'ranking':
      return {
        type: 'array',
        description: `Indices into item field "${question.field}", best first; each index exactly once`,
        items: { type: 'integer', minimum: 0 },
        uniqueItems: true,
        minItems: question.minItems,
      };
    case 'rubric':
      return rubricShape(question.criteria, question.comments);
    case 'text':
      return {
        type: 'string',
        description: `Kept as written; ${question.minLength} to ${question.maxLength} characters after trimming`,
        pattern: '\\S',
        ...(question.minLength > 0 ? { minLength: question.minLength } : {}),
      };
    case 'conversation': {
      const turn = (role: string): JsonSchema => ({
        type: 'object',
        properties: {
          role: { const: role },
          content: { type: 'string', pattern: '\\S' },
        },
        required: ['role', 'content'],
        additionalProperties: false,
      });
      const prefixItems: JsonValue[] = [];
      for (let i = 0; i < question.maxTurns; i++) prefixItems.push(turn(roleOfTurn(question.role, i)));
      return {
        type: 'array',
        description:
          `New turns, alternating roles starting with "${question.role}"; ` +
          `each at most ${question.maxLength} characters after trimming`,
        prefixItems,
        items: false,
        minItems: question.minTurns,
        maxItems: question.maxTurns,
      };
    }
  }
}

function rubricShape(criteria: RubricCriterion[], comments: boolean): JsonSchema {
  const scores: Record<string, JsonValue> = {};
  const notes: Record<string, JsonValue> = {};
  for (const c of criteria) {
    scores[c.id] = { type: 'integer', minimum: c.min, maximum: c.max, title: c.label };
    notes[c.id] = { type: 'string', maxLength: MAX_RUBRIC_COMMENT_LENGTH };
  }
  const ids = criteria.map((c) => c.id);
  return {
    type: 'object',
    properties: {
      scores: { type: 'object', properties: scores, required: ids, additionalProperties: false },
      ...(comments ? { comments: { type: 'object', properties: notes, additionalProperties: false } } : {}),
    },
    required: ['scores'],
    additionalProperties: false,
  };
}
