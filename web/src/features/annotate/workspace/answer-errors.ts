/**
 * Where a validation error belongs. The shared `validateAnswers` (in the browser) and the API (on submit) name the
 * offending input in `field`: `answers.<questionId>` or deeper (`answers.entities[2].end`), sometimes after a
 * prefix (`line 3: answers.x`). The workspace shows the message on that question; anything else (the item itself,
 * a lease, the network) is a message for the whole task.
 */
export interface PlacedErrors {
  /** Message per question id. */
  byQuestion: Record<string, string>;
  /** A message that belongs to no single question. */
  general: string | null;
}

const ANSWER_FIELD = /(?:^|[\s:])answers\.([A-Za-z0-9_-]+)/;

/** The question id a `field` points into, when it is one of `questionIds`. */
export function questionOfField(field: string | undefined | null, questionIds: readonly string[]): string | null {
  if (!field) return null;
  const id = ANSWER_FIELD.exec(field)?.[1];
  return id !== undefined && questionIds.includes(id) ? id : null;
}

/** Places an error thrown by `validateAnswers` or returned by the API (both carry `message` and `field`). */
export function placeError(error: unknown, questionIds: readonly string[]): PlacedErrors {
  const message = error instanceof Error ? error.message : String(error);
  const field = (error as { field?: unknown } | null)?.field;
  const id = questionOfField(typeof field === 'string' ? field : null, questionIds);
  return id === null ? { byQuestion: {}, general: message } : { byQuestion: { [id]: message }, general: null };
}
