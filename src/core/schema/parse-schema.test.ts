import { describe, expect, it } from 'vitest';
import { parseTaskSchema } from './parse-schema.js';
import { catchInvalid, expectInvalid, rawQuestion, schemaOf, schemaWith } from './test-support/build.js';
import type { QuestionType } from './types.js';
import { QUESTION_TYPES } from './types.js';

const parseQuestions = (...questions: Record<string, unknown>[]) => () => parseTaskSchema({ questions });

describe('parseTaskSchema defaults', () => {
  it('writes every default out, so the stored schema is explicit', () => {
    const schema = schemaOf(
      rawQuestion('label'),
      rawQuestion('multi_label'),
      rawQuestion('span'),
      rawQuestion('rating'),
      rawQuestion('pairwise'),
      rawQuestion('ranking'),
      rawQuestion('rubric'),
      rawQuestion('text'),
      rawQuestion('conversation'),
    );
    const [label, multi, span, rating, pairwise, ranking, rubric, text, conversation] = schema.questions;
    expect(label).toMatchObject({ required: true });
    expect(multi).toMatchObject({ required: true, minSelected: 1, maxSelected: 4 });
    expect(span).toMatchObject({ allowOverlap: true, minSpans: 0 });
    expect(span).not.toHaveProperty('maxSpans');
    expect(rating).toMatchObject({ step: 1 });
    expect(pairwise).toMatchObject({ scale: { min: -3, max: 3 }, allowTie: true });
    expect(ranking).toMatchObject({ minItems: 2 });
    expect(rubric).toMatchObject({ comments: false });
    expect(rubric?.type === 'rubric' && rubric.criteria.map((c) => c.weight)).toEqual([2, 1, 1]);
    expect(text).toMatchObject({ minLength: 0, maxLength: 20000 });
    expect(conversation).toMatchObject({ role: 'assistant', minTurns: 1, maxTurns: 1, maxLength: 20000 });
  });

  it('lets an optional multi_label be answered with no option selected', () => {
    expect(schemaWith('multi_label', { required: false }).questions[0]).toMatchObject({ minSelected: 0, maxSelected: 4 });
  });

  it('keeps explicit values instead of defaults', () => {
    const q = schemaWith('conversation', { role: 'user', minTurns: 2, maxTurns: 4, maxLength: 500, required: false });
    expect(q.questions[0]).toMatchObject({ role: 'user', minTurns: 2, maxTurns: 4, maxLength: 500, required: false });
  });

  it('returns the same schema when parsing its own output', () => {
    const once = schemaOf(...QUESTION_TYPES.map((t: QuestionType) => rawQuestion(t)));
    expect(parseTaskSchema(structuredClone(once))).toEqual(once);
  });

  it('does not modify its input', () => {
    const input = { questions: [rawQuestion('pairwise')] };
    const copy = structuredClone(input);
    parseTaskSchema(input);
    expect(input).toEqual(copy);
  });

  it('orders each question id, type, prompt first', () => {
    expect(Object.keys(schemaWith('rating', { prompt: 'Q?' }).questions[0] ?? {}).slice(0, 3)).toEqual(['id', 'type', 'prompt']);
  });
});

describe('parseTaskSchema shape errors', () => {
  it('rejects a non-object', () => {
    const error = catchInvalid(() => parseTaskSchema(5));
    expect(error.message).toBe('Task schema: the value must be an object; got 5');
    expect(error.field).toBeUndefined();
  });

  it('rejects a schema without questions', () => {
    expectInvalid(() => parseTaskSchema({}), 'questions', 'Task schema: questions is required');
    expectInvalid(() => parseTaskSchema({ questions: [] }), 'questions', 'Task schema: questions must have at least 1 item(s); got 0');
  });

  it('rejects an unknown top-level property', () => {
    expectInvalid(() => parseTaskSchema({ questions: [rawQuestion('text')], title: 'x' }), 'title', 'Task schema: unknown property "title"');
  });

  it('names the allowed types when the type is unknown or missing', () => {
    expectInvalid(
      parseQuestions(rawQuestion('label', { type: 'choice' })),
      'questions[0].type',
      'Question "sentiment": type must be one of label, multi_label, span, rating, pairwise, ranking, rubric, text, conversation; got "choice"',
    );
    expectInvalid(parseQuestions({ id: 'x', prompt: 'P' }), 'questions[0].type', /^Question "x": type must be one of .*; got nothing$/);
  });

  it('rejects a misspelt property instead of ignoring it', () => {
    expectInvalid(parseQuestions(rawQuestion('text', { requird: false })), 'questions[0].requird', 'Question "rationale" (text): unknown property "requird"');
  });

  it('rejects an id that is not a slug', () => {
    expectInvalid(
      parseQuestions(rawQuestion('text', { id: 'Rationale' })),
      'questions[0].id',
      'Question "Rationale" (text): id must be a slug: a lowercase letter, then up to 63 lowercase letters, digits or underscores; got "Rationale"',
    );
    expectInvalid(parseQuestions(rawQuestion('text', { id: 'a'.repeat(65) })), 'questions[0].id', /id must be a slug/);
  });

  it('names the question by position when it has no usable id', () => {
    expectInvalid(parseQuestions({ type: 'text', prompt: 'P' }), 'questions[0].id', 'Question at questions[0]: id is required');
  });

  it('rejects a malformed item field path', () => {
    expectInvalid(parseQuestions(rawQuestion('span', { field: 'meta..title' })), 'questions[0].field', /^Question "entities" \(span\): field must be an item field path/);
  });

  it('rejects a blank prompt', () => {
    expectInvalid(parseQuestions(rawQuestion('text', { prompt: '   ' })), 'questions[0].prompt', 'Question "rationale" (text): prompt must not be blank; got "   "');
  });

  it('rejects a non-integer bound', () => {
    expectInvalid(parseQuestions(rawQuestion('rating', { max: 5.5 })), 'questions[0].max', 'Question "quality" (rating): max must be an integer; got 5.5');
  });

  it('rejects an option value with surrounding whitespace', () => {
    const options = [{ value: 'pos ', label: 'P' }, { value: 'neg', label: 'N' }];
    expectInvalid(parseQuestions(rawQuestion('label', { options })), 'questions[0].options[0].value', /must be non-empty with no leading or trailing whitespace/);
  });

  it('rejects a label question with fewer than two options', () => {
    expectInvalid(
      parseQuestions(rawQuestion('label', { options: [{ value: 'a', label: 'A' }] })),
      'questions[0].options',
      'Question "sentiment" (label): options must have at least 2 item(s); got 1',
    );
  });

  it('rejects a span colour that is not hex', () => {
    const labels = [{ value: 'PER', label: 'Person', color: 'red' }];
    expectInvalid(parseQuestions(rawQuestion('span', { labels })), 'questions[0].labels[0].color', /must be a hex colour/);
  });

  it('rejects a conversation role the annotator cannot write', () => {
    expectInvalid(parseQuestions(rawQuestion('conversation', { role: 'system' })), 'questions[0].role', 'Question "reply" (conversation): role must be one of "user", "assistant"; got "system"');
  });

  it('rejects a visibleWhen value that is neither string nor integer', () => {
    const q = rawQuestion('text', { visibleWhen: { question: 'sentiment', equals: { a: 1 } } });
    expectInvalid(parseQuestions(rawQuestion('label'), q), 'questions[1].visibleWhen.equals', /visibleWhen\.equals must be a string or a number; got an object/);
  });

  it('lists every shape problem in details.issues', () => {
    const error = catchInvalid(parseQuestions(rawQuestion('text', { id: 'X', maxLength: -1 })));
    expect(error.details?.issues).toEqual([
      { field: 'questions[0].id', message: expect.stringMatching(/id must be a slug/) },
      { field: 'questions[0].maxLength', message: 'Question "X" (text): maxLength must be at least 1; got -1' },
    ]);
  });
});

describe('parseTaskSchema meaning rules', () => {
  it('rejects duplicate question ids', () => {
    expectInvalid(
      parseQuestions(rawQuestion('text'), rawQuestion('label'), rawQuestion('text', { prompt: 'Again?' })),
      'questions[2].id',
      'Question "rationale" (text): id must be unique; "rationale" is also the id of questions[0]',
    );
  });

  it('rejects repeated option values', () => {
    const options = [
      { value: 'pos', label: 'Positive' },
      { value: 'neg', label: 'Negative' },
      { value: 'neu', label: 'Neutral' },
      { value: 'pos', label: 'Good' },
    ];
    expectInvalid(
      parseQuestions(rawQuestion('text', { id: 'a' }), rawQuestion('text', { id: 'b' }), rawQuestion('label', { options })),
      'questions[2].options[3].value',
      'Question "sentiment" (label): options must have unique values; "pos" appears twice',
    );
    expectInvalid(parseQuestions(rawQuestion('multi_label', { options })), 'questions[0].options[3].value', /multi_label\): options must have unique values/);
  });

  it('checks multi_label selection bounds against each other and the options', () => {
    expectInvalid(parseQuestions(rawQuestion('multi_label', { minSelected: 5 })), 'questions[0].minSelected', 'Question "topics" (multi_label): minSelected (5) must not exceed the number of options (4)');
    expectInvalid(parseQuestions(rawQuestion('multi_label', { maxSelected: 5 })), 'questions[0].maxSelected', 'Question "topics" (multi_label): maxSelected (5) must not exceed the number of options (4)');
    expectInvalid(parseQuestions(rawQuestion('multi_label', { minSelected: 3, maxSelected: 2 })), 'questions[0].minSelected', 'Question "topics" (multi_label): minSelected (3) must not exceed maxSelected (2)');
  });

  it('rejects repeated span labels and inverted span bounds', () => {
    const labels = [{ value: 'PER', label: 'Person' }, { value: 'PER', label: 'People' }];
    expectInvalid(parseQuestions(rawQuestion('span', { labels })), 'questions[0].labels[1].value', 'Question "entities" (span): labels must have unique values; "PER" appears twice');
    expectInvalid(parseQuestions(rawQuestion('span', { minSpans: 3, maxSpans: 2 })), 'questions[0].maxSpans', 'Question "entities" (span): maxSpans (2) must be at least minSpans (3)');
  });

  it('checks the rating scale', () => {
    expectInvalid(parseQuestions(rawQuestion('rating', { min: 5, max: 5 })), 'questions[0].max', 'Question "quality" (rating): min (5) must be less than max (5)');
    expectInvalid(parseQuestions(rawQuestion('rating', { min: 1, max: 10, step: 2 })), 'questions[0].step', 'Question "quality" (rating): max - min (9) must be a multiple of step (2)');
    expectInvalid(parseQuestions(rawQuestion('rating', { min: 0, max: 101 })), 'questions[0].max', 'Question "quality" (rating): the scale has 102 points; at most 101 are allowed');
    expect(schemaWith('rating', { min: 0, max: 100 }).questions[0]).toMatchObject({ min: 0, max: 100 });
    expect(schemaWith('rating', { min: 0, max: 1000, step: 10 }).questions[0]).toMatchObject({ step: 10 });
  });

  it('checks rating label keys', () => {
    expectInvalid(parseQuestions(rawQuestion('rating', { labels: { '1': 'Poor', best: 'Great' } })), 'questions[0].labels.best', 'Question "quality" (rating): labels key "best" must be an integer such as "3" or "-2"');
    expectInvalid(parseQuestions(rawQuestion('rating', { labels: { '05': 'Great' } })), 'questions[0].labels.05', /labels key "05" must be an integer/);
    expectInvalid(parseQuestions(rawQuestion('rating', { labels: { '7': 'Great' } })), 'questions[0].labels.7', 'Question "quality" (rating): labels key "7" is not a point an annotator can choose');
    expectInvalid(parseQuestions(rawQuestion('rating', { min: 0, max: 10, step: 5, labels: { '3': 'x' } })), 'questions[0].labels.3', /is not a point/);
  });

  it('checks the pairwise scale, sides and labels', () => {
    expectInvalid(parseQuestions(rawQuestion('pairwise', { scale: { min: -2, max: 3 } })), 'questions[0].scale', 'Question "preference" (pairwise): scale must be symmetric around 0 with max at least 1, e.g. {min: -3, max: 3}; got {min: -2, max: 3}');
    expectInvalid(parseQuestions(rawQuestion('pairwise', { scale: { min: 0, max: 0 } })), 'questions[0].scale', /must be symmetric around 0 with max at least 1/);
    expectInvalid(parseQuestions(rawQuestion('pairwise', { scale: { min: -51, max: 51 } })), 'questions[0].scale.max', /the scale has 103 points/);
    expectInvalid(parseQuestions(rawQuestion('pairwise', { right: 'response_a' })), 'questions[0].right', 'Question "preference" (pairwise): left and right must be different item fields; both are "response_a"');
    expectInvalid(parseQuestions(rawQuestion('pairwise', { allowTie: false, labels: { '0': 'Same' } })), 'questions[0].labels.0', /labels key "0" is not a point an annotator can choose/);
    expect(schemaWith('pairwise', { scale: { min: -1, max: 1 } }).questions[0]).toMatchObject({ scale: { min: -1, max: 1 } });
  });

  it('checks rubric criteria', () => {
    const criteria = (extra: Record<string, unknown>) => [{ id: 'a', label: 'A', min: 1, max: 5 }, { id: 'b', label: 'B', min: 1, max: 5, ...extra }];
    expectInvalid(parseQuestions(rawQuestion('rubric', { criteria: criteria({ id: 'a' }) })), 'questions[0].criteria[1].id', 'Question "grade" (rubric): criteria must have unique ids; "a" appears twice');
    expectInvalid(parseQuestions(rawQuestion('rubric', { criteria: criteria({ weight: 0 }) })), 'questions[0].criteria[1].weight', 'Question "grade" (rubric): criteria[1] ("b"): weight must be greater than 0; got 0');
    expectInvalid(parseQuestions(rawQuestion('rubric', { criteria: criteria({ weight: -1 }) })), 'questions[0].criteria[1].weight', /weight must be greater than 0; got -1/);
    expectInvalid(parseQuestions(rawQuestion('rubric', { criteria: criteria({ min: 3, max: 2 }) })), 'questions[0].criteria[1].max', 'Question "grade" (rubric): criteria[1] ("b"): min (3) must be less than max (2)');
    expectInvalid(parseQuestions(rawQuestion('rubric', { criteria: criteria({ min: 0, max: 200 }) })), 'questions[0].criteria[1].max', /criteria\[1\] \("b"\): the scale has 201 points/);
    expectInvalid(parseQuestions(rawQuestion('rubric', { criteria: [] })), 'questions[0].criteria', /criteria must have at least 1 item/);
  });

  it('checks text and conversation bounds', () => {
    expectInvalid(parseQuestions(rawQuestion('text', { minLength: 10, maxLength: 5 })), 'questions[0].minLength', 'Question "rationale" (text): minLength (10) must not exceed maxLength (5)');
    expectInvalid(parseQuestions(rawQuestion('conversation', { minTurns: 3 })), 'questions[0].minTurns', 'Question "reply" (conversation): minTurns (3) must not exceed maxTurns (1)');
    expectInvalid(parseQuestions(rawQuestion('ranking', { minItems: 1 })), 'questions[0].minItems', /minItems must be at least 2; got 1/);
  });

  it('rejects two questions needing the same item field in incompatible shapes', () => {
    expectInvalid(
      parseQuestions(rawQuestion('span', { field: 'body' }), rawQuestion('conversation', { field: 'body' })),
      'questions[1].field',
      'Question "reply" (conversation): reads item field "body" as a dialogue, but "entities" reads it as a string',
    );
    expectInvalid(parseQuestions(rawQuestion('ranking', { field: 'x' }), rawQuestion('pairwise', { left: 'x' })), 'questions[1].left', /reads item field "x" as a string, but "order" reads it as a list of candidates/);
  });

  it('checks a field against the strictest reading so far', () => {
    expectInvalid(
      parseQuestions(rawQuestion('label', { field: 'body' }), rawQuestion('span', { field: 'body' }), rawQuestion('conversation', { field: 'body' })),
      'questions[2].field',
      /reads item field "body" as a dialogue, but "entities" reads it as a string/,
    );
  });

  it('lets a context field be shared by a string reader and a flexible reader', () => {
    expect(() => schemaOf(rawQuestion('label', { field: 'text' }), rawQuestion('span', { field: 'text' }), rawQuestion('rating', { field: 'text' }))).not.toThrow();
  });
});

describe('parseTaskSchema visibleWhen rules', () => {
  const label = rawQuestion('label');
  const follow = (visibleWhen: unknown) => rawQuestion('text', { visibleWhen });

  it('accepts a condition on an earlier question', () => {
    const schema = schemaOf(label, follow({ question: 'sentiment', in: ['neg', 'neu'] }));
    expect(schema.questions[1]?.visibleWhen).toEqual({ question: 'sentiment', in: ['neg', 'neu'] });
  });

  it('requires exactly one of equals and in', () => {
    const rule = 'Question "rationale" (text): visibleWhen must set exactly one of "equals" and "in"';
    expectInvalid(parseQuestions(label, follow({ question: 'sentiment' })), 'questions[1].visibleWhen', rule);
    expectInvalid(parseQuestions(label, follow({ question: 'sentiment', equals: 'neg', in: ['pos'] })), 'questions[1].visibleWhen', rule);
  });

  it('rejects an unknown, later or self reference', () => {
    expectInvalid(parseQuestions(label, follow({ question: 'mood', equals: 'neg' })), 'questions[1].visibleWhen.question', 'Question "rationale" (text): visibleWhen refers to unknown question "mood"');
    expectInvalid(
      parseQuestions(follow({ question: 'sentiment', equals: 'neg' }), label),
      'questions[0].visibleWhen.question',
      'Question "rationale" (text): visibleWhen must refer to an earlier question; "sentiment" is questions[1], which comes later',
    );
    expectInvalid(
      parseQuestions(rawQuestion('label', { visibleWhen: { question: 'sentiment', equals: 'neg' } })),
      'questions[0].visibleWhen.question',
      'Question "sentiment" (label): visibleWhen must refer to an earlier question; "sentiment" is the question itself',
    );
  });

  it('rejects a condition on a question without a comparable answer', () => {
    expectInvalid(
      parseQuestions(rawQuestion('text', { id: 'notes' }), follow({ question: 'notes', equals: 'x' })),
      'questions[1].visibleWhen.question',
      'Question "rationale" (text): visibleWhen can only refer to a label, multi_label, rating, pairwise question; "notes" is a text question',
    );
  });

  it('rejects a value the target can never answer', () => {
    expectInvalid(parseQuestions(label, follow({ question: 'sentiment', equals: 'angry' })), 'questions[1].visibleWhen.equals', 'Question "rationale" (text): visibleWhen value "angry" is not an option of "sentiment" ("pos", "neu", "neg")');
    expectInvalid(parseQuestions(label, follow({ question: 'sentiment', equals: 1 })), 'questions[1].visibleWhen.equals', /visibleWhen value 1 is not an option/);
    expectInvalid(parseQuestions(label, follow({ question: 'sentiment', in: ['neg', 'bad'] })), 'questions[1].visibleWhen.in[1]', /visibleWhen value "bad" is not an option/);
    expectInvalid(parseQuestions(rawQuestion('rating'), follow({ question: 'quality', in: [1, 6] })), 'questions[1].visibleWhen.in[1]', 'Question "rationale" (text): visibleWhen value 6 is not a point of "quality" (1..5)');
    expectInvalid(parseQuestions(rawQuestion('rating'), follow({ question: 'quality', equals: '1' })), 'questions[1].visibleWhen.equals', /visibleWhen value "1" is not a point/);
    expectInvalid(parseQuestions(rawQuestion('pairwise', { allowTie: false }), follow({ question: 'preference', equals: 0 })), 'questions[1].visibleWhen.equals', 'Question "rationale" (text): visibleWhen value 0 is not a point of "preference" (-3..3, no tie)');
  });

  it('rejects a value listed twice', () => {
    expectInvalid(parseQuestions(label, follow({ question: 'sentiment', in: ['neg', 'neg'] })), 'questions[1].visibleWhen.in[1]', 'Question "rationale" (text): visibleWhen.in lists "neg" twice');
  });
});
