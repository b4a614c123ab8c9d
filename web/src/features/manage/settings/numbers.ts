/**
 * The settings forms keep what the user typed (strings) and parse it only to check and send it, so a half-typed
 * "0." never jumps to "0". Shares (0..1) are shown and typed as percentages; these turn one into the other and say
 * what is wrong in words a manager reads next to the field.
 */

/** A share 0..1 as a percentage string without float noise: 0.125 → "12.5". */
export function percentText(share: number | null | undefined): string {
  if (share === null || share === undefined) return '';
  return String(Math.round(share * 1000) / 10);
}

/** "12.5" → 0.125, or a problem. `above` excludes its bound (τ > 50%, a threshold > 0%). */
export function parsePercent(text: string, range: { min: number; max: number; above?: boolean }): { share: number } | { problem: string } {
  const n = Number(text);
  const lowOk = range.above ? n > range.min : n >= range.min;
  if (text.trim() === '' || !Number.isFinite(n) || !lowOk || n > range.max) {
    return { problem: range.above ? `A percentage above ${range.min} and up to ${range.max}` : `A percentage from ${range.min} to ${range.max}` };
  }
  return { share: n / 100 };
}

/** A whole number within min..max, or a problem. */
export function parseWhole(text: string, min: number, max: number): { value: number } | { problem: string } {
  const n = Number(text);
  if (!/^\s*-?\d+\s*$/.test(text) || n < min || n > max) return { problem: `A whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}` };
  return { value: n };
}

/** The problem of a parse that failed, for the field that shows it. */
export const problemOf = (parsed: { problem: string } | { share: number | null } | { value: number }): string | undefined => ('problem' in parsed ? parsed.problem : undefined);

/** "1 gold item", "5 gold items". */
export const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
