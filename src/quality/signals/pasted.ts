/**
 * Pasted share of an annotation's free text: characters the client saw pasted (client signals `pastedChars`) over
 * the length of its text answers. Capped at 1 (a paste can be edited down afterwards). Null when the annotation has
 * no text to speak of, so a label-only annotation is never "all pasted".
 */

export function pastedShare(pastedChars: number | undefined, textLength: number): number | null {
  if (!(textLength > 0)) return null;
  const pasted = Math.max(0, pastedChars ?? 0);
  return Math.min(1, pasted / textLength);
}

/** The total length (UTF-16 code units, as the browser counts pasted text) of the string answers to `questionIds`. */
export function textLengthOf(answers: Record<string, unknown>, questionIds: readonly string[]): number {
  let n = 0;
  for (const q of questionIds) {
    const v = answers[q];
    if (typeof v === 'string') n += v.length;
  }
  return n;
}
