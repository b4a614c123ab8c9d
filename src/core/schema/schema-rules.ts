/**
 * The meaning rules of a task schema, checked after zod has checked its shape: what one property says about
 * another (min < max, unique values, a condition on an earlier question). Each error names the question, the
 * rule and the exact field.
 */
import { formatPath } from './field-path.js';
import { questionFieldsRead } from './item-fields.js';
import type { FieldKind, FieldRole } from './item-fields.js';
import { listValues, questionError, show } from './messages.js';
import { countPoints, isOnScale, pairwisePoints, parsePointKey, ratingPoints } from './scale.js';
import { SCHEMA_LIMITS } from './schema-input.js';
import type { ConditionValue, Question, TaskSchema } from './types.js';

/** Throws `invalid` for the first broken rule, in question order. */
export function checkSchemaRules(schema: TaskSchema): void {
  const indexById = new Map<string, number>();
  for (const [i, question] of schema.questions.entries()) {
    const earlier = indexById.get(question.id);
    if (earlier !== undefined) {
      throw questionError(question, `id must be unique; "${question.id}" is also the id of questions[${earlier}]`, at(i, 'id'));
    }
    indexById.set(question.id, i);
  }
  for (const [i, question] of schema.questions.entries()) {
    checkVisibleWhen(schema, i, indexById);
    checkTypeRules(question, (...segments) => at(i, ...segments));
  }
  checkFieldKindsAgree(schema);
}

type At = (...segments: (string | number)[]) => string;
const at = (index: number, ...segments: (string | number)[]) => formatPath(['questions', index, ...segments]);

/** Question types whose answer is a single comparable value (or, for multi_label, a set of them). */
const CONDITION_TARGETS = ['label', 'multi_label', 'rating', 'pairwise'] as const;

function checkVisibleWhen(schema: TaskSchema, index: number, indexById: Map<string, number>): void {
  const question = schema.questions[index] as Question;
  const condition = question.visibleWhen;
  if (condition === undefined) return;
  const field = at(index, 'visibleWhen');
  if ((condition.equals === undefined) === (condition.in === undefined)) {
    throw questionError(question, 'visibleWhen must set exactly one of "equals" and "in"', field);
  }
  const targetIndex = indexById.get(condition.question);
  if (targetIndex === undefined) {
    throw questionError(question, `visibleWhen refers to unknown question "${condition.question}"`, `${field}.question`);
  }
  if (targetIndex >= index) {
    // Only earlier questions, so visibility resolves in one pass and conditions can never form a cycle.
    const where = targetIndex === index ? 'the question itself' : `questions[${targetIndex}], which comes later`;
    throw questionError(question, `visibleWhen must refer to an earlier question; "${condition.question}" is ${where}`, `${field}.question`);
  }
  const target = schema.questions[targetIndex] as Question;
  if (!(CONDITION_TARGETS as readonly string[]).includes(target.type)) {
    throw questionError(
      question,
      `visibleWhen can only refer to a ${CONDITION_TARGETS.join(', ')} question; "${target.id}" is a ${target.type} question`,
      `${field}.question`,
    );
  }
  const values: [ConditionValue, string][] =
    condition.equals !== undefined ? [[condition.equals, `${field}.equals`]] : (condition.in ?? []).map((v, j) => [v, `${field}.in[${j}]`]);
  const seen = new Set<ConditionValue>();
  for (const [value, valueField] of values) {
    if (seen.has(value)) throw questionError(question, `visibleWhen.in lists ${show(value)} twice`, valueField);
    seen.add(value);
    const problem = conditionValueProblem(target, value);
    if (problem !== undefined) throw questionError(question, `visibleWhen value ${show(value)} ${problem}`, valueField);
  }
}

/** Why `value` can never be an answer of `target`, so a condition on it could never hold. */
function conditionValueProblem(target: Question, value: ConditionValue): string | undefined {
  switch (target.type) {
    case 'label':
    case 'multi_label': {
      const values = target.options.map((o) => o.value);
      return values.includes(value as string) ? undefined : `is not an option of "${target.id}" (${listValues(values)})`;
    }
    case 'rating':
      return ratingPoints(target).includes(value as number)
        ? undefined
        : `is not a point of "${target.id}" (${target.min}..${target.max}${target.step === 1 ? '' : ` step ${target.step}`})`;
    case 'pairwise':
      return pairwisePoints(target).includes(value as number)
        ? undefined
        : `is not a point of "${target.id}" (${target.scale.min}..${target.scale.max}${target.allowTie ? '' : ', no tie'})`;
    default:
      return 'cannot be compared';
  }
}

function checkTypeRules(question: Question, at: At): void {
  switch (question.type) {
    case 'label':
    case 'multi_label':
      checkUnique(question, question.options.map((o) => o.value), 'options must have unique values', (j) => at('options', j, 'value'));
      if (question.type === 'multi_label') {
        const count = question.options.length;
        if (question.minSelected > count) {
          throw questionError(question, `minSelected (${question.minSelected}) must not exceed the number of options (${count})`, at('minSelected'));
        }
        if (question.maxSelected > count) {
          throw questionError(question, `maxSelected (${question.maxSelected}) must not exceed the number of options (${count})`, at('maxSelected'));
        }
        if (question.minSelected > question.maxSelected) {
          throw questionError(question, `minSelected (${question.minSelected}) must not exceed maxSelected (${question.maxSelected})`, at('minSelected'));
        }
      }
      return;
    case 'span':
      checkUnique(question, question.labels.map((l) => l.value), 'labels must have unique values', (j) => at('labels', j, 'value'));
      if (question.maxSpans !== undefined && question.maxSpans < question.minSpans) {
        throw questionError(question, `maxSpans (${question.maxSpans}) must be at least minSpans (${question.minSpans})`, at('maxSpans'));
      }
      return;
    case 'rating':
      checkScale(question, question.min, question.max, question.step, at, []);
      checkPointLabels(question, question.labels, (p) => isOnScale(p, question.min, question.max, question.step), at);
      return;
    case 'pairwise': {
      const { min, max } = question.scale;
      if (max < 1 || min !== -max) {
        throw questionError(question, `scale must be symmetric around 0 with max at least 1, e.g. {min: -3, max: 3}; got {min: ${min}, max: ${max}}`, at('scale'));
      }
      checkScale(question, min, max, 1, at, ['scale']);
      if (question.left === question.right) {
        throw questionError(question, `left and right must be different item fields; both are "${question.left}"`, at('right'));
      }
      checkPointLabels(question, question.labels, (p) => isOnScale(p, min, max) && (p !== 0 || question.allowTie), at);
      return;
    }
    case 'rubric':
      checkUnique(question, question.criteria.map((c) => c.id), 'criteria must have unique ids', (j) => at('criteria', j, 'id'));
      for (const [j, criterion] of question.criteria.entries()) {
        if (!(criterion.weight > 0)) {
          throw questionError(question, `criteria[${j}] ("${criterion.id}"): weight must be greater than 0; got ${criterion.weight}`, at('criteria', j, 'weight'));
        }
        checkScale(question, criterion.min, criterion.max, 1, at, ['criteria', j], `criteria[${j}] ("${criterion.id}"): `);
      }
      return;
    case 'text':
      if (question.minLength > question.maxLength) {
        throw questionError(question, `minLength (${question.minLength}) must not exceed maxLength (${question.maxLength})`, at('minLength'));
      }
      return;
    case 'conversation':
      if (question.minTurns > question.maxTurns) {
        throw questionError(question, `minTurns (${question.minTurns}) must not exceed maxTurns (${question.maxTurns})`, at('minTurns'));
      }
      return;
    case 'ranking':
      return; // its shape rules (minItems >= 2) are all in zod
  }
}

function checkUnique(question: Question, values: string[], rule: string, fieldOf: (index: number) => string): void {
  const seen = new Set<string>();
  for (const [j, value] of values.entries()) {
    if (seen.has(value)) throw questionError(question, `${rule}; ${show(value)} appears twice`, fieldOf(j));
    seen.add(value);
  }
}

/** min < max, an even number of steps, and few enough points to show as buttons. */
function checkScale(question: Question, min: number, max: number, step: number, at: At, path: (string | number)[], lead = ''): void {
  if (min >= max) throw questionError(question, `${lead}min (${min}) must be less than max (${max})`, at(...path, 'max'));
  if ((max - min) % step !== 0) {
    throw questionError(question, `${lead}max - min (${max - min}) must be a multiple of step (${step})`, at(...path, 'step'));
  }
  const points = countPoints(min, max, step);
  if (points > SCHEMA_LIMITS.scalePoints) {
    throw questionError(question, `${lead}the scale has ${points} points; at most ${SCHEMA_LIMITS.scalePoints} are allowed`, at(...path, 'max'));
  }
}

function checkPointLabels(question: Question, labels: Record<string, string> | undefined, isPoint: (p: number) => boolean, at: At): void {
  for (const key of Object.keys(labels ?? {})) {
    const point = parsePointKey(key);
    if (point === undefined) throw questionError(question, `labels key ${show(key)} must be an integer such as "3" or "-2"`, at('labels', key));
    if (!isPoint(point)) throw questionError(question, `labels key ${show(key)} is not a point an annotator can choose`, at('labels', key));
  }
}

/** A field one question needs as a string and another as a dialogue could satisfy neither; say so now, not at import. */
function checkFieldKindsAgree(schema: TaskSchema): void {
  const firstUse = new Map<string, { kind: FieldKind; question: Question }>();
  for (const [i, question] of schema.questions.entries()) {
    for (const read of questionFieldsRead(question)) {
      const first = firstUse.get(read.path);
      if (first === undefined) {
        firstUse.set(read.path, { kind: read.kind, question });
      } else if (!kindsAgree(first.kind, read.kind)) {
        throw questionError(
          question,
          `reads item field "${read.path}" as ${KIND_NAMES[read.kind]}, but "${first.question.id}" reads it as ${KIND_NAMES[first.kind]}`,
          at(i, PROPERTY_OF_ROLE[read.role]),
        );
      } else if (first.kind === 'text_or_dialogue') {
        firstUse.set(read.path, { kind: read.kind, question });
      }
    }
  }
}

function kindsAgree(a: FieldKind, b: FieldKind): boolean {
  if (a === b) return true;
  const flexible = (k: FieldKind, other: FieldKind) => k === 'text_or_dialogue' && (other === 'text' || other === 'dialogue');
  return flexible(a, b) || flexible(b, a);
}

const KIND_NAMES: Record<FieldKind, string> = {
  text: 'a string',
  dialogue: 'a dialogue',
  text_or_dialogue: 'a string or dialogue',
  candidates: 'a list of candidates',
};

const PROPERTY_OF_ROLE: Record<FieldRole, string> = {
  context: 'field',
  text: 'field',
  prompt: 'promptField',
  left: 'left',
  right: 'right',
  candidates: 'field',
  dialogue: 'field',
};
