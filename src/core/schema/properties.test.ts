/** Property tests: invariants that must hold for every schema and answer a generator can build. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAssayError } from '../errors.js';
import { parseTaskSchema } from './parse-schema.js';
import { rubricWeightedScore } from './rubric-score.js';
import { buildItem, rawQuestion, schemaWith } from './test-support/build.js';
import type { RubricQuestion, Span } from './types.js';
import { validateAnswers } from './validate-answers.js';

const item = buildItem();

/** Whether `fn` throws our `invalid` error (and not some other crash). */
const rejects = (fn: () => unknown): boolean => {
  try {
    fn();
    return false;
  } catch (e) {
    if (isAssayError(e) && e.code === 'invalid') return true;
    throw e;
  }
};

const optionValues = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,9}$/), { minLength: 2, maxLength: 12 });

describe('label properties', () => {
  it('accepts every option of any label question, unchanged', () => {
    fc.assert(
      fc.property(optionValues.chain((values) => fc.tuple(fc.constant(values), fc.constantFrom(...values))), ([values, chosen]) => {
        const schema = schemaWith('label', { options: values.map((value) => ({ value, label: value.toUpperCase() })) });
        expect(validateAnswers(schema, item, { sentiment: chosen })).toEqual({ sentiment: chosen });
      }),
    );
  });

  it('rejects any string that is not an option', () => {
    fc.assert(
      fc.property(optionValues, fc.string(), (values, other) => {
        fc.pre(!values.includes(other));
        const schema = schemaWith('label', { options: values.map((value) => ({ value, label: value })) });
        expect(rejects(() => validateAnswers(schema, item, { sentiment: other }))).toBe(true);
      }),
    );
  });
});

describe('multi_label properties', () => {
  it('returns any selection in option order, whatever order it was sent in', () => {
    const schema = schemaWith('multi_label', { minSelected: 0 });
    const all = ['price', 'quality', 'delivery', 'support'];
    fc.assert(
      fc.property(fc.shuffledSubarray(all), (picked) => {
        const result = validateAnswers(schema, item, { topics: picked }).topics;
        expect(result).toEqual(all.filter((v) => picked.includes(v)));
      }),
    );
  });
});

describe('rating properties', () => {
  const scale = fc
    .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 100 }))
    .map(([min, width]) => ({ min, max: min + width }));

  it('accepts every integer in the range', () => {
    fc.assert(
      fc.property(scale.chain((s) => fc.tuple(fc.constant(s), fc.integer(s))), ([s, point]) => {
        expect(validateAnswers(schemaWith('rating', s), item, { quality: point })).toEqual({ quality: point });
      }),
    );
  });

  it('rejects every integer outside the range', () => {
    fc.assert(
      fc.property(scale, fc.integer(), (s, point) => {
        fc.pre(point < s.min || point > s.max);
        expect(rejects(() => validateAnswers(schemaWith('rating', s), item, { quality: point }))).toBe(true);
      }),
    );
  });

  it('rejects every non-integer number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (value) => {
        fc.pre(!Number.isInteger(value));
        expect(rejects(() => validateAnswers(schemaWith('rating'), item, { quality: value }))).toBe(true);
      }),
    );
  });

  it('parses a scale exactly when min < max and it has at most 101 points', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200, max: 200 }), fc.integer({ min: -200, max: 200 }), (min, max) => {
        const ok = min < max && max - min + 1 <= 101;
        expect(rejects(() => schemaWith('rating', { min, max }))).toBe(!ok);
      }),
    );
  });
});

describe('ranking properties', () => {
  const permutation = fc
    .integer({ min: 2, max: 12 })
    .chain((n) => fc.tuple(fc.constant(n), fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })));

  it('accepts any permutation of the candidates', () => {
    fc.assert(
      fc.property(permutation, ([n, order]) => {
        const data = buildItem({ responses: Array.from({ length: n }, (_, i) => `reply ${i}`) });
        expect(validateAnswers(schemaWith('ranking'), data, { order })).toEqual({ order });
      }),
    );
  });

  it('rejects any ranking with a repeated candidate', () => {
    fc.assert(
      fc.property(permutation, fc.nat(), fc.nat(), ([n, order], from, to) => {
        const [i, j] = [from % n, to % n];
        fc.pre(i !== j);
        const broken = [...order];
        broken[j] = broken[i] as number;
        const data = buildItem({ responses: Array.from({ length: n }, (_, k) => `reply ${k}`) });
        expect(rejects(() => validateAnswers(schemaWith('ranking'), data, { order: broken }))).toBe(true);
      }),
    );
  });
});

describe('span properties', () => {
  const text = 'x'.repeat(200);
  /** Disjoint spans: sorted distinct cut points taken in pairs. */
  const disjoint = fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { minLength: 0, maxLength: 20 }).chain((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const spans: Span[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) spans.push({ start: sorted[i] as number, end: sorted[i + 1] as number, label: i % 4 === 0 ? 'PER' : 'ORG' });
    return fc.shuffledSubarray(spans, { minLength: spans.length, maxLength: spans.length });
  });

  it('accepts disjoint spans in any order when overlap is disallowed, and returns them sorted', () => {
    const schema = schemaWith('span', { allowOverlap: false });
    fc.assert(
      fc.property(disjoint, (spans) => {
        const result = validateAnswers(schema, buildItem({ text }), { entities: spans }).entities as Span[];
        expect(result).toEqual([...spans].sort((a, b) => a.start - b.start));
      }),
    );
  });

  it('rejects any two spans sharing a character when overlap is disallowed', () => {
    const schema = schemaWith('span', { allowOverlap: false });
    const range = fc.tuple(fc.integer({ min: 0, max: 199 }), fc.integer({ min: 1, max: 50 })).map(([start, width]) => ({ start, end: Math.min(200, start + width) }));
    fc.assert(
      fc.property(range, range, (a, b) => {
        fc.pre(a.start < b.end && b.start < a.end);
        const spans = [{ ...a, label: 'PER' }, { ...b, label: 'ORG' }];
        expect(rejects(() => validateAnswers(schema, buildItem({ text }), { entities: spans }))).toBe(true);
      }),
    );
  });
});

describe('rubric properties', () => {
  it('scores any valid answer between 0 and 1', () => {
    const criterion = fc
      .tuple(fc.integer({ min: -10, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([min, width, weight, at]) => ({ min, max: min + width, weight, score: min + Math.round(at * width) }));
    fc.assert(
      fc.property(fc.array(criterion, { minLength: 1, maxLength: 8 }), (criteria) => {
        const raw = criteria.map((c, i) => ({ id: `c${i}`, label: `C${i}`, weight: c.weight, min: c.min, max: c.max }));
        const question = schemaWith('rubric', { criteria: raw }).questions[0] as RubricQuestion;
        const scores = Object.fromEntries(criteria.map((c, i) => [`c${i}`, c.score]));
        const value = rubricWeightedScore(question, { scores });
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});

describe('schema properties', () => {
  it('parses its own output to the same schema', () => {
    const pairwise = fc.record({ max: fc.integer({ min: 1, max: 50 }), allowTie: fc.boolean(), required: fc.boolean() });
    fc.assert(
      fc.property(pairwise, ({ max, allowTie, required }) => {
        const once = parseTaskSchema({ questions: [rawQuestion('label'), rawQuestion('pairwise', { scale: { min: -max, max }, allowTie, required })] });
        expect(parseTaskSchema(JSON.parse(JSON.stringify(once)))).toEqual(once);
      }),
    );
  });

  it('accepts its own normalised answers unchanged', () => {
    const schema = schemaWith('multi_label', { minSelected: 0 });
    fc.assert(
      fc.property(fc.shuffledSubarray(['price', 'quality', 'delivery', 'support']), (picked) => {
        const once = validateAnswers(schema, item, { topics: picked });
        expect(validateAnswers(schema, item, once)).toEqual(once);
      }),
    );
  });
});
