import { describe, expect, it } from 'vitest';
import { formatMinor, formatMinorInterval, moneyDigits } from './money.js';

describe('money, exact until written', () => {
  it('writes whole minor units at the currency’s own decimals', () => {
    expect(formatMinor(1250, 'USD', 'en-US')).toBe('$12.50');
    expect(formatMinor(36, 'USD', 'en-US')).toBe('$0.36');
    expect(formatMinor(1234, 'JPY', 'en-US')).toBe('¥1,234');
    expect(formatMinor(12345, 'KWD', 'en-US')).toBe('KWD\u00a012.345');
  });

  it('keeps sub-cent precision under 10 minor units: 1.74 ¢ is $0.0174, not $0.02', () => {
    expect(formatMinor(1.74, 'USD', 'en-US')).toBe('$0.0174');
    // 5 ¢ a task / (16 of 19 right) = 95/16 ¢ = 5.9375 ¢, written to a hundredth of a cent, half up.
    expect(formatMinor(95 / 16, 'USD', 'en-US')).toBe('$0.0594');
    expect(formatMinor(3, 'USD', 'en-US')).toBe('$0.03');
    expect(formatMinor(1.745, 'JPY', 'en-US')).toBe('¥1.75');
    // From 10 minor units on, the currency's own unit: 12.345 ¢ is $0.12.
    expect(formatMinor(12.345, 'USD', 'en-US')).toBe('$0.12');
    expect([moneyDigits(9.99, 'USD'), moneyDigits(10, 'USD'), moneyDigits(5, 'JPY')]).toEqual([4, 2, 2]);
  });

  it('rounds an interval outward at its estimate’s precision, so it always contains the estimate', () => {
    // Cost per correct label 2.82 ¢ with interval [2.5, 3.3] ¢: rounded to whole cents it read [3, 3], excluding 2.82.
    expect(formatMinorInterval({ estimate: 2.82, lower: 2.5, upper: 3.3 }, 'USD', 'en-US')).toEqual({ estimate: '$0.0282', lower: '$0.025', upper: '$0.033' });
    // Ends that round toward the estimate are pushed out: 2.81999 → $0.0281 (floor), 2.82001 → $0.0283 (ceil).
    expect(formatMinorInterval({ estimate: 2.82, lower: 2.81999, upper: 2.82001 }, 'USD', 'en-US')).toEqual({ estimate: '$0.0282', lower: '$0.0281', upper: '$0.0283' });
    // Above 10 ¢: whole cents, outward: [38.2, 45.1] around 41.3 is $0.38–$0.46.
    expect(formatMinorInterval({ estimate: 41.3, lower: 38.2, upper: 45.1 }, 'USD', 'en-US')).toEqual({ estimate: '$0.41', lower: '$0.38', upper: '$0.46' });
    expect(formatMinorInterval({ estimate: 41.3, lower: 38.2, upper: null }, 'USD', 'en-US').upper).toBeNull();
  });
});
