/**
 * Quality figures in words, shared by the web app and the HTML report so both say the same sentence: money from
 * integer minor units (the currency's own number of decimals, via Intl.NumberFormat), p-values as readers expect
 * them, and the head-to-head of two vendors as one plain sentence a buyer can quote ("Experts are 22 points more
 * accurate than Crowd on the 200 gold items both labeled, from 600 judgments by Experts and 580 by Crowd (95% interval
 * 15 to 29; paired bootstrap-t test p < 0.001)").
 */

/** Money (exact minor units, rounded only when written, sub-cent under 10 ¢): see `money.ts`. */
export { currencyDigits, formatMinor, formatMinorInterval } from './money.js';

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

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** One side of a head-to-head comparison, as the API gives it. */
interface Comparison {
  difference: number | null;
  lower: number | null;
  upper: number | null;
  pValue: number | null;
  method: { test: string };
}

/** What the sentence needs of a head-to-head (the API's view satisfies it). */
export interface HeadToHeadFigures {
  a: { name: string };
  b: { name: string };
  level: number;
  paired: Comparison & { items: number; judgmentsA: number; judgmentsB: number };
  independent: Comparison & { nA: number; nB: number };
}

/**
 * The head-to-head in one sentence. Paired on the gold items both vendors judged when there are any; otherwise the
 * independent comparison of all their gold judgments. Says so when there is nothing to compare.
 */
export function describeHeadToHead(v: HeadToHeadFigures): string {
  const usePaired = v.paired.items > 0 && v.paired.difference !== null;
  const c: Comparison = usePaired ? v.paired : v.independent;
  const a = v.a.name;
  const b = v.b.name;
  if (c.difference === null) {
    return `${a} and ${b} cannot be compared yet: neither has gold judgments the other can be set against.`;
  }
  const basis = usePaired
    ? `on the ${plural(v.paired.items, 'gold item')} both labeled, from ${plural(v.paired.judgmentsA, 'judgment')} by ${a} and ${v.paired.judgmentsB.toLocaleString('en')} by ${b}`
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

/** The currency most of the groups are paid in (the first seen on a tie), or null when none has pay terms. */
export function mostCommonCurrency(groups: readonly { cost: { currency: string } | null }[]): string | null {
  const tally = new Map<string, number>();
  for (const g of groups) if (g.cost) tally.set(g.cost.currency, (tally.get(g.cost.currency) ?? 0) + 1);
  let best: string | null = null;
  for (const [c, n] of tally) if (best === null || n > tally.get(best)!) best = c;
  return best;
}
