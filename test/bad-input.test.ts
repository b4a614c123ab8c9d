/**
 * Bad input through the real HTTP API in both dialects: every refusal is a 4xx with `{ error: { code, message,
 * field? } }` that says what to fix, and leaves every table as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildItems, buildProject, buildWorld, clientFor, labelSchema, toJsonl, type Client, type World } from './factories.js';
import { countRows } from './support/routes.js';
import { buildApp } from '../src/api/app.js';
import type { Store } from '../src/store/db.js';

const JSONL = { 'content-type': 'application/x-ndjson' };
const CSV = { 'content-type': 'text/csv' };

/** Checks the error envelope and returns its `error`. */
function expectError(res: LightMyRequestResponse, status: number, code: string, field?: string | RegExp) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/json');
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  const error = body.error as { code: string; message: string; field?: string; details?: unknown };
  for (const key of Object.keys(error)) expect(['code', 'message', 'field', 'details']).toContain(key);
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  if (typeof field === 'string') expect(error.field).toBe(field);
  else if (field) expect(error.field).toMatch(field);
  return error;
}

describe.each(DIALECTS)('bad input on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let w: World;
  let manager: Client;
  let ann: Client;

  /** Runs `fn` and checks that no table gained or lost a row. */
  async function writesNothing<T>(fn: () => Promise<T>): Promise<T> {
    const before = await countRows(store.db);
    const out = await fn();
    expect(await countRows(store.db)).toEqual(before);
    return out;
  }

  const importItems = (projectId: string, body: string, headers: Record<string, string> = JSONL) =>
    manager.request('POST', `/api/v1/projects/${projectId}/items`, body, headers);

  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 2 });
    manager = w.manager;
    ann = w.annotators[0]!;
  });
  afterAll(async () => {
    await w?.app.close();
    await close?.();
  });

  describe('task schemas', () => {
    const create = (schema: unknown) => manager.post('/api/v1/projects', { name: 'bad schema', schema });

    it('rejects duplicate option values, naming the question and the rule', async () => {
      const schema = {
        questions: [
          { id: 'sentiment', type: 'label', prompt: 'S?', field: 'text', options: [{ value: 'pos', label: 'P' }, { value: 'pos', label: 'Also P' }] },
        ],
      };
      const err = expectError(await writesNothing(() => create(schema)), 400, 'invalid', /questions\[0\]\.options/);
      expect(err.message).toContain('sentiment');
      expect(err.message).toMatch(/unique|twice|duplicate/i);
    });

    it('rejects an unknown question type, naming the question and the type', async () => {
      const schema = { questions: [{ id: 'vibe', type: 'vibe_check', prompt: 'Vibe?' }] };
      const err = expectError(await writesNothing(() => create(schema)), 400, 'invalid', /questions\[0\]/);
      expect(err.message).toContain('vibe');
      expect(err.message).toContain('vibe_check');
    });

    it('rejects a label question with one option, naming the question and the minimum', async () => {
      const schema = { questions: [{ id: 'topic', type: 'label', prompt: 'Topic?', options: [{ value: 'a', label: 'A' }] }] };
      const err = expectError(await writesNothing(() => create(schema)), 400, 'invalid', /questions\[0\]\.options/);
      expect(err.message).toContain('topic');
      expect(err.message).toMatch(/2/);
    });

    it('rejects a rating scale whose min is not below its max', async () => {
      const schema = { questions: [{ id: 'quality', type: 'rating', prompt: 'Q?', min: 5, max: 1 }] };
      const err = expectError(await writesNothing(() => create(schema)), 400, 'invalid', /questions\[0\]/);
      expect(err.message).toContain('quality');
    });

    it('rejects two questions with the same id', async () => {
      const q = { id: 'quality', type: 'rating', prompt: 'Q?', min: 1, max: 5 };
      const err = expectError(await writesNothing(() => create({ questions: [q, q] })), 400, 'invalid', /questions\[1\]/);
      expect(err.message).toContain('quality');
    });

    it('rejects a missing schema and a schema that is not an object', async () => {
      expectError(await writesNothing(() => manager.post('/api/v1/projects', { name: 'no schema' })), 400, 'invalid', /schema/);
      expectError(await writesNothing(() => create('label everything')), 400, 'invalid');
      expectError(await writesNothing(() => create({ questions: [] })), 400, 'invalid');
    });

    it('rejects an invalid schema version on PUT and keeps the version in force', async () => {
      const projectId = await buildProject(w, { items: buildItems(2, 'schema') });
      const bad = { questions: [{ id: 'sentiment', type: 'label', prompt: 'S?', field: 'text', options: [{ value: 'x', label: 'X' }, { value: 'x', label: 'Y' }] }] };
      const err = expectError(await writesNothing(() => manager.request('PUT', `/api/v1/projects/${projectId}/schema`, bad)), 400, 'invalid', /questions\[0\]\.options/);
      expect(err.message).toContain('sentiment');
      // A valid schema the items do not fit: it reads a field they lack.
      const unfit = { questions: [{ id: 'tone', type: 'label', prompt: 'T?', field: 'title', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }] };
      expectError(await writesNothing(() => manager.request('PUT', `/api/v1/projects/${projectId}/schema`, unfit)), 400, 'invalid');
      expect((await manager.get(`/api/v1/projects/${projectId}`)).json().schemaVersion).toBe(1);
    });
  });

  describe('item imports', () => {
    let projectId: string;
    beforeAll(async () => {
      projectId = await buildProject(w, { items: buildItems(3, 'seed') });
    });

    it('names line 3 when it is not JSON, and writes no item', async () => {
      const body = [JSON.stringify({ id: 'm1', data: { text: 'one' } }), JSON.stringify({ id: 'm2', data: { text: 'two' } }), '{"id": "m3", "data": {"text": "thr', JSON.stringify({ id: 'm4', data: { text: 'four' } })].join('\n');
      const err = expectError(await writesNothing(() => importItems(projectId, body)), 400, 'invalid');
      expect(err.message).toContain('line 3');
    });

    it('names the line and the field when an item lacks a field the schema reads', async () => {
      const body = toJsonl([{ id: 'f1', data: { text: 'fine' } }, { id: 'f2', data: { body: 'no text here' } }]);
      const err = expectError(await writesNothing(() => importItems(projectId, body)), 400, 'invalid', /text/);
      expect(err.message).toContain('line 2');
      expect(err.message).toContain('text');
    });

    it('names the field when an item has the field with the wrong shape', async () => {
      const body = toJsonl([{ id: 's1', data: { text: { nested: true } } }]);
      const err = expectError(await writesNothing(() => importItems(projectId, body)), 400, 'invalid', /text/);
      expect(err.message).toContain('line 1');
    });

    it('names the column when the CSV header lacks one the schema reads', async () => {
      const csv = 'id,body\nc1,hello\nc2,world\n';
      const err = expectError(await writesNothing(() => importItems(projectId, csv, CSV)), 400, 'invalid');
      expect(err.message).toContain('"text"');
    });

    it('names the line of a CSV row with the wrong number of fields', async () => {
      const csv = 'id,text\nc1,hello\nc2,world,extra\nc3,again\n';
      const err = expectError(await writesNothing(() => importItems(projectId, csv, CSV)), 400, 'invalid');
      expect(err.message).toContain('line 3');
    });

    it('names the line of a CSV JSON column that does not parse', async () => {
      const csv = 'id,text,gold:json\nc1,hello,\nc2,world,{oops\n';
      const err = expectError(await writesNothing(() => importItems(projectId, csv, CSV)), 400, 'invalid');
      expect(err.message).toContain('line 3');
    });

    it('refuses an id that repeats within one import, naming both lines', async () => {
      const body = toJsonl([{ id: 'd1', data: { text: 'a' } }, { id: 'd2', data: { text: 'b' } }, { id: 'd1', data: { text: 'c' } }]);
      const err = expectError(await writesNothing(() => importItems(projectId, body)), 400, 'invalid', 'id');
      expect(err.message).toContain('line 3');
      expect(err.message).toContain('line 1');
    });

    it('refuses an id the project already has, and writes none of the new items', async () => {
      const body = toJsonl([{ id: 'new-1', data: { text: 'a' } }, { id: 'seed-2', data: { text: 'b' } }]);
      const err = expectError(await writesNothing(() => importItems(projectId, body)), 400, 'invalid', 'id');
      expect(err.message).toContain('seed-2');
      expect(err.message).toContain('line 2');
    });

    it('refuses an invalid gold answer riding along, naming the line and the question', async () => {
      const body = toJsonl([{ id: 'g1', data: { text: 'a' }, gold: { sentiment: 'meh' } }]);
      const err = expectError(await writesNothing(() => importItems(projectId, body)), 400, 'invalid', /sentiment/);
      expect(err.message).toContain('line 1');
    });

    it('refuses a JSON import that is not an array, and an empty import', async () => {
      expectError(await writesNothing(() => importItems(projectId, JSON.stringify({ id: 'x', data: { text: 'a' } }), { 'content-type': 'application/json' })), 400, 'invalid');
      expectError(await writesNothing(() => importItems(projectId, '[{"id": "x", "data": ', { 'content-type': 'application/json' })), 400, 'invalid');
      expectError(await writesNothing(() => importItems(projectId, '')), 400, 'invalid');
      expectError(await writesNothing(() => importItems(projectId, '\n\n')), 400, 'invalid');
    });

    it('names the element of a JSON array import that lacks a field', async () => {
      const body = JSON.stringify([{ id: 'e1', data: { text: 'ok' } }, { id: 'e2', data: {} }]);
      const err = expectError(await writesNothing(() => importItems(projectId, body, { 'content-type': 'application/json' })), 400, 'invalid', /text/);
      expect(err.message).toContain('element 2');
    });

    it('refuses a gold file naming an item the project lacks, and a gold answer twice', async () => {
      const gold = (rows: unknown[]) => manager.request('POST', `/api/v1/projects/${projectId}/gold`, toJsonl(rows), JSONL);
      const missing = expectError(await writesNothing(() => gold([{ id: 'seed-1', answers: { sentiment: 'pos' } }, { id: 'nope', answers: { sentiment: 'pos' } }])), 400, 'invalid', 'id');
      expect(missing.message).toContain('line 2');
      expectError(await writesNothing(() => gold([{ id: 'seed-1', answers: { sentiment: 'pos' } }, { id: 'seed-1', answers: { sentiment: 'neg' } }])), 400, 'invalid', 'id');
      const wrong = expectError(await writesNothing(() => gold([{ id: 'seed-1', answers: { sentiment: 'pos', quality: 9 } }])), 400, 'invalid', /quality/);
      expect(wrong.message).toContain('line 1');
    });
    it('lists every error of a gold file at once (a bad JSON line does not stop the check), and its dry run writes nothing', async () => {
      const lines = [
        JSON.stringify({ id: 'seed-1', answers: { sentiment: 'pos' } }),
        '{"id": "seed-2", "answers": ',
        JSON.stringify({ id: 'nope', answers: { sentiment: 'pos' } }),
        JSON.stringify({ id: 'seed-2', answers: { sentiment: 'meh' } }),
        JSON.stringify({ id: 'seed-1', answers: { sentiment: 'neg' } }),
      ].join('\n');
      const send = (query = '') => manager.request('POST', `/api/v1/projects/${projectId}/gold${query}`, lines, JSONL);
      const err = expectError(await writesNothing(() => send()), 400, 'invalid');
      const details = err.details as { errorCount: number; errors: { line: number; kind: string }[] };
      expect(details.errors.map((e) => [e.line, e.kind])).toEqual([
        [2, 'syntax'],
        [3, 'field'],
        [4, 'field'],
        [5, 'duplicate'],
      ]);
      expect(details.errorCount).toBe(4);
      expect(err.message).toMatch(/^line 2, column \d+: not valid JSON.*\(4 errors\); nothing was imported$/);

      const check = await writesNothing(() => send('?dryRun=true'));
      expect(check.statusCode, check.body).toBe(200);
      expect(check.json()).toMatchObject({ dryRun: true, ok: false, items: 1, errorCount: 4, duplicates: 1 });
      const fine = JSON.stringify({ id: 'seed-1', answers: { sentiment: 'pos' } });
      const ok = await writesNothing(() => manager.request('POST', `/api/v1/projects/${projectId}/gold?dryRun=true`, fine, JSONL));
      expect(ok.json()).toMatchObject({ dryRun: true, ok: true, items: 1, gold: 1, errorCount: 0, errors: [] });
    });
  });

  describe('answers', () => {
    let projectId: string;
    beforeAll(async () => {
      projectId = await buildProject(w, { items: buildItems(3, 'ans') });
    });

    it('refuses each bad answer with the field named, writes nothing, and keeps the lease usable', async () => {
      const next = await ann.post(`/api/v1/projects/${projectId}/tasks/next`);
      expect(next.statusCode).toBe(200);
      const task = next.json();
      const submit = (body: unknown, headers?: Record<string, string>) => ann.post(`/api/v1/tasks/${task.assignmentId}/submit`, body, headers);
      const cases: { name: string; answers: unknown; field: string }[] = [
        { name: 'rating out of range', answers: { sentiment: 'pos', quality: 9 }, field: 'answers.quality' },
        { name: 'rating below range', answers: { sentiment: 'pos', quality: 0 }, field: 'answers.quality' },
        { name: 'rating not an integer', answers: { sentiment: 'pos', quality: 2.5 }, field: 'answers.quality' },
        { name: 'unknown option', answers: { sentiment: 'meh' }, field: 'answers.sentiment' },
        { name: 'unknown question', answers: { sentiment: 'pos', bogus: 1 }, field: 'answers.bogus' },
        { name: 'missing required answer', answers: { quality: 3 }, field: 'answers.sentiment' },
        { name: 'wrong type for a label', answers: { sentiment: 5 }, field: 'answers.sentiment' },
        { name: 'wrong type for a rating', answers: { sentiment: 'pos', quality: 'five' }, field: 'answers.quality' },
        { name: 'answers not an object', answers: ['pos'], field: 'answers' },
      ];
      for (const c of cases) {
        const res = await writesNothing(() => submit({ answers: c.answers, timeSpentMs: 100 }, { 'idempotency-key': `bad-${c.name}` }));
        const err = expectError(res, 400, 'invalid', c.field);
        if (c.field !== 'answers') expect(err.message, c.name).toContain(c.field.split('.')[1]);
      }
      const row = await store.db.selectFrom('assignments').select(['status', 'lease_expires_at']).where('id', '=', task.assignmentId).executeTakeFirstOrThrow();
      expect(row.status).toBe('leased');
      expect(row.lease_expires_at).toBe(task.leaseExpiresAt);
      // A key first used with a refused body is not burnt: the same key now carries the good answer.
      const ok = await submit({ answers: { sentiment: 'pos', quality: 5 }, timeSpentMs: 100 }, { 'idempotency-key': 'bad-rating out of range' });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().answers).toEqual({ sentiment: 'pos', quality: 5 });
      const saved = await store.db.selectFrom('annotations').select('id').where('assignment_id', '=', task.assignmentId).execute();
      expect(saved).toHaveLength(1);
    });

    it('refuses a bad submit body (time, signals) with the field named', async () => {
      const task = (await ann.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
      const submit = (body: unknown) => writesNothing(() => ann.post(`/api/v1/tasks/${task.assignmentId}/submit`, body));
      expectError(await submit({ answers: { sentiment: 'pos' }, timeSpentMs: -1 }), 400, 'invalid', 'timeSpentMs');
      expectError(await submit({ answers: { sentiment: 'pos' } }), 400, 'invalid', 'timeSpentMs');
      expectError(await submit({ timeSpentMs: 10 }), 400, 'invalid', 'answers');
      expectError(await submit({ answers: { sentiment: 'pos' }, timeSpentMs: 10, clientSignals: { pastes: -2 } }), 400, 'invalid', 'clientSignals.pastes');
      expectError(await submit({ answers: { sentiment: 'pos' }, timeSpentMs: 10, clientSignals: { mouseWiggles: 3 } }), 400, 'invalid', /clientSignals/);
      expectError(
        await writesNothing(() => ann.post(`/api/v1/tasks/${task.assignmentId}/submit`, { answers: { sentiment: 'pos' }, timeSpentMs: 10 }, { 'idempotency-key': 'k'.repeat(201) })),
        400,
        'invalid',
        'idempotency-key',
      );
      expect((await ann.post(`/api/v1/tasks/${task.assignmentId}/submit`, { answers: { sentiment: 'neg' }, timeSpentMs: 10 })).statusCode).toBe(201);
    });

    it('refuses a second submit of a task, a reused Idempotency-Key on another task, and an unknown task', async () => {
      const own = await buildProject(w, { items: buildItems(2, 'twice') });
      const first = (await ann.post(`/api/v1/projects/${own}/tasks/next`)).json();
      const done = await ann.post(`/api/v1/tasks/${first.assignmentId}/submit`, { answers: { sentiment: 'pos' }, timeSpentMs: 10 }, { 'idempotency-key': 'once' });
      expect(done.statusCode, done.body).toBe(201);
      const second = (await ann.post(`/api/v1/projects/${own}/tasks/next`)).json();
      expect(second.assignmentId).not.toBe(first.assignmentId);

      const again = await writesNothing(() => ann.post(`/api/v1/tasks/${first.assignmentId}/submit`, { answers: { sentiment: 'neg' }, timeSpentMs: 10 }));
      expectError(again, 409, 'conflict', 'assignmentId');
      const reused = await writesNothing(() => ann.post(`/api/v1/tasks/${second.assignmentId}/submit`, { answers: { sentiment: 'neg' }, timeSpentMs: 10 }, { 'idempotency-key': 'once' }));
      expectError(reused, 409, 'conflict', 'Idempotency-Key');
      const unknown = await writesNothing(() => ann.post('/api/v1/tasks/nonexistent0000/submit', { answers: { sentiment: 'pos' }, timeSpentMs: 1 }));
      expectError(unknown, 404, 'not_found');
      const row = await store.db.selectFrom('assignments').select('status').where('id', '=', second.assignmentId).executeTakeFirstOrThrow();
      expect(row.status).toBe('leased');
    });

    it('refuses a skip without a reason', async () => {
      const task = (await ann.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
      expectError(await writesNothing(() => ann.post(`/api/v1/tasks/${task.assignmentId}/skip`, {})), 400, 'invalid', 'reason');
      expectError(await writesNothing(() => ann.post(`/api/v1/tasks/${task.assignmentId}/skip`, { reason: '   ' })), 400, 'invalid', 'reason');
      const row = await store.db.selectFrom('assignments').select('status').where('id', '=', task.assignmentId).executeTakeFirstOrThrow();
      expect(row.status).toBe('leased');
    });
  });

  describe('body size', () => {
    it('answers a JSON body over 1 MiB with 413 payload_too_large', async () => {
      const body = JSON.stringify({ name: 'huge', schema: labelSchema, guidelines: 'x'.repeat(1024 * 1024 + 10) });
      const res = await writesNothing(() => manager.request('POST', '/api/v1/projects', body, { 'content-type': 'application/json' }));
      expectError(res, 413, 'payload_too_large');
    });

    describe('with an import limit of 1000 bytes', () => {
      let small: FastifyInstance;
      let m: Client;
      let projectId: string;
      const rows = buildItems(150, 'big');
      beforeAll(async () => {
        small = await buildApp({ deps: w.deps, importLimitBytes: 1000 });
        m = clientFor(small, manager.user, manager.token);
        projectId = await buildProject(w, { items: [] });
      });
      afterAll(async () => {
        await small?.close();
      });

      const bodies: Record<string, { body: string; headers: Record<string, string>; route: 'items' | 'gold' }> = {
        'a JSON Lines import': { body: toJsonl(rows), headers: JSONL, route: 'items' },
        'a JSON array import': { body: JSON.stringify(rows), headers: { 'content-type': 'application/json' }, route: 'items' },
        'a CSV import': { body: 'id,text\n' + rows.map((r) => `${r.id},${r.data.text.replace(/,/g, ' ')}`).join('\n') + '\n', headers: CSV, route: 'items' },
        'a gold file': { body: toJsonl(rows.map((r) => ({ id: r.id, answers: { sentiment: 'pos' } }))), headers: JSONL, route: 'gold' },
      };
      for (const [name, { body, headers, route }] of Object.entries(bodies)) {
        it(`answers ${name} of 5 KB with 413 and writes nothing`, async () => {
          expect(body.length).toBeGreaterThan(5000);
          const res = await writesNothing(() => m.request('POST', `/api/v1/projects/${projectId}/${route}`, body, headers));
          expectError(res, 413, 'payload_too_large');
        }, 10_000);
      }

      it('imports a body under the limit through the same app', async () => {
        const ok = await m.request('POST', `/api/v1/projects/${projectId}/items`, toJsonl(buildItems(2, 'fits')), JSONL);
        expect(ok.statusCode, ok.body).toBe(201);
      });
    });
  });

  describe('content types and syntax', () => {
    it('answers POST /projects with text/plain with 415 unsupported_media_type', async () => {
      const res = await writesNothing(() => manager.request('POST', '/api/v1/projects', JSON.stringify({ name: 'x', schema: labelSchema }), { 'content-type': 'text/plain' }));
      expectError(res, 415, 'unsupported_media_type');
    });

    it('answers an import sent as application/xml with 415', async () => {
      const projectId = await buildProject(w, { items: [] });
      const res = await writesNothing(() => importItems(projectId, '<items><item id="1">a</item></items>', { 'content-type': 'application/xml' }));
      expectError(res, 415, 'unsupported_media_type');
    });

    it('answers a body that is not JSON with 400 invalid', async () => {
      const res = await writesNothing(() => manager.request('POST', '/api/v1/projects', '{"name": "x", "schema": ', { 'content-type': 'application/json' }));
      expectError(res, 400, 'invalid');
      const empty = await writesNothing(() => manager.request('POST', '/api/v1/projects', '', { 'content-type': 'application/json' }));
      expectError(empty, 400, 'invalid');
    });
  });

  describe('queries and settings', () => {
    it('answers a cursor the server never issued with 400 naming cursor', async () => {
      const projectId = await buildProject(w, { items: buildItems(1, 'cur') });
      for (const url of [
        '/api/v1/projects?cursor=not-a-cursor',
        `/api/v1/projects/${projectId}/annotations?cursor=${Buffer.from('{"a":1}').toString('base64url')}`,
        '/api/v1/users?cursor=%E2%98%83',
      ]) {
        expectError(await manager.get(url), 400, 'invalid', 'cursor');
      }
    });

    it('names the field zod refuses, in the body and in the query', async () => {
      const create = (extra: object) => writesNothing(() => manager.post('/api/v1/projects', { name: 'z', schema: labelSchema, ...extra }));
      expectError(await create({ overlapK: 0 }), 400, 'invalid', 'overlapK');
      expectError(await create({ overlapK: 1.5 }), 400, 'invalid', 'overlapK');
      expectError(await create({ goldRate: 2 }), 400, 'invalid', 'goldRate');
      expectError(await create({ leaseSeconds: 1 }), 400, 'invalid', 'leaseSeconds');
      expectError(await create({ status: 'deleted' }), 400, 'invalid', 'status');
      expectError(await create({ vendors: [{ enabled: true }] }), 400, 'invalid', 'vendors[0].vendorId');
      expectError(await create({ name: '' }), 400, 'invalid', 'name');
      expectError(await create({ name: 'n'.repeat(201) }), 400, 'invalid', 'name');
      expectError(await create({ guidelines: 'g'.repeat(1_000_001) }), 400, 'invalid', 'guidelines');
      expectError(await manager.get('/api/v1/projects?limit=0'), 400, 'invalid', 'limit');
      expectError(await manager.get('/api/v1/projects?limit=501'), 400, 'invalid', 'limit');
      expectError(await manager.get('/api/v1/projects?limit=ten'), 400, 'invalid', 'limit');
      expectError(await manager.get('/api/v1/projects?status=gone'), 400, 'invalid', 'status');
      const projectId = await buildProject(w, { items: buildItems(1, 'zod') });
      expectError(await writesNothing(() => manager.request('PATCH', `/api/v1/projects/${projectId}`, { overlapK: 0 })), 400, 'invalid', 'overlapK');
      expectError(await manager.get(`/api/v1/projects/${projectId}/export?format=xlsx`), 400, 'invalid', 'format');
      expectError(await manager.get(`/api/v1/projects/${projectId}/schema?version=0`), 400, 'invalid', 'version');
      expect((await manager.get(`/api/v1/projects/${projectId}`)).json().overlapK).toBe(1);
    });

    it('refuses a user with a malformed email or an unknown role', async () => {
      expectError(await writesNothing(() => w.admin.post('/api/v1/users', { email: 'not-an-email', name: 'X', role: 'annotator' })), 400, 'invalid', 'email');
      expectError(await writesNothing(() => w.admin.post('/api/v1/users', { email: 'x@test.assay', name: 'X', role: 'superuser' })), 400, 'invalid', 'role');
      expectError(await writesNothing(() => w.admin.post('/api/v1/users', { email: 'x@test.assay', name: 'X', role: 'vendor_manager' })), 400, 'invalid', 'vendorId');
    });

    it('answers an unknown route with 404 in the same envelope', async () => {
      expectError(await manager.get('/api/v1/nothing-here'), 404, 'not_found');
    });
  });
});
