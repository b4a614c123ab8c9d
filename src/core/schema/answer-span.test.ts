import { describe, expect, it } from 'vitest';
import { buildItem, expectInvalid, schemaWith } from './test-support/build.js';
import { validateAnswers } from './validate-answers.js';

// "Ada Lovelace worked with Charles Babbage at the Analytical Engine." is 66 UTF-16 units long.
const item = buildItem();
const ada = { start: 0, end: 12, label: 'PER' };
const babbage = { start: 25, end: 40, label: 'PER' };
const engine = { start: 48, end: 65, label: 'ORG' };

describe('span answers', () => {
  const schema = schemaWith('span');

  it('returns spans sorted by start and end', () => {
    expect(validateAnswers(schema, item, { entities: [engine, ada, babbage] })).toEqual({ entities: [ada, babbage, engine] });
  });

  it('orders spans with equal offsets by label order', () => {
    const twice = [{ start: 0, end: 3, label: 'ORG' }, { start: 0, end: 3, label: 'PER' }];
    expect(validateAnswers(schema, item, { entities: twice })).toEqual({ entities: [twice[1], twice[0]] });
  });

  it('accepts an empty list as "nothing to mark"', () => {
    expect(validateAnswers(schema, item, { entities: [] })).toEqual({ entities: [] });
  });

  it('accepts a span ending exactly at the end of the text', () => {
    expect(validateAnswers(schema, item, { entities: [{ start: 60, end: 66, label: 'ORG' }] })).toEqual({ entities: [{ start: 60, end: 66, label: 'ORG' }] });
  });

  it('rejects a non-array and a non-object span', () => {
    expectInvalid(() => validateAnswers(schema, item, { entities: ada }), 'answers.entities', 'Question "entities" (span): answer must be an array of {start, end, label} spans; got an object');
    expectInvalid(() => validateAnswers(schema, item, { entities: [[0, 3, 'PER']] }), 'answers.entities[0]', /answer\[0\] must be a \{start, end, label\} object; got an array/);
  });

  it('rejects an end past the text', () => {
    expectInvalid(
      () => validateAnswers(schema, item, { entities: [ada, { start: 60, end: 67, label: 'ORG' }] }),
      'answers.entities[1].end',
      'Question "entities" (span): answer[1].end (67) is past the end of item field "text" (66 characters)',
    );
  });

  it('rejects empty, inverted, negative and fractional ranges', () => {
    expectInvalid(() => validateAnswers(schema, item, { entities: [{ start: 5, end: 5, label: 'PER' }] }), 'answers.entities[0].end', 'Question "entities" (span): answer[0] must have start < end; got start 5, end 5');
    expectInvalid(() => validateAnswers(schema, item, { entities: [{ start: 9, end: 2, label: 'PER' }] }), 'answers.entities[0].end', /must have start < end/);
    expectInvalid(() => validateAnswers(schema, item, { entities: [{ start: -1, end: 2, label: 'PER' }] }), 'answers.entities[0].start', /answer\[0\].start must be an integer >= 0; got -1/);
    expectInvalid(() => validateAnswers(schema, item, { entities: [{ start: 0, end: 2.5, label: 'PER' }] }), 'answers.entities[0].end', /answer\[0\].end must be an integer; got 2.5/);
    expectInvalid(() => validateAnswers(schema, item, { entities: [{ start: '0', end: 2, label: 'PER' }] }), 'answers.entities[0].start', /got "0"/);
  });

  it('rejects an unknown label', () => {
    expectInvalid(() => validateAnswers(schema, item, { entities: [{ ...ada, label: 'LOC' }] }), 'answers.entities[0].label', 'Question "entities" (span): answer[0].label must be one of "PER", "ORG"; got "LOC"');
  });

  it('rejects an unknown property, so a misspelt key is not dropped silently', () => {
    expectInvalid(() => validateAnswers(schema, item, { entities: [{ ...ada, lable: 'PER' }] }), 'answers.entities[0].lable', /answer\[0\] has unknown property "lable"/);
  });

  it('rejects the same span twice', () => {
    expectInvalid(() => validateAnswers(schema, item, { entities: [ada, babbage, { ...ada }] }), 'answers.entities[2]', 'Question "entities" (span): answer[2] repeats answer[0]');
  });

  it('allows overlapping spans by default', () => {
    const nested = [{ start: 0, end: 12, label: 'PER' }, { start: 4, end: 12, label: 'ORG' }];
    expect(validateAnswers(schema, item, { entities: nested })).toEqual({ entities: nested });
  });

  it('rejects overlapping spans when overlap is disallowed, and lets spans touch', () => {
    const strict = schemaWith('span', { allowOverlap: false });
    expectInvalid(
      () => validateAnswers(strict, item, { entities: [babbage, { start: 10, end: 30, label: 'ORG' }, ada] }),
      'answers.entities[1]',
      'Question "entities" (span): answer[1] [10, 30) overlaps answer[2] [0, 12), and this question does not allow overlapping spans',
    );
    // A long span followed by two short ones inside it: the second short one must still be caught.
    expectInvalid(
      () => validateAnswers(strict, item, { entities: [{ start: 0, end: 40, label: 'ORG' }, { start: 1, end: 2, label: 'PER' }] }),
      'answers.entities[1]',
      /answer\[1\] \[1, 2\) overlaps answer\[0\] \[0, 40\)/,
    );
    const touching = [{ start: 0, end: 12, label: 'PER' }, { start: 12, end: 20, label: 'ORG' }];
    expect(validateAnswers(strict, item, { entities: touching })).toEqual({ entities: touching });
  });

  it('enforces minSpans and maxSpans', () => {
    expectInvalid(() => validateAnswers(schemaWith('span', { minSpans: 2 }), item, { entities: [ada] }), 'answers.entities', 'Question "entities" (span): mark at least 2 span(s); got 1');
    expectInvalid(() => validateAnswers(schemaWith('span', { maxSpans: 2 }), item, { entities: [ada, babbage, engine] }), 'answers.entities', 'Question "entities" (span): mark at most 2 span(s); got 3');
  });

  it('counts offsets in UTF-16 units and refuses to split a character', () => {
    const emoji = buildItem({ text: 'I 👍 it' }); // the thumbs-up is 2 UTF-16 units, at offsets 2..4
    expect(validateAnswers(schema, emoji, { entities: [{ start: 2, end: 4, label: 'ORG' }] })).toEqual({ entities: [{ start: 2, end: 4, label: 'ORG' }] });
    expectInvalid(
      () => validateAnswers(schema, emoji, { entities: [{ start: 3, end: 7, label: 'ORG' }] }),
      'answers.entities[0].start',
      'Question "entities" (span): answer[0].start (3) falls between the two halves of one character',
    );
  });
});
