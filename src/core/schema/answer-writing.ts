/**
 * Answers the annotator writes: `text` and `conversation`. Text is kept exactly as written (whitespace can be
 * part of a demonstration, e.g. code), but lengths are measured after trimming so padding cannot meet a minimum.
 * Lengths count UTF-16 code units, as the browser's `maxlength` does.
 */
import { answerError, findUnknownKey } from './answer-context.js';
import type { AnswerContext } from './answer-context.js';
import { isPlainObject } from './field-path.js';
import { show } from './messages.js';
import type { ConversationQuestion, DialogueTurn, TextQuestion, WriterRole } from './types.js';

export function checkTextAnswer(question: TextQuestion, value: unknown, context: AnswerContext): string {
  if (typeof value !== 'string') throw answerError(question, context, `answer must be a string; got ${show(value)}`);
  const length = value.trim().length;
  if (length < question.minLength) {
    throw answerError(question, context, `answer must have at least ${question.minLength} characters (after trimming); got ${length}`);
  }
  if (length > question.maxLength) {
    throw answerError(question, context, `answer must have at most ${question.maxLength} characters (after trimming); got ${length}`);
  }
  return value;
}

/** The turns an annotator wrote: roles alternate between user and assistant, starting with the question's role. */
export function checkConversationAnswer(question: ConversationQuestion, value: unknown, context: AnswerContext): DialogueTurn[] {
  const fail = (rule: string, ...at: (string | number)[]) => answerError(question, context, rule, ...at);
  if (!Array.isArray(value)) throw fail(`answer must be an array of {role, content} turns; got ${show(value)}`);
  if (value.length < question.minTurns) throw fail(`write at least ${question.minTurns} turn(s); got ${value.length}`);
  if (value.length > question.maxTurns) throw fail(`write at most ${question.maxTurns} turn(s); got ${value.length}`);
  return value.map((turn, i): DialogueTurn => {
    if (!isPlainObject(turn)) throw fail(`answer[${i}] must be a {role, content} object; got ${show(turn)}`, i);
    const unknown = findUnknownKey(turn, ['role', 'content']);
    if (unknown !== undefined) throw fail(`answer[${i}] has unknown property "${unknown}"`, i, unknown);
    const role = roleOfTurn(question.role, i);
    if (turn.role !== role) {
      throw fail(`answer[${i}].role must be "${role}" (turns alternate, starting with "${question.role}"); got ${show(turn.role)}`, i, 'role');
    }
    const { content } = turn;
    if (typeof content !== 'string') throw fail(`answer[${i}].content must be a string; got ${show(content)}`, i, 'content');
    const length = content.trim().length;
    if (length === 0) throw fail(`answer[${i}].content must not be blank`, i, 'content');
    if (length > question.maxLength) {
      throw fail(`answer[${i}].content must have at most ${question.maxLength} characters (after trimming); got ${length}`, i, 'content');
    }
    return { role, content };
  });
}

/** The role of the `index`-th written turn. */
export function roleOfTurn(first: WriterRole, index: number): WriterRole {
  const other: WriterRole = first === 'user' ? 'assistant' : 'user';
  return index % 2 === 0 ? first : other;
}
