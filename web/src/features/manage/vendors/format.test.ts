import { describe, expect, it } from 'vitest';
import { describeHeadToHead, formatMinor, formatP, testName } from './format';
import { headToHead } from './fixtures';

describe('describeHeadToHead', () => {
  it('states the paired difference in points, its interval, the test named by the response and n', () => {
    expect(describeHeadToHead(headToHead())).toBe(
      "Experts are 22 points more accurate than Crowd on the 200 gold items both labeled, from 600 judgments by Experts and 580 by Crowd (95% interval 15 to 29; paired bootstrap-t test p < 0.001).",
    );
  });

  it('says "less accurate" for a negative difference and writes a larger p-value to two places', () => {
    const v = headToHead({ paired: { items: 40, judgmentsA: 1, judgmentsB: 1234, difference: -0.05, lower: -0.198, upper: 0.101, pValue: 0.5488 } });
    expect(describeHeadToHead(v)).toBe(
      "Experts are 5 points less accurate than Crowd on the 40 gold items both labeled, from 1 judgment by Experts and 1,234 by Crowd (95% interval -20 to 10; paired bootstrap-t test p = 0.55).",
    );
  });

  it('says "equally accurate" when the difference rounds to zero, and one point in the singular', () => {
    expect(describeHeadToHead(headToHead({ paired: { difference: 0.004, lower: -0.01, upper: 0.012, pValue: 1 } }))).toMatch(/^Experts and Crowd are equally accurate on the 200/);
    expect(describeHeadToHead(headToHead({ paired: { difference: 0.01 } }))).toMatch(/^Experts are 1 point more accurate/);
  });

  it('falls back to the independent comparison when no gold item was labeled by both', () => {
    const v = headToHead({
      paired: { items: 0, difference: null, lower: null, upper: null, pValue: null },
      independent: { nA: 1, nB: 25, difference: 0.3, lower: -0.2, upper: 0.55, pValue: 0.0042 },
    });
    expect(describeHeadToHead(v)).toBe(
      'Experts are 30 points more accurate than Crowd on 1 gold judgment by Experts and 25 gold judgments by Crowd, none on a gold item both labeled (95% interval -20 to 55; two-proportion z-test p = 0.004).',
    );
  });

  it('says so when there is nothing to compare', () => {
    const v = headToHead({ paired: { items: 0, difference: null }, independent: { nA: 0, difference: null } });
    expect(describeHeadToHead(v)).toBe('Experts and Crowd cannot be compared yet: neither has gold judgments the other can be set against.');
  });
});

describe('formatting', () => {
  it('writes minor units in the currency’s own decimals', () => {
    expect(formatMinor(1234, 'USD')).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(12.34));
    expect(formatMinor(1234, 'JPY')).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'JPY' }).format(1234));
    expect(formatMinor(1234, 'KWD')).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'KWD' }).format(1.234));
  });
  it('writes p-values and test names plainly', () => {
    expect([formatP(0.0009), formatP(0.0042), formatP(0.049)]).toEqual(['p < 0.001', 'p = 0.004', 'p = 0.05']);
    expect(testName("McNemar's exact test (two-sided binomial test on the discordant pairs)")).toBe("McNemar's exact test");
    expect(testName('paired bootstrap-t test (gold items resampled, two-sided)')).toBe('paired bootstrap-t test');
    expect(testName('two-proportion z-test with the pooled proportion, two-sided')).toBe('two-proportion z-test');
  });
});
