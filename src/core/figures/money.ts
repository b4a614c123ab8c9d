/**
 * Money as Assay shows it, everywhere (web app, HTML report, CLI): amounts are carried exact, in fractional minor
 * units (a cost per judgment of 1.74 ¢ is 1.74, not 2), and rounded only here, when written.
 * - At and above 10 minor units, to the currency's own minor unit ("$0.36", "¥1,234").
 * - Under 10 minor units, with up to two more decimals, so a sub-cent difference stays visible: 1.74 ¢ is "$0.0174",
 *   2.82 ¢ "$0.0282", 3 ¢ "$0.03" (trailing zeros beyond the currency's own decimals are dropped).
 * - An interval's ends round outward (lower down, upper up) at the digits of its estimate, so a written interval
 *   always contains its written estimate: [2.5, 3.3] around 2.82 is "$0.025–$0.033", never "$0.03–$0.03" around it.
 * Formats with Intl.NumberFormat (`locale` undefined: the reader's own).
 */

/** How many decimals a currency's minor unit has (USD 2, JPY 0, KWD 3). */
export const currencyDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** Under this many minor units an amount is shown with two more decimals than the currency has. */
export const SUB_MINOR_BELOW = 10;

type Rounding = 'halfExpand' | 'floor' | 'ceil';

/** Decimals (of the major unit) to write an amount of `minor` minor units with. */
export function moneyDigits(minor: number, currency: string): number {
  const digits = currencyDigits(currency);
  return Math.abs(minor) < SUB_MINOR_BELOW ? digits + 2 : digits;
}

function write(minor: number, currency: string, locale: string | undefined, maxDigits: number, roundingMode: Rounding): string {
  const digits = currencyDigits(currency);
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, maxDigits), roundingMode });
  return format.format(minor / 10 ** digits);
}

/** Minor units as money: 1234 USD is "$12.34", 1.74 USD "$0.0174", 1234 JPY "¥1,234". */
export function formatMinor(minor: number, currency: string, locale?: string): string {
  return write(minor, currency, locale, moneyDigits(minor, currency), 'halfExpand');
}

/**
 * An estimate and its interval, written at the estimate's precision with the ends rounded outward; an end that is
 * null is `open` (unbounded) for the upper end and undefined for the lower.
 */
export function formatMinorInterval(
  m: { estimate: number; lower: number | null; upper: number | null },
  currency: string,
  locale?: string,
): { estimate: string; lower: string | null; upper: string | null } {
  const digits = Math.max(moneyDigits(m.estimate, currency), m.lower === null ? 0 : moneyDigits(m.lower, currency));
  return {
    estimate: write(m.estimate, currency, locale, digits, 'halfExpand'),
    lower: m.lower === null ? null : write(m.lower, currency, locale, digits, 'floor'),
    upper: m.upper === null ? null : write(m.upper, currency, locale, digits, 'ceil'),
  };
}
