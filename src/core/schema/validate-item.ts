/**
 * Item validation at import: every field a question reads exists and has the shape that question needs, so a
 * bad row is rejected with its field named instead of breaking the annotator's screen later.
 */
import { invalid } from '../errors.js';
import { formatPath, isPlainObject, readFieldPath } from './field-path.js';
import { questionFieldsRead } from './item-fields.js';
import type { FieldKind, FieldRead, FieldRole } from './item-fields.js';
import { listValues, questionError, show } from './messages.js';
import { DIALOGUE_ROLES } from './types.js';
import type { ItemData, Question, TaskSchema } from './types.js';

/**
 * Checks that `data` holds every field the schema reads, in the right shape. Throws `invalid` with `field` like
 * `data.response_a` (or `data.responses[2]` for one bad element) and a message naming the question.
 */
export function validateItem(schema: TaskSchema, data: ItemData): void {
  if (!isPlainObject(data)) throw invalid(`Item data must be a JSON object; got ${show(data)}`, 'data');
  for (const question of schema.questions) {
    for (const read of fieldsReadOf(question)) {
      const lookup = readFieldPath(data, read.path);
      const where = `item field "${read.path}" (${ROLE_NAMES[read.role]})`;
      const field = `data.${read.path}`;
      if (!lookup.found) {
        throw questionError(question, `${where} must be ${kindName(read)}; it is missing`, field);
      }
      const problem = findShapeProblem(read, lookup.value);
      if (problem !== undefined) {
        throw questionError(question, `${where} ${problem.rule}`, field + formatPath(problem.at));
      }
    }
  }
}

/** Parsed schemas are immutable, so what a question reads is computed once per question object. */
const fieldsReadCache = new WeakMap<Question, FieldRead[]>();
function fieldsReadOf(question: Question): FieldRead[] {
  let reads = fieldsReadCache.get(question);
  if (!reads) fieldsReadCache.set(question, (reads = questionFieldsRead(question)));
  return reads;
}

const ROLE_NAMES: Record<FieldRole, string> = {
  context: 'the context shown',
  text: 'the text to mark',
  prompt: 'the prompt',
  left: 'the left candidate',
  right: 'the right candidate',
  candidates: 'the candidates to rank',
  dialogue: 'the dialogue so far',
};

function kindName(read: FieldRead): string {
  const names: Record<FieldKind, string> = {
    text: 'a string',
    dialogue: 'an array of {role, content} turns',
    text_or_dialogue: 'a string or an array of {role, content} turns',
    candidates: `an array of at least ${read.minItems ?? 2} strings or {id, text} objects`,
  };
  return names[read.kind];
}

interface ShapeProblem {
  rule: string;
  /** Segments below the field itself, e.g. `[2, 'role']`. */
  at: (string | number)[];
}

function findShapeProblem(read: FieldRead, value: unknown): ShapeProblem | undefined {
  // Built only on failure: imports validate every row, and formatting the value is the costly part.
  const wrongShape = () => ({ rule: `must be ${kindName(read)}; got ${show(value)}`, at: [] });
  switch (read.kind) {
    case 'text':
      return typeof value === 'string' ? undefined : wrongShape();
    case 'dialogue':
      return Array.isArray(value) ? findDialogueProblem(value) : wrongShape();
    case 'text_or_dialogue':
      if (typeof value === 'string') return undefined;
      return Array.isArray(value) ? findDialogueProblem(value) : wrongShape();
    case 'candidates':
      return Array.isArray(value) ? findCandidatesProblem(value, read.minItems ?? 2) : wrongShape();
  }
}

/** Turns may carry more keys (a name, tool calls); we need only a known role and string content. */
function findDialogueProblem(turns: unknown[]): ShapeProblem | undefined {
  for (const [i, turn] of turns.entries()) {
    if (!isPlainObject(turn)) return { rule: `turn [${i}] must be a {role, content} object; got ${show(turn)}`, at: [i] };
    if (!(DIALOGUE_ROLES as readonly unknown[]).includes(turn.role)) {
      return { rule: `turn [${i}] role must be one of ${listValues(DIALOGUE_ROLES)}; got ${show(turn.role)}`, at: [i, 'role'] };
    }
    if (typeof turn.content !== 'string') {
      return { rule: `turn [${i}] content must be a string; got ${show(turn.content)}`, at: [i, 'content'] };
    }
  }
  return undefined;
}

function findCandidatesProblem(candidates: unknown[], minItems: number): ShapeProblem | undefined {
  if (candidates.length < minItems) {
    return { rule: `must have at least ${minItems} candidates to rank; got ${candidates.length}`, at: [] };
  }
  const ids = new Map<string, number>();
  for (const [i, candidate] of candidates.entries()) {
    if (typeof candidate === 'string') continue;
    if (!isPlainObject(candidate) || typeof candidate.id !== 'string' || typeof candidate.text !== 'string') {
      return { rule: `element [${i}] must be a string or an {id, text} object with string id and text`, at: [i] };
    }
    const earlier = ids.get(candidate.id);
    if (earlier !== undefined) {
      return { rule: `element [${i}] repeats id ${show(candidate.id)} of element [${earlier}]`, at: [i, 'id'] };
    }
    ids.set(candidate.id, i);
  }
  return undefined;
}
