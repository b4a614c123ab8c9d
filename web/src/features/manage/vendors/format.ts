/**
 * Words and numbers of the Vendors tab, kept apart from the components so they are tested on hand-made responses:
 * money from integer minor units (the currency's own number of decimals, via Intl.NumberFormat), and the
 * head-to-head as one plain sentence a buyer can quote ("Experts are 22 points more accurate than Crowd on the 200
 * gold items both labeled (95% interval 15 to 29; McNemar's exact test p < 0.001)").
 */
import type { HeadToHeadView } from './types';

/** Integer minor units as money in the reader's locale: 1234 USD is "$12.34", 1234 JPY "¥1,234". */
export function formatMinor(minor: number, currency: string): string {
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

export const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Percentage points, whole: 0.2249 → 22. */
const points = (x: number) => Math.round(x * 100);

/** A two-sided p-value as a reader expects it: "p < 0.001", "p = 0.004", "p = 0.31". */
export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  if (p < 0.01) return `p = ${p.toFixed(3)}`;
  return `p = ${p.toFixed(2)}`;
}

/** The test's name as the response gives it, without its parenthesised gloss. */
export const testName = (method: string) => method.replace(/\s*\(.*$/, '').replace(/(,| with ).*$/, '');

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * The head-to-head in one sentence. Paired on the gold items both vendors judged when there are any; otherwise the
 * independent comparison of all their gold judgments. Says so when there is nothing to compare.
 */
export function describeHeadToHead(v: HeadToHeadView): string {
  const usePaired = v.paired.items > 0 && v.paired.difference !== null;
  const c = usePaired ? v.paired : v.independent;
  const a = v.a.name;
  const b = v.b.name;
  if (c.difference === null) {
    return `${a} and ${b} cannot be compared yet: neither has gold judgments the other can be set against.`;
  }
  const basis = usePaired
    ? `on the ${plural(v.paired.items, 'gold item')} both labeled`
    : `on ${plural(v.independent.nA, 'gold judgment')} by ${a} and ${plural(v.independent.nB, 'gold judgment')} by ${b}, none on a gold item both labeled`;
  const d = points(c.difference);
  const claim =
    d === 0 ? `${a} and ${b} are equally accurate` : d > 0 ? `${a} are ${plural(d, 'point')} more accurate than ${b}` : `${a} are ${plural(-d, 'point')} less accurate than ${b}`;
  const level = Math.round(v.level * 100);
  const parts: string[] = [];
  if (c.lower !== null && c.upper !== null) parts.push(`${level}% interval ${points(c.lower)} to ${points(c.upper)}`);
  const test = testName(c.method.test);
  parts.push(c.pValue === null ? `${test}: no p-value` : `${test} ${formatP(c.pValue)}`);
  return `${claim} ${basis} (${parts.join('; ')}).`;
}
