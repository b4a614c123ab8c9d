/**
 * What every answer check receives: the item (span offsets and ranking length depend on it) and where the
 * answer sits in the submitted payload, so errors can point below the answer (`answers.entities[2].end`).
 */
import type { AssayError } from '../errors.js';
import { formatPath } from './field-path.js';
import { questionError } from './messages.js';
import type { ItemData, Question } from './types.js';

export interface AnswerContext {
  /** The item's data, already checked by `validateItem`. */
  data: ItemData;
  /** Path of the answer in the payload, e.g. `['answers', 'entities']`. */
  path: (string | number)[];
}

/** An error about the answer of `question`, at `segments` below the answer. */
export function answerError(question: Question, context: AnswerContext, rule: string, ...segments: (string | number)[]): AssayError {
  return questionError(question, rule, formatPath([...context.path, ...segments]));
}

/** The first key of `value` not in `allowed`, so a misspelt property (`lable`) is reported, not dropped. */
export function findUnknownKey(value: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  return Object.keys(value).find((key) => !allowed.includes(key));
}
