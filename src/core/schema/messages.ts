/**
 * Error wording shared by schema, item and answer checks, so every message names the question and the rule the
 * same way: `Question "sentiment" (label): options must have unique values; "pos" appears twice`.
 */
import { invalid } from '../errors.js';
import type { AssayError } from '../errors.js';

/** An `invalid` error about one question; `field` is where the offending input is. */
export function questionError(question: { id: string; type: string }, rule: string, field: string): AssayError {
  return invalid(`${questionName(question)}: ${rule}`, field);
}

/** `Question "sentiment" (label)`: how every message refers to a question. */
export function questionName(question: { id: string; type: string }): string {
  return `Question "${question.id}" (${question.type})`;
}

/** A short rendering of a value for messages: strings quoted, containers named by kind, long text cut. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `"a", "b", "c"`, or the first ten and a count, so a 500-option taxonomy does not flood a message. */
export function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 10).map(show).join(', ');
  return values.length > 10 ? `${shown} and ${values.length - 10} more` : shown;
}
