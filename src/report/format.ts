/**
 * How the report writes numbers: fixed English conventions (the report is a document passed around a lab, so it
 * reads the same on every machine), proportions with their interval and n, money from integer minor units.
 */
import { formatMinor, formatMinorInterval } from '../core/figures/words.js';

export const LOCALE = 'en-US';
export const DASH = '—';

/** 0.9234 → "92.3%". */
export const percent = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined ? DASH : `${(x * 100).toFixed(digits)}%`);

/** A proportion's interval in percent, "88.1–95.1"; null when it has none. */
export const intervalText = (p: { lower: number | null; upper: number | null }): string | null =>
  p.lower === null || p.upper === null ? null : `${(p.lower * 100).toFixed(1)}–${(p.upper * 100).toFixed(1)}`;

/** Exact minor units as money, rounded only here: "$0.36", "$0.0174" under 10 ¢; a dash when undefined. */
export const money = (minor: number | null | undefined, currency: string): string => (minor === null || minor === undefined ? DASH : formatMinor(minor, currency, LOCALE));

/** An amount and its interval's ends, written at one precision with the ends rounded outward (so they contain it). */
export function moneyParts(m: { estimate: number | null; lower: number | null; upper: number | null }, currency: string): { estimate: string; lower: string; upper: string } | null {
  if (m.estimate === null) return null;
  const f = formatMinorInterval({ estimate: m.estimate, lower: m.lower, upper: m.upper }, currency, LOCALE);
  return { estimate: f.estimate, lower: f.lower ?? DASH, upper: f.upper ?? 'open' };
}

/** An amount with its interval, "$0.41 ($0.38–$0.45)"; an upper end without a bound is "open". */
export function moneyWithInterval(m: { estimate: number | null; lower: number | null; upper: number | null }, currency: string): string {
  const p = moneyParts(m, currency);
  return p === null ? DASH : `${p.estimate} (${p.lower}–${p.upper})`;
}

/** A count with thousands separators. */
export const count = (n: number): string => n.toLocaleString(LOCALE);

/** Milliseconds as "850 ms", "12.3 s", "4 min 05 s". */
export function duration(ms: number | null): string {
  if (ms === null) return DASH;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** A decimal figure with fixed digits, or a dash. */
export const fixed = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined || !Number.isFinite(x) ? DASH : x.toFixed(digits));

/** An ISO instant as "2026-12-06 14:03 UTC". */
export const utc = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** The Monday an ISO week starts on, as "Nov 2". */
export const weekLabel = (iso: string): string => new Date(iso).toLocaleDateString(LOCALE, { month: 'short', day: 'numeric', timeZone: 'UTC' });

export { formatP, describeHeadToHead, pct } from '../core/figures/words.js';
