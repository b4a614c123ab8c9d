import { describe, expect, it } from 'vitest';
import { buildItem, expectInvalid, schemaWith } from './test-support/build.js';
import { validateAnswers } from './validate-answers.js';

const item = buildItem();

describe('text answers', () => {
  const schema = schemaWith('text', { minLength: 5, maxLength: 20 });

  it('keeps the text exactly as written', () => {
    expect(validateAnswers(schema, item, { rationale: '  Because A is right.\n' })).toEqual({ rationale: '  Because A is right.\n' });
  });

  it('measures length after trimming, so padding cannot meet the minimum', () => {
    expectInvalid(() => validateAnswers(schema, item, { rationale: '  ok      ' }), 'answers.rationale', 'Question "rationale" (text): answer must have at least 5 characters (after trimming); got 2');
    expect(validateAnswers(schema, item, { rationale: `  ${'x'.repeat(20)}  ` })).toEqual({ rationale: `  ${'x'.repeat(20)}  ` });
    expectInvalid(() => validateAnswers(schema, item, { rationale: 'x'.repeat(21) }), 'answers.rationale', 'Question "rationale" (text): answer must have at most 20 characters (after trimming); got 21');
  });

  it('applies the default limit of 20000 characters', () => {
    const plain = schemaWith('text');
    expect(() => validateAnswers(plain, item, { rationale: 'x'.repeat(20000) })).not.toThrow();
    expectInvalid(() => validateAnswers(plain, item, { rationale: 'x'.repeat(20001) }), 'answers.rationale', /at most 20000 characters/);
  });

  it('treats a blank answer as no answer', () => {
    expectInvalid(() => validateAnswers(schemaWith('text'), item, { rationale: '   ' }), 'answers.rationale', 'Question "rationale" (text): is required; no answer given');
    expect(validateAnswers(schemaWith('text', { required: false }), item, { rationale: ' \n ' })).toEqual({});
  });

  it('rejects a non-string', () => {
    expectInvalid(() => validateAnswers(schema, item, { rationale: 12345 }), 'answers.rationale', 'Question "rationale" (text): answer must be a string; got 12345');
  });
});

describe('conversation answers', () => {
  const schema = schemaWith('conversation');
  const multi = schemaWith('conversation', { role: 'assistant', minTurns: 1, maxTurns: 3, maxLength: 10 });

  it('accepts one assistant turn by default', () => {
    const turns = [{ role: 'assistant', content: '4.' }];
    expect(validateAnswers(schema, item, { reply: turns })).toEqual({ reply: turns });
  });

  it('accepts alternating turns starting with the question role', () => {
    const turns = [
      { role: 'assistant', content: '4.' },
      { role: 'user', content: 'And 3+3?' },
      { role: 'assistant', content: '6.' },
    ];
    expect(validateAnswers(multi, item, { reply: turns })).toEqual({ reply: turns });
  });

  it('rejects turns that do not alternate', () => {
    expectInvalid(
      () => validateAnswers(multi, item, { reply: [{ role: 'assistant', content: '4.' }, { role: 'assistant', content: 'Sure.' }] }),
      'answers.reply[1].role',
      'Question "reply" (conversation): answer[1].role must be "user" (turns alternate, starting with "assistant"); got "assistant"',
    );
    expectInvalid(() => validateAnswers(schemaWith('conversation', { role: 'user' }), item, { reply: [{ role: 'assistant', content: 'x' }] }), 'answers.reply[0].role', /must be "user"/);
  });

  it('enforces the number of turns', () => {
    expectInvalid(() => validateAnswers(schema, item, { reply: [] }), 'answers.reply', 'Question "reply" (conversation): write at least 1 turn(s); got 0');
    const four = [0, 1, 2, 3].map((i) => ({ role: i % 2 === 0 ? 'assistant' : 'user', content: 'x' }));
    expectInvalid(() => validateAnswers(multi, item, { reply: four }), 'answers.reply', 'Question "reply" (conversation): write at most 3 turn(s); got 4');
  });

  it('rejects blank, non-string and over-long content', () => {
    expectInvalid(() => validateAnswers(schema, item, { reply: [{ role: 'assistant', content: '  ' }] }), 'answers.reply[0].content', 'Question "reply" (conversation): answer[0].content must not be blank');
    expectInvalid(() => validateAnswers(schema, item, { reply: [{ role: 'assistant', content: null }] }), 'answers.reply[0].content', /answer\[0\].content must be a string; got null/);
    expectInvalid(() => validateAnswers(multi, item, { reply: [{ role: 'assistant', content: 'x'.repeat(11) }] }), 'answers.reply[0].content', /at most 10 characters \(after trimming\); got 11/);
  });

  it('rejects a wrong shape', () => {
    expectInvalid(() => validateAnswers(schema, item, { reply: 'Four.' }), 'answers.reply', 'Question "reply" (conversation): answer must be an array of {role, content} turns; got "Four."');
    expectInvalid(() => validateAnswers(schema, item, { reply: ['Four.'] }), 'answers.reply[0]', /answer\[0\] must be a \{role, content\} object/);
    expectInvalid(() => validateAnswers(schema, item, { reply: [{ role: 'assistant', content: '4', name: 'x' }] }), 'answers.reply[0].name', /answer\[0\] has unknown property "name"/);
  });
});
