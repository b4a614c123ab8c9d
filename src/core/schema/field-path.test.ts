import { describe, expect, it } from 'vitest';
import { formatPath, isFieldPath, readFieldPath } from './field-path.js';

describe('readFieldPath', () => {
  const data = { text: 'hi', meta: { title: 'T', tags: ['a', 'b'] }, empty: null, list: [{ text: 'x' }] };

  it('reads top-level and dotted paths', () => {
    expect(readFieldPath(data, 'text')).toEqual({ found: true, value: 'hi' });
    expect(readFieldPath(data, 'meta.title')).toEqual({ found: true, value: 'T' });
  });

  it('indexes arrays with digit segments', () => {
    expect(readFieldPath(data, 'meta.tags.1')).toEqual({ found: true, value: 'b' });
    expect(readFieldPath(data, 'list.0.text')).toEqual({ found: true, value: 'x' });
    expect(readFieldPath(data, 'meta.tags.2')).toEqual({ found: false });
    expect(readFieldPath(data, 'meta.tags.first')).toEqual({ found: false });
  });

  it('tells a present null from a missing field', () => {
    expect(readFieldPath(data, 'empty')).toEqual({ found: true, value: null });
    expect(readFieldPath(data, 'empty.x')).toEqual({ found: false });
    expect(readFieldPath(data, 'text.length')).toEqual({ found: false });
  });

  it('never reaches the prototype chain', () => {
    expect(readFieldPath(data, 'constructor')).toEqual({ found: false });
    expect(readFieldPath(data, 'meta.hasOwnProperty')).toEqual({ found: false });
    expect(readFieldPath(data, 'meta.tags.length')).toEqual({ found: false });
  });
});

describe('isFieldPath', () => {
  it('accepts names and dotted names', () => {
    for (const path of ['text', 'response_a', 'meta.title', 'candidates.0', 'x-y']) expect(isFieldPath(path)).toBe(true);
  });
  it('rejects empty segments, spaces and other punctuation', () => {
    for (const path of ['', '.text', 'meta..title', 'meta.', 'a b', 'a[0]', 'a/b']) expect(isFieldPath(path)).toBe(false);
    expect(isFieldPath('a'.repeat(201))).toBe(false);
  });
});

describe('formatPath', () => {
  it('writes indices in brackets and names after dots', () => {
    expect(formatPath(['questions', 2, 'options', 3, 'value'])).toBe('questions[2].options[3].value');
    expect(formatPath(['answers', 'entities', 0, 'end'])).toBe('answers.entities[0].end');
    expect(formatPath([])).toBe('');
  });
});
