/**
 * The meaning rules of a task schema, checked after zod has checked its shape: what one property says about
 * another (min < max, unique values, a condition on an earlier question). Each error names the question, the
 * rule and the exact field.
 */
import type { AssayError } from '../errors.js';
import { formatPath } from './field-path.js';
import { questionFieldsRead } from './item-fields.js';
import type { FieldKind, FieldRole } from './item-fields.js';
import { listValues, questionError, show } from './messages.js';
import { countPoints, isOnScale, pairwisePoints, parsePointKey, ratingPoints } from './scale.js';
import { SCHEMA_LIMITS } from './schema-input.js';
import type { ConditionValue, Question, TaskSchema } from './types.js';

/** Reports a broken rule of one question at `segments` below it (e.g. `'options', 3, 'value'`). */
type Fail = (rule: string, ...segments: (string | number)[]) => AssayError;

/** Throws `invalid` for the first broken rule, in question order. */
export function checkSchemaRules(schema: TaskSchema): void {
  const failFor =
    (index: number): Fail =>
    (rule, ...segments) =>
      questionError(schema.questions[index] as Question, rule, formatPath(['questions', index, ...segments]));
  const indexById = new Map<string, number>();
  for (const [i, question] of schema.questions.entries()) {
    const earlier = indexById.get(question.id);
    if (earlier !== undefined) {
      throw failFor(i)(`id must be unique; "${question.id}" is also the id of questions[${earlier}]`, 'id');
    }
    indexById.set(question.id, i);
  }
  for (const [i, question] of schema.questions.entries()) {
    checkVisibleWhen(schema, i, indexById, failFor(i));
    checkTypeRules(question, failFor(i));
  }
  checkFieldKindsAgree(schema, failFor);
}

/** Question types whose answer is a single comparable value (or, for multi_label, a set of them). */
const CONDITION_TARGETS = ['label', 'multi_label', 'rating', 'pairwise'] as const;

function checkVisibleWhen(schema: TaskSchema, index: number, indexById: Map<string, number>, fail: Fail): void {
  const condition = schema.questions[index]?.visibleWhen;
  if (condition === undefined) return;
  if ((condition.equals === undefined) === (condition.in === undefined)) {
    throw fail('visibleWhen must set exactly one of "equals" and "in"', 'visibleWhen');
  }
  const targetIndex = indexById.get(condition.question);
  if (targetIndex === undefined) {
    throw fail(`visibleWhen refers to unknown question "${condition.question}"`, 'visibleWhen', 'question');
  }
  if (targetIndex >= index) {
    // Only earlier questions, so visibility resolves in one pass and conditions can never form a cycle.
    const where = targetIndex === index ? 'the question itself' : `questions[${targetIndex}], which comes later`;
    throw fail(`visibleWhen must refer to an earlier question; "${condition.question}" is ${where}`, 'visibleWhen', 'question');
  }
  const target = schema.questions[targetIndex] as Question;
  if (!(CONDITION_TARGETS as readonly string[]).includes(target.type)) {
    throw fail(
      `visibleWhen can only refer to a ${CONDITION_TARGETS.join(', ')} question; "${target.id}" is a ${target.type} question`,
      'visibleWhen',
      'question',
    );
  }
  const values: [ConditionValue, (string | number)[]][] =
    condition.equals !== undefined
      ? [[condition.equals, ['visibleWhen', 'equals']]]
      : (condition.in ?? []).map((value, j) => [value, ['visibleWhen', 'in', j]]);
  const seen = new Set<ConditionValue>();
  for (const [value, at] of values) {
    if (seen.has(value)) throw fail(`visibleWhen.in lists ${show(value)} twice`, ...at);
    seen.add(value);
    const problem = conditionValueProblem(target, value);
    if (problem !== undefined) throw fail(`visibleWhen value ${show(value)} ${problem}`, ...at);
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
    case 'rating': {
      const step = target.step === 1 ? '' : ` step ${target.step}`;
      const isPoint = ratingPoints(target).includes(value as number);
      return isPoint ? undefined : `is not a point of "${target.id}" (${target.min}..${target.max}${step})`;
    }
    case 'pairwise': {
      const tie = target.allowTie ? '' : ', no tie';
      const isPoint = pairwisePoints(target).includes(value as number);
      return isPoint ? undefined : `is not a point of "${target.id}" (${target.scale.min}..${target.scale.max}${tie})`;
    }
    default:
      return 'cannot be compared';
  }
}

function checkTypeRules(question: Question, fail: Fail): void {
  switch (question.type) {
    case 'label':
      checkUnique(question.options.map((o) => o.value), 'options must have unique values', fail, 'options', 'value');
      return;
    case 'multi_label': {
      checkUnique(question.options.map((o) => o.value), 'options must have unique values', fail, 'options', 'value');
      const { minSelected: min, maxSelected: max } = question;
      const count = question.options.length;
      if (min > count) throw fail(`minSelected (${min}) must not exceed the number of options (${count})`, 'minSelected');
      if (max > count) throw fail(`maxSelected (${max}) must not exceed the number of options (${count})`, 'maxSelected');
      if (min > max) throw fail(`minSelected (${min}) must not exceed maxSelected (${max})`, 'minSelected');
      return;
    }
    case 'span':
      checkUnique(question.labels.map((l) => l.value), 'labels must have unique values', fail, 'labels', 'value');
      if (question.maxSpans !== undefined && question.maxSpans < question.minSpans) {
        throw fail(`maxSpans (${question.maxSpans}) must be at least minSpans (${question.minSpans})`, 'maxSpans');
      }
      return;
    case 'rating': {
      const { min, max, step } = question;
      checkScale(min, max, step, fail, []);
      checkPointLabels(question.labels, (p) => isOnScale(p, min, max, step), fail);
      return;
    }
    case 'pairwise': {
      const { min, max } = question.scale;
      if (max < 1 || min !== -max) {
        const example = '{min: -3, max: 3}';
        throw fail(`scale must be symmetric around 0 with max at least 1, e.g. ${example}; got {min: ${min}, max: ${max}}`, 'scale');
      }
      checkScale(min, max, 1, fail, ['scale']);
      if (question.left === question.right) {
        throw fail(`left and right must be different item fields; both are "${question.left}"`, 'right');
      }
      checkPointLabels(question.labels, (p) => isOnScale(p, min, max) && (p !== 0 || question.allowTie), fail);
      return;
    }
    case 'rubric':
      checkUnique(question.criteria.map((c) => c.id), 'criteria must have unique ids', fail, 'criteria', 'id');
      for (const [j, { id, weight, min, max }] of question.criteria.entries()) {
        const lead = `criteria[${j}] ("${id}"): `;
        if (!(weight > 0)) throw fail(`${lead}weight must be greater than 0; got ${weight}`, 'criteria', j, 'weight');
        checkScale(min, max, 1, fail, ['criteria', j], lead);
      }
      return;
    case 'text':
      if (question.minLength > question.maxLength) {
        throw fail(`minLength (${question.minLength}) must not exceed maxLength (${question.maxLength})`, 'minLength');
      }
      return;
    case 'conversation':
      if (question.minTurns > question.maxTurns) {
        throw fail(`minTurns (${question.minTurns}) must not exceed maxTurns (${question.maxTurns})`, 'minTurns');
      }
      return;
    case 'ranking':
      return; // its only rule (minItems >= 2) is a shape rule, in zod
  }
}

/** Reports the second occurrence, at `list[j].key`, since that is the entry to fix. */
function checkUnique(values: string[], rule: string, fail: Fail, list: string, key: string): void {
  const seen = new Set<string>();
  for (const [j, value] of values.entries()) {
    if (seen.has(value)) throw fail(`${rule}; ${show(value)} appears twice`, list, j, key);
    seen.add(value);
  }
}

/** min < max, a whole number of steps, and few enough points to show as buttons. */
function checkScale(min: number, max: number, step: number, fail: Fail, at: (string | number)[], lead = ''): void {
  if (min >= max) throw fail(`${lead}min (${min}) must be less than max (${max})`, ...at, 'max');
  if ((max - min) % step !== 0) throw fail(`${lead}max - min (${max - min}) must be a multiple of step (${step})`, ...at, 'step');
  const points = countPoints(min, max, step);
  if (points > SCHEMA_LIMITS.scalePoints) {
    throw fail(`${lead}the scale has ${points} points; at most ${SCHEMA_LIMITS.scalePoints} are allowed`, ...at, 'max');
  }
}

function checkPointLabels(labels: Record<string, string> | undefined, isPoint: (p: number) => boolean, fail: Fail): void {
  for (const key of Object.keys(labels ?? {})) {
    const point = parsePointKey(key);
    if (point === undefined) throw fail(`labels key ${show(key)} must be an integer such as "3" or "-2"`, 'labels', key);
    if (!isPoint(point)) throw fail(`labels key ${show(key)} is not a point an annotator can choose`, 'labels', key);
  }
}

/** A field one question needs as a string and another as a dialogue could satisfy neither; say so now, not at import. */
function checkFieldKindsAgree(schema: TaskSchema, failFor: (index: number) => Fail): void {
  const firstUse = new Map<string, { kind: FieldKind; question: Question }>();
  for (const [i, question] of schema.questions.entries()) {
    for (const read of questionFieldsRead(question)) {
      const first = firstUse.get(read.path);
      if (first === undefined || (first.kind === 'text_or_dialogue' && kindsAgree(first.kind, read.kind))) {
        // Keep the strictest reading seen so far, so a later conflict is reported against it.
        firstUse.set(read.path, { kind: read.kind, question });
      } else if (!kindsAgree(first.kind, read.kind)) {
        const [mine, theirs] = [KIND_NAMES[read.kind], KIND_NAMES[first.kind]];
        throw failFor(i)(
          `reads item field "${read.path}" as ${mine}, but "${first.question.id}" reads it as ${theirs}`,
          PROPERTY_OF_ROLE[read.role],
        );
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

/** The schema property that names a field read in each role, for the error's `field`. */
const PROPERTY_OF_ROLE: Record<FieldRole, string> = {
  context: 'field',
  text: 'field',
  prompt: 'promptField',
  left: 'left',
  right: 'right',
  candidates: 'field',
  dialogue: 'field',
};
