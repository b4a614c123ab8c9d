/**
 * Which item fields each question reads and what shape it needs there. Item validation, answer validation
 * (span offsets, ranking length) and the UI description all take this one list, so they cannot disagree.
 */
import type { Question, TaskSchema } from './types.js';

/**
 * The shape a field must have:
 * - `text`: a string;
 * - `dialogue`: an array of `{ role: 'user' | 'assistant' | 'system', content: string }` turns;
 * - `text_or_dialogue`: either (context shown beside a question may be a reply or a whole conversation);
 * - `candidates`: an array of strings or of `{ id, text }` objects, to be ranked.
 */
export const FIELD_KINDS = ['text', 'dialogue', 'text_or_dialogue', 'candidates'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Why a question reads a field, so the UI knows where to put it. */
export const FIELD_ROLES = ['context', 'text', 'prompt', 'left', 'right', 'candidates', 'dialogue'] as const;
export type FieldRole = (typeof FIELD_ROLES)[number];

/** One item field a question reads. */
export interface FieldRead {
  /** Dotted path into the item's data. */
  path: string;
  kind: FieldKind;
  role: FieldRole;
  /** For `candidates`: the fewest elements the array must have. */
  minItems?: number;
}

/** The item fields one question reads, in the order the UI shows them. */
export function questionFieldsRead(question: Question): FieldRead[] {
  const context = (path: string | undefined): FieldRead[] =>
    path === undefined ? [] : [{ path, kind: 'text_or_dialogue', role: 'context' }];
  switch (question.type) {
    case 'label':
    case 'multi_label':
    case 'rating':
    case 'rubric':
    case 'text':
      return context(question.field);
    case 'span':
      return [{ path: question.field, kind: 'text', role: 'text' }];
    case 'pairwise':
      return [
        ...(question.promptField === undefined
          ? []
          : [{ path: question.promptField, kind: 'text_or_dialogue', role: 'prompt' } as const]),
        { path: question.left, kind: 'text', role: 'left' },
        { path: question.right, kind: 'text', role: 'right' },
      ];
    case 'ranking':
      return [{ path: question.field, kind: 'candidates', role: 'candidates', minItems: question.minItems }];
    case 'conversation':
      return [{ path: question.field, kind: 'dialogue', role: 'dialogue' }];
  }
}

/** Every item field path the schema reads, each once, in question order. */
export function itemFieldsRead(schema: TaskSchema): string[] {
  const paths = new Set<string>();
  for (const question of schema.questions) for (const read of questionFieldsRead(question)) paths.add(read.path);
  return [...paths];
}
