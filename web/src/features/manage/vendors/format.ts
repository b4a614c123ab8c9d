/**
 * Words and numbers of the Vendors tab. They live in `src/core/figures/words.ts`, shared with the HTML quality
 * report so the console and the report say the same sentence; tested here on hand-made responses.
 */
export { describeHeadToHead, formatMinor, formatMinorInterval, formatP, pct, testName } from '@core/figures/words';
