/**
 * Pay rates as an admin types and reads them: in major units of the currency ("12.50" dollars), sent and stored as
 * integer minor units (1250 cents) — the currency's own number of decimals, from Intl (2 for USD, 0 for JPY, 3 for
 * KWD) — and said in words ("$12.50 per hour"). Strings are split, never multiplied as floats, so "0.29" is 29.
 */
import type { PayTerms } from './queries';
import { currencyDigits } from '@core/figures/words';
import { formatMinor } from '../manage/vendors/format';

/** ISO 4217 shape: three capital letters. */
export const isCurrencyCode = (code: string): boolean => /^[A-Z]{3}$/.test(code);

/** Decimals of the currency's minor unit (2 when Intl does not know it). */
export const minorDigits = currencyDigits;

/** "12.50" in USD → 1250; a problem in words when it is not an amount of that currency. */
export function parseMajor(text: string, currency: string): { minor: number } | { problem: string } {
  const t = text.trim().replace(/,/g, '');
  const known = isCurrencyCode(currency);
  const digits = known ? minorDigits(currency) : 2;
  const m = /^(\d+)(?:\.(\d*))?$/.exec(t);
  if (!m) return { problem: digits === 0 ? 'A whole amount, e.g. 1500' : 'An amount such as 12.50' };
  const fraction = m[2] ?? '';
  if (fraction.length > digits) return { problem: digits === 0 ? `${currency} has no minor unit: a whole amount` : `At most ${digits} decimals${known ? ` in ${currency}` : ''}` };
  const minor = Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return { problem: 'Too large an amount' };
  return { minor };
}

/** 1250 in USD → "12.50", for the rate field: the inverse of parseMajor. */
export function majorText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const s = String(minor).padStart(digits + 1, '0');
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

export const PAY_MODEL_LABELS: Record<PayTerms['model'], string> = { per_task: 'per task', per_hour: 'per hour' };

/** "$12.50 per hour", "¥1,500 per task". */
export const payTermsText = (t: PayTerms): string => `${formatMinor(t.rateMinor, t.currency)} ${PAY_MODEL_LABELS[t.model]}`;
