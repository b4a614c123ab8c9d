import { describe, expect, it } from 'vitest';
import { buildItem, expectInvalid, rawQuestion, schemaOf, schemaWith } from './test-support/build.js';
import { validateItem } from './validate-item.js';
import { QUESTION_TYPES } from './types.js';

describe('validateItem', () => {
  const everything = schemaOf(...QUESTION_TYPES.map((t) => rawQuestion(t)));

  it('accepts an item with every field the schema reads', () => {
    expect(() => validateItem(everything, buildItem())).not.toThrow();
  });

  it('rejects item data that is not an object', () => {
    expectInvalid(() => validateItem(everything, [] as never), 'data', 'Item data must be a JSON object; got an array');
  });

  it('names the question that needs a missing field', () => {
    const item = buildItem();
    delete item.response_a;
    expectInvalid(
      () => validateItem(schemaWith('pairwise'), item),
      'data.response_a',
      'Question "preference" (pairwise): item field "response_a" (the left candidate) must be a string; it is missing',
    );
  });

  it('requires a string for the span text and the pairwise candidates', () => {
    expectInvalid(
      () => validateItem(schemaWith('span'), buildItem({ text: 42 })),
      'data.text',
      'Question "entities" (span): item field "text" (the text to mark) must be a string; got 42',
    );
    expectInvalid(() => validateItem(schemaWith('pairwise'), buildItem({ response_b: ['x'] })), 'data.response_b', /item field "response_b" \(the right candidate\) must be a string; got an array/);
  });

  it('accepts a string or a dialogue as context, and nothing else', () => {
    const schema = schemaWith('label', { field: 'context' });
    expect(() => validateItem(schema, buildItem({ context: 'plain text' }))).not.toThrow();
    expect(() => validateItem(schema, buildItem({ context: [{ role: 'user', content: 'Hi' }] }))).not.toThrow();
    expectInvalid(
      () => validateItem(schema, buildItem({ context: { a: 1 } })),
      'data.context',
      'Question "sentiment" (label): item field "context" (the context shown) must be a string or an array of {role, content} turns; got an object',
    );
  });

  it('reads dotted paths into nested objects and arrays', () => {
    const schema = schemaOf(rawQuestion('span', { field: 'meta.title' }), rawQuestion('pairwise', { left: 'candidates.0', right: 'candidates.1' }));
    expect(() => validateItem(schema, buildItem({ meta: { title: 'A title' }, candidates: ['one', 'two'] }))).not.toThrow();
    expectInvalid(() => validateItem(schema, buildItem({ meta: { heading: 'x' } })), 'data.meta.title', /item field "meta.title" \(the text to mark\) must be a string; it is missing/);
    expectInvalid(() => validateItem(schema, buildItem({ meta: 'flat' })), 'data.meta.title', /it is missing/);
  });

  it('does not read inherited properties', () => {
    expectInvalid(() => validateItem(schemaWith('span', { field: 'constructor' }), buildItem()), 'data.constructor', /it is missing/);
  });

  it('requires at least minItems candidates to rank', () => {
    expectInvalid(
      () => validateItem(schemaWith('ranking'), buildItem({ responses: ['only one'] })),
      'data.responses',
      'Question "order" (ranking): item field "responses" (the candidates to rank) must have at least 2 candidates to rank; got 1',
    );
    expectInvalid(() => validateItem(schemaWith('ranking', { minItems: 4 }), buildItem()), 'data.responses', /must have at least 4 candidates to rank; got 3/);
    expectInvalid(() => validateItem(schemaWith('ranking'), buildItem({ responses: 'a, b' })), 'data.responses', /must be an array of at least 2 strings or \{id, text\} objects; got "a, b"/);
  });

  it('accepts candidates as {id, text} objects with unique ids', () => {
    const schema = schemaWith('ranking');
    const responses = [{ id: 'm1', text: 'One' }, { id: 'm2', text: 'Two' }];
    expect(() => validateItem(schema, buildItem({ responses }))).not.toThrow();
    expectInvalid(() => validateItem(schema, buildItem({ responses: [...responses, { id: 'm1', text: 'Three' }] })), 'data.responses[2].id', /element \[2\] repeats id "m1" of element \[0\]/);
    expectInvalid(() => validateItem(schema, buildItem({ responses: ['One', { id: 'm2' }] })), 'data.responses[1]', /element \[1\] must be a string or an \{id, text\} object/);
  });

  it('checks every turn of a dialogue', () => {
    const schema = schemaWith('conversation');
    expect(() => validateItem(schema, buildItem({ dialogue: [] }))).not.toThrow();
    expectInvalid(
      () => validateItem(schema, buildItem({ dialogue: [{ role: 'user', content: 'Hi' }, { role: 'bot', content: 'Hello' }] })),
      'data.dialogue[1].role',
      'Question "reply" (conversation): item field "dialogue" (the dialogue so far) turn [1] role must be one of "user", "assistant", "system"; got "bot"',
    );
    expectInvalid(() => validateItem(schema, buildItem({ dialogue: [{ role: 'user', content: 7 }] })), 'data.dialogue[0].content', /turn \[0\] content must be a string; got 7/);
    expectInvalid(() => validateItem(schema, buildItem({ dialogue: ['Hi'] })), 'data.dialogue[0]', /turn \[0\] must be a \{role, content\} object; got "Hi"/);
  });

  it('lets turns carry extra keys such as a speaker name', () => {
    expect(() => validateItem(schemaWith('conversation'), buildItem({ dialogue: [{ role: 'user', content: 'Hi', name: 'Ann' }] }))).not.toThrow();
  });

  it('needs nothing from an item when no question reads a field', () => {
    expect(() => validateItem(schemaOf(rawQuestion('text'), rawQuestion('rating')), {})).not.toThrow();
  });
});
