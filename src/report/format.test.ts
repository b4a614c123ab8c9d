import { describe, expect, it } from 'vitest';
import { count, duration, fixed, intervalText, money, moneyWithInterval, percent, utc, weekLabel } from './format.js';

describe('report formats', () => {
  it('writes proportions in percent with one decimal, and their interval', () => {
    expect(percent(0.92345)).toBe('92.3%');
    expect(percent(null)).toBe('—');
    expect(intervalText({ lower: 0.6332, upper: 0.7594 })).toBe('63.3–75.9');
    expect(intervalText({ lower: null, upper: 0.5 })).toBeNull();
  });

  it('writes money from exact minor units, sub-cent under 10 ¢, an interval rounded outward, an open upper end as "open"', () => {
    expect(money(1250, 'USD')).toBe('$12.50');
    expect(money(1234, 'JPY')).toBe('¥1,234');
    expect(money(1.74, 'USD')).toBe('$0.0174');
    expect(moneyWithInterval({ estimate: 41, lower: 38, upper: null }, 'USD')).toBe('$0.41 ($0.38–open)');
    expect(moneyWithInterval({ estimate: 2.82, lower: 2.5, upper: 3.3 }, 'USD')).toBe('$0.0282 ($0.025–$0.033)');
    expect(moneyWithInterval({ estimate: null, lower: null, upper: null }, 'USD')).toBe('—');
  });

  it('writes durations, counts, fixed decimals and UTC times the same on every machine', () => {
    expect([duration(850), duration(12_345), duration(245_000), duration(null)]).toEqual(['850 ms', '12.3 s', '4 min 05 s', '—']);
    expect(count(12345)).toBe('12,345');
    expect([fixed(0.4567), fixed(Number.NaN), fixed(null)]).toEqual(['0.46', '—', '—']);
    expect(utc('2026-12-06T14:03:59.123Z')).toBe('2026-12-06 14:03 UTC');
    expect(weekLabel('2026-11-30T00:00:00.000Z')).toBe('Nov 30');
  });
});
