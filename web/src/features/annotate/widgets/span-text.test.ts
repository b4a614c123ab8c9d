import { describe, expect, it } from 'vitest';
import { snapToWords } from './span-text';

/** The snapped text, for readable expectations beside the offsets. */
const snapped = (text: string, start: number, end: number) => {
  const r = snapToWords(text, { start, end });
  return { ...r, text: text.slice(r.start, r.end) };
};

// Offsets below are counted by hand, in UTF-16 code units (what the server validates).
describe('snapToWords', () => {
  // U0 s1 u2 a3 l4 l5 y6 _7 y8 e9 s10 ,11 _12 b13 u14 t15 _16 c17 a18 f19 f20 e21 i22 n23 e24 _25 v26 … s31 .32
  const text = 'Usually yes, but caffeine varies.';

  it('widens an end that cuts a word to the end of that word', () => {
    expect(snapped(text, 0, 10)).toEqual({ start: 0, end: 11, text: 'Usually yes' });
    expect(snapped(text, 17, 24)).toEqual({ start: 17, end: 25, text: 'caffeine' });
  });

  it('widens a start that cuts a word to the start of that word', () => {
    expect(snapped(text, 19, 25)).toEqual({ start: 17, end: 25, text: 'caffeine' });
    expect(snapped(text, 2, 5)).toEqual({ start: 0, end: 7, text: 'Usually' });
  });

  it('keeps a selection that already lies on word edges', () => {
    expect(snapped(text, 8, 11)).toEqual({ start: 8, end: 11, text: 'yes' });
    expect(snapped(text, 0, 33)).toEqual({ start: 0, end: 33, text });
  });

  it('keeps punctuation the selection reaches and never adds punctuation it did not', () => {
    expect(snapped(text, 9, 12)).toEqual({ start: 8, end: 12, text: 'yes,' });
    expect(snapped(text, 11, 14)).toEqual({ start: 11, end: 16, text: ', but' });
    expect(snapped(text, 27, 33)).toEqual({ start: 26, end: 33, text: 'varies.' });
    expect(snapped(text, 27, 30)).toEqual({ start: 26, end: 32, text: 'varies' });
  });

  it('trims the whitespace at either end after widening', () => {
    expect(snapped(text, 0, 8)).toEqual({ start: 0, end: 7, text: 'Usually' });
    expect(snapped(text, 7, 10)).toEqual({ start: 8, end: 11, text: 'yes' });
  });

  it('treats a word with an apostrophe as one word, straight or curly', () => {
    expect(snapped("Don't stop", 0, 3)).toEqual({ start: 0, end: 5, text: "Don't" });
    expect(snapped('It’s fine', 1, 3)).toEqual({ start: 0, end: 4, text: 'It’s' });
    // A trailing possessive apostrophe is not part of the word; it is kept only when selected.
    expect(snapped('James’ car', 2, 6)).toEqual({ start: 0, end: 6, text: 'James’' });
    expect(snapped('James’ car', 2, 4)).toEqual({ start: 0, end: 5, text: 'James' });
  });

  it('keeps numbers with a decimal point and hyphenated parts as Unicode cuts them', () => {
    expect(snapped('3.5 mg', 0, 2)).toEqual({ start: 0, end: 3, text: '3.5' });
    // e0 -1 m2 a3 i4 l5 _6 m7 e8: "e" and "mail" are two words around the hyphen.
    expect(snapped('e-mail me', 0, 4)).toEqual({ start: 0, end: 6, text: 'e-mail' });
  });

  it('handles accented, Greek and CJK letters, and never splits a combining accent from its letter', () => {
    expect(snapped('Zürich café', 1, 3)).toEqual({ start: 0, end: 6, text: 'Zürich' });
    expect(snapped('naïve résumé', 3, 8)).toEqual({ start: 0, end: 12, text: 'naïve résumé' });
    expect(snapped('Καλημέρα κόσμε', 2, 4)).toEqual({ start: 0, end: 8, text: 'Καλημέρα' });
    // c0 a1 f2 e3 ◌́4 _5 o6 k7: the word "café" is 5 code units with a combining acute accent.
    expect(snapped('cafe\u0301 ok', 1, 4)).toEqual({ start: 0, end: 5, text: 'cafe\u0301' });
    // 東京0-2 都2 に3 住む4-6 (the segmenter's dictionary words).
    expect(snapped('東京都に住む', 1, 5)).toEqual({ start: 0, end: 6, text: '東京都に住む' });
    expect(snapped('東京都に住む', 0, 1)).toEqual({ start: 0, end: 2, text: '東京' });
  });

  it('keeps an emoji the selection reaches whole (it is no word, so nothing widens around it)', () => {
    // o0 k1 _2 😀3-4 _5 f6 i7 n8 e9
    expect(snapped('ok 😀 fine', 3, 7)).toEqual({ start: 3, end: 10, text: '😀 fine' });
    expect(snapped('ok 😀 fine', 1, 5)).toEqual({ start: 0, end: 5, text: 'ok 😀' });
  });

  it('accepts a backwards selection and returns a collapsed one (a click) untouched', () => {
    expect(snapped(text, 24, 17)).toEqual({ start: 17, end: 25, text: 'caffeine' });
    expect(snapped(text, 3, 3)).toEqual({ start: 3, end: 3, text: '' });
  });

  it('leaves a selection of only whitespace as it was', () => {
    expect(snapped(text, 7, 8)).toEqual({ start: 7, end: 8, text: ' ' });
  });
});
