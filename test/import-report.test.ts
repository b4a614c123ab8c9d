/**
 * The import reports every error in the file at once (also after a line that is not JSON, or a malformed CSV row),
 * counts them all past the cap, checks without writing on a dry run, and offers a template per schema that imports
 * as it is: through the HTTP API, on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildItems, buildProject, buildWorld, labelSchema, toJsonl, type World } from './factories.js';
import { countRows } from './support/routes.js';
import { QUESTION_TYPES } from '../src/core/schema/index.js';
import { sentimentAndPreferenceSchema } from '../src/core/schema/examples.js';
import { rawQuestion } from '../src/core/schema/test-support/build.js';
import { MAX_REPORTED_ERRORS } from '../src/services/items/import-items.js';
import type { Store } from '../src/store/db.js';

const JSONL = { 'content-type': 'application/x-ndjson' };
const CSV = { 'content-type': 'text/csv' };
const JSON_ARRAY = { 'content-type': 'application/json' };

/** Schemas to round-trip a template through: the demo's, one per question type, all types at once, and conditions and nested paths. */
const TEMPLATE_SCHEMAS: [string, unknown][] = [
  ['the demo schema (sentiment, preference, rationale)', sentimentAndPreferenceSchema],
  ...QUESTION_TYPES.map((type): [string, unknown] => [`one ${type} question`, { questions: [rawQuestion(type)] }]),
  ['every question type at once', { questions: QUESTION_TYPES.map((type) => rawQuestion(type)) }],
  [
    'a follow-up shown on a condition, nested field paths and strict bounds',
    {
      questions: [
        rawQuestion('label', { field: 'review.body' }),
        rawQuestion('multi_label', { id: 'why', visibleWhen: { question: 'sentiment', equals: 'neg' }, minSelected: 2 }),
        rawQuestion('span', { field: 'review.body', minSpans: 2 }),
        rawQuestion('ranking', { field: 'meta.replies', minItems: 4 }),
        rawQuestion('text', { id: 'note', minLength: 80 }),
        rawQuestion('conversation', { field: 'chat', role: 'user', minTurns: 3, maxTurns: 3 }),
        rawQuestion('pairwise', { allowTie: false, scale: { min: -1, max: 1 } }),
      ],
    },
  ],
];

describe.each(DIALECTS)('import reports on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let w: World;
  let projectId: string;

  const post = (body: string, headers: Record<string, string> = JSONL, query = '', project = projectId) =>
    w.manager.request('POST', `/api/v1/projects/${project}/items${query}`, body, headers);

  /** Runs `fn` and checks that no table gained or lost a row. */
  async function writesNothing<T>(fn: () => Promise<T>): Promise<T> {
    const before = await countRows(store.db);
    const out = await fn();
    expect(await countRows(store.db)).toEqual(before);
    return out;
  }

  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 1 });
    projectId = await buildProject(w, { items: buildItems(3, 'seed') });
  });
  afterAll(async () => {
    await w?.app.close();
    await close?.();
  });

  /** Lines 1–8: a syntax error on line 3, a missing field on line 7, the rest fine. */
  const twoBad = [
    JSON.stringify({ id: 'n1', data: { text: 'one' } }),
    JSON.stringify({ id: 'n2', data: { text: 'two' } }),
    '{"id": "n3", "data": {"text": "three"}',
    JSON.stringify({ id: 'n4', data: { text: 'four' } }),
    JSON.stringify({ id: 'n5', data: { text: 'five' } }),
    JSON.stringify({ id: 'n6', data: { text: 'six' } }),
    JSON.stringify({ id: 'n7', data: { body: 'no text' } }),
    JSON.stringify({ id: 'n8', data: { text: 'eight' } }),
  ].join('\n');

  it('reports a syntax error on line 3 and a field error on line 7 together, and writes nothing', async () => {
    const res = await writesNothing(() => post(twoBad));
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('invalid');
    expect(error.message).toBe('line 3, column 39: not valid JSON: expected "," or "}" after a value: a comma is missing, or the object is not closed (2 errors); nothing was imported');
    expect(error.details).toMatchObject({ line: 3, errorCount: 2, duplicates: 0 });
    expect(error.details.errors).toEqual([
      { line: 3, column: 39, kind: 'syntax', message: 'line 3, column 39: not valid JSON: expected "," or "}" after a value: a comma is missing, or the object is not closed' },
      { line: 7, kind: 'field', field: 'data.text', message: expect.stringMatching(/^line 7: Question "sentiment" \(label\): item field "text" .* it is missing$/) },
    ]);
  });

  it('names every field a record gets wrong, and its gold', async () => {
    const schema = { questions: [rawQuestion('label'), rawQuestion('pairwise')] };
    const project = await buildProject(w, { schema, items: [] });
    const body = toJsonl([
      { id: 'a', priority: 'soon', data: { text: 7, prompt: 'p', response_a: 'a' } },
      { id: 'b', data: { text: 't', prompt: 'p', response_a: 'a', response_b: 'b' }, gold: { sentiment: 'great', preference: 1 } },
    ]);
    const res = await writesNothing(() => post(body, JSONL, '', project));
    expect(res.json().error.details.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [1, 'priority'],
      [1, 'data.text'],
      [1, 'data.response_b'],
      [2, 'gold.sentiment'],
    ]);
  });

  it(`lists the first ${MAX_REPORTED_ERRORS} errors by line and counts them all, duplicates found in later chunks included`, async () => {
    const rows: string[] = [];
    for (let i = 1; i <= 300; i++) {
      if (i % 10 === 0) rows.push(`{"id": "bad-${i}", "data": {"text": oops}}`);
      else if (i % 10 === 5) rows.push(JSON.stringify({ id: `bad-${i}`, data: { nope: i } }));
      else if (i === 299) rows.push(JSON.stringify({ id: 'seed-2', data: { text: 'already there' } }));
      else rows.push(JSON.stringify({ id: `ok-${i}`, data: { text: `fine ${i}` } }));
    }
    rows.push(JSON.stringify({ id: 'ok-1', data: { text: 'repeat' } }));
    const res = await writesNothing(() => post(rows.join('\n')));
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.details.errorCount).toBe(62);
    expect(error.details.duplicates).toBe(2);
    expect(error.details.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(error.details.errors.map((e: { line: number }) => e.line)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100]);
    expect(error.message).toMatch(/^line 5: .*\(first 20 of 62 errors shown; 62 errors in all\); nothing was imported$/);
  });

  it('reports a malformed CSV row and a field error in a later row together', async () => {
    const csv = 'id,text\nc1,hello\nc2,"bad"quote\nc3,world,extra\nc4,\nc5,fine\n';
    const schema = { questions: [rawQuestion('span')] };
    const project = await buildProject(w, { schema, items: [] });
    const res = await writesNothing(() => post(csv, CSV, '', project));
    const errors = res.json().error.details.errors as { line: number; kind: string; field?: string; message: string }[];
    expect(errors.map((e) => [e.line, e.kind, e.field])).toEqual([
      [3, 'syntax', 'text'],
      [4, 'syntax', undefined],
    ]);
    expect(errors[1]!.message).toBe('line 4: the row has 3 cells, the header 2; the extra cell holds "extra" (a comma in a cell needs the cell in quotes)');
  });

  it('reports a missing CSV column once, not again on every row', async () => {
    const res = await writesNothing(() => post('id,body\nc1,hello\nc2,"unclosed\n', CSV));
    const errors = res.json().error.details.errors as { line: number; message: string }[];
    expect(errors.map((e) => e.message)).toEqual([
      'line 1: the CSV header has no column "text", which the schema reads',
      'line 3: cell 2: the quote opened on line 3 is never closed, so the rest of the file was read as one cell',
    ]);
  });

  it('gives the line and column of a syntax error in a JSON array', async () => {
    const res = await writesNothing(() => post('[\n  {"id": "j1", "data": {"text": "a"}},\n  {"id": "j2", "data": {"text": "b"}}\n  {"id": "j3"}\n]', JSON_ARRAY));
    expect(res.json().error.details.errors).toEqual([
      expect.objectContaining({ line: 4, column: 3, kind: 'syntax', message: expect.stringMatching(/^line 4, column 3: not valid JSON: expected "," or "\]" after an array element: a comma is missing, or the array is not closed; a JSON array is read whole/) }),
    ]);
  });

  describe('dry run', () => {
    it('checks a clean file, says what it would create, and writes nothing', async () => {
      const body = toJsonl([...buildItems(4, 'dry'), { id: 'dry-g', data: { text: 'gold one' }, gold: { sentiment: 'pos' } }]);
      const res = await writesNothing(() => post(body, JSONL, '?dryRun=true'));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ dryRun: true, ok: true, items: 5, gold: 1, errors: [], errorCount: 0, duplicates: 0 });
      const real = await post(body);
      expect(real.statusCode).toBe(201);
      expect(real.json()).toEqual({ imported: 5, gold: 1 });
    });

    it('reports the same errors as the import, duplicates counted, and writes nothing', async () => {
      const body = twoBad + '\n' + JSON.stringify({ id: 'seed-1', data: { text: 'exists' } }) + '\n' + JSON.stringify({ id: 'n1', data: { text: 'again' } });
      const dry = await writesNothing(() => post(body, JSONL, '?dryRun=true'));
      expect(dry.statusCode).toBe(200);
      const real = await writesNothing(() => post(body));
      expect(dry.json()).toMatchObject({ dryRun: true, ok: false, items: 6, gold: 0, errorCount: 4, duplicates: 2 });
      expect(dry.json().errors).toEqual(real.json().error.details.errors);
      expect(dry.json().errors.map((e: { line: number; kind: string }) => [e.line, e.kind])).toEqual([
        [3, 'syntax'],
        [7, 'field'],
        [9, 'duplicate'],
        [10, 'duplicate'],
      ]);
    });

    it('says an empty file holds no items', async () => {
      const res = await writesNothing(() => post('\n', JSONL, '?dryRun=true'));
      expect(res.json()).toMatchObject({ ok: false, items: 0, errorCount: 1, errors: [{ message: 'the file holds no items' }] });
    });

    it('is refused to roles that may not import, before reading anything', async () => {
      const res = await writesNothing(() => w.reviewer.request('POST', `/api/v1/projects/${projectId}/items?dryRun=true`, twoBad, JSONL));
      expect(res.statusCode).toBe(403);
    });
  });

  describe('template', () => {
    it('is a download named after the project, in JSON Lines by default', async () => {
      const project = await buildProject(w, { name: 'Kettle reviews: batch 2', items: [] });
      const res = await w.manager.get(`/api/v1/projects/${project}/items/template`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="kettle-reviews-batch-2-items-template.jsonl"');
      const lines = res.body.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines).toEqual([
        { id: 'example-1', priority: 0, data: { text: expect.any(String), source: expect.any(String) }, gold: expect.objectContaining({ sentiment: 'pos' }), gold_explanation: expect.any(String) },
        { id: 'example-2', priority: 0, data: { text: expect.any(String), source: expect.any(String) } },
      ]);
      const csv = await w.manager.get(`/api/v1/projects/${project}/items/template?format=csv`);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.body.split('\n')[0]).toBe('id,priority,text,source,gold:json,gold_explanation');
      expect((await w.annotators[0]!.get(`/api/v1/projects/${project}/items/template`)).statusCode).toBe(403);
      expect((await w.manager.get(`/api/v1/projects/${project}/items/template?format=xlsx`)).statusCode).toBe(400);
    });

    for (const [name, schema] of TEMPLATE_SCHEMAS) {
      it(`imports as it is, in every format, for ${name}`, async () => {
        for (const [format, headers] of [['jsonl', JSONL], ['csv', CSV], ['json', JSON_ARRAY]] as const) {
          const project = await buildProject(w, { schema, items: [] });
          const template = await w.manager.get(`/api/v1/projects/${project}/items/template?format=${format}`);
          expect(template.statusCode, template.body).toBe(200);
          const dry = await writesNothing(() => post(template.body, headers, '?dryRun=true', project));
          expect(dry.json(), `${format}: ${template.body}`).toEqual({ dryRun: true, ok: true, items: 2, gold: 1, errors: [], errorCount: 0, duplicates: 0 });
          const real = await post(template.body, headers, '', project);
          expect(real.statusCode, real.body).toBe(201);
          expect(real.json()).toEqual({ imported: 2, gold: 1 });
        }
      });
    }

    it("gives both items of a qualification's template a gold answer, as its import requires", async () => {
      const created = await w.manager.post('/api/v1/qualifications', { name: `Template Q ${dialect}`, domain: 'medicine', schema: labelSchema, passMark: 0.8, attemptSize: 2, cooldownHours: 1 });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as string;
      const template = await w.manager.get(`/api/v1/projects/${id}/items/template?format=csv`);
      const real = await post(template.body, CSV, '', id);
      expect(real.json()).toEqual({ imported: 2, gold: 2 });
    });
  });
});
