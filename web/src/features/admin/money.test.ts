import { describe, expect, it } from 'vitest';
import { majorText, parseMajor, payTermsText } from './money';

describe('money', () => {
  it('turns major units into integer minor units by the currency’s decimals, without float error', () => {
    expect(parseMajor('12.50', 'USD')).toEqual({ minor: 1250 });
    expect(parseMajor('12.5', 'USD')).toEqual({ minor: 1250 });
    expect(parseMajor('0.29', 'USD')).toEqual({ minor: 29 });
    expect(parseMajor('1,204.07', 'EUR')).toEqual({ minor: 120407 });
    expect(parseMajor('12', 'USD')).toEqual({ minor: 1200 });
    expect(parseMajor('1500', 'JPY')).toEqual({ minor: 1500 });
    expect(parseMajor('1.234', 'KWD')).toEqual({ minor: 1234 });
  });
  it('refuses what is not an amount of the currency', () => {
    expect(parseMajor('12.505', 'USD')).toEqual({ problem: 'At most 2 decimals in USD' });
    expect(parseMajor('12.5', 'JPY')).toEqual({ problem: 'JPY has no minor unit: a whole amount' });
    expect(parseMajor('-1', 'USD')).toEqual({ problem: 'An amount such as 12.50' });
    expect(parseMajor('twelve', 'USD')).toEqual({ problem: 'An amount such as 12.50' });
    expect(parseMajor('', 'USD')).toHaveProperty('problem');
  });
  it('writes minor units back as the amount typed, and the terms in words', () => {
    expect(majorText(1250, 'USD')).toBe('12.50');
    expect(majorText(5, 'USD')).toBe('0.05');
    expect(majorText(1500, 'JPY')).toBe('1500');
    expect(payTermsText({ model: 'per_hour', rateMinor: 1250, currency: 'USD' })).toBe('$12.50 per hour');
    expect(payTermsText({ model: 'per_task', rateMinor: 40, currency: 'USD' })).toBe('$0.40 per task');
  });
});
