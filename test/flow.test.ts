import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildItems, buildProject, buildWorld, toJsonl, type World } from './factories.js';
import type { Store } from '../src/store/db.js';

describe.each(DIALECTS)('the label flow on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let w: World;
  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 2 });
  });
  afterAll(async () => {
    await w.app.close();
    await close();
  });

  it('creates a project, imports, lets two annotators label with k=2, and exports every annotation once', async () => {
    const projectId = await buildProject(w, { overlapK: 2, items: buildItems(6) });
    const [a, b] = w.annotators as [World['annotators'][0], World['annotators'][0]];
    const submitted: string[] = [];
    for (const ann of [a, b]) {
      for (;;) {
        const next = await ann.post(`/api/v1/projects/${projectId}/tasks/next`);
        if (next.statusCode === 409) {
          expect(next.json().error.code).toBe('no_task');
          break;
        }
        expect(next.statusCode).toBe(200);
        const task = next.json();
        expect(task.item.data.text).toMatch(/^Item number/);
        expect(task.item).not.toHaveProperty('external_id');
        const sub = await ann.post(`/api/v1/tasks/${task.assignmentId}/submit`, {
          answers: { sentiment: 'pos', quality: 4 },
          timeSpentMs: 1200,
          clientSignals: { pastes: 0, focusLosses: 1 },
        });
        expect(sub.statusCode).toBe(201);
        submitted.push(sub.json().id);
      }
    }
    expect(submitted).toHaveLength(12);

    const progress = (await w.manager.get(`/api/v1/projects/${projectId}/progress`)).json();
    expect(progress).toMatchObject({ totalItems: 6, completeItems: 6, judgments: 12, judgmentsNeeded: 0, remainingItems: 0 });

    const exp = await w.manager.get(`/api/v1/projects/${projectId}/export?format=jsonl`);
    expect(exp.statusCode).toBe(200);
    expect(exp.headers['content-type']).toContain('application/x-ndjson');
    const lines = exp.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(12);
    expect(new Set(lines.map((l) => l.annotation_id))).toEqual(new Set(submitted));
    const perItem = new Map<string, Set<string>>();
    for (const l of lines) {
      expect(l.answers).toEqual({ sentiment: 'pos', quality: 4 });
      expect(l.annotator).toMatch(/^annotator-[0-9a-f]{10}$/);
      expect(['In-house', 'Crowd']).toContain(l.vendor);
      expect(l).toMatchObject({ time_spent_ms: 1200, schema_version: 1, guideline_version: 1, is_gold: false });
      perItem.set(l.external_id, (perItem.get(l.external_id) ?? new Set()).add(l.annotator));
    }
    expect(perItem.size).toBe(6);
    for (const annotatorsOfItem of perItem.values()) expect(annotatorsOfItem.size).toBe(2);

    const csv = await w.manager.get(`/api/v1/projects/${projectId}/export?format=csv`);
    const rows = csv.body.trim().split('\n');
    expect(rows[0]).toBe('annotation_id,item_id,external_id,is_gold,annotator,vendor,time_spent_ms,schema_version,guideline_version,created_at,review_outcome,corrects_annotation_id,answer.sentiment,answer.quality');
    expect(rows).toHaveLength(13);
  });

  it('pages through annotations with a cursor, each once', async () => {
    const projectId = await buildProject(w, { overlapK: 1, items: buildItems(5) });
    const a = w.annotators[0]!;
    for (let i = 0; i < 5; i++) {
      const t = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
      expect((await a.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment: 'neg' }, timeSpentMs: 10 })).statusCode).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await w.manager.get(`/api/v1/projects/${projectId}/annotations?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((x: { id: string }) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('records the schema and guideline versions an annotation answered', async () => {
    const projectId = await buildProject(w, { items: buildItems(2) });
    const put = await w.manager.request('PUT', `/api/v1/projects/${projectId}/guidelines`, { markdown: '# v2\nNew rule.' });
    expect(put.statusCode).toBe(201);
    expect(put.json().version).toBe(2);
    const a = w.annotators[1]!;
    const t = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    expect(t.guidelineVersion).toBe(2);
    const g = (await a.get(`/api/v1/projects/${projectId}/guidelines`)).json();
    expect(g).toMatchObject({ version: 2, markdown: '# v2\nNew rule.' });
    const s = (await a.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment: 'neu' }, timeSpentMs: 5 })).json();
    expect(s).toMatchObject({ schemaVersion: 1, guidelineVersion: 2 });
  });

  it('imports CSV and gold in the same file, and serves gold items like any other', async () => {
    // No gold draw (a new project's default rate is 0.1): the first task is then the first normal item.
    const res = await w.manager.post('/api/v1/projects', { name: 'csv', goldRate: 0, schema: { questions: [{ id: 'sentiment', type: 'label', prompt: 'S?', field: 'text', options: [{ value: 'pos', label: 'P' }, { value: 'neg', label: 'N' }] }] } });
    const projectId = res.json().id;
    const csv = 'id,text,gold:json\nc1,"Great, really",\nc2,Awful,"{""sentiment"":""neg""}"\n';
    const imp = await w.manager.request('POST', `/api/v1/projects/${projectId}/items`, csv, { 'content-type': 'text/csv' });
    expect(imp.statusCode).toBe(201);
    expect(imp.json()).toEqual({ imported: 2, gold: 1 });
    const a = w.annotators[0]!;
    const t1 = (await a.post(`/api/v1/projects/${projectId}/tasks/next`)).json();
    expect(Object.keys(t1).sort()).toEqual(['assignmentId', 'guidelineVersion', 'item', 'leaseExpiresAt', 'projectId', 'schemaVersion']);
    expect(Object.keys(t1.item).sort()).toEqual(['data', 'id']);
    expect(t1.item.data).toEqual({ text: 'Great, really' });
  });

  it('imports gold answers from a separate file', async () => {
    const projectId = await buildProject(w, { items: buildItems(3, 'g') });
    const gold = toJsonl([{ id: 'g-1', answers: { sentiment: 'pos' }, explanation: 'Says "fine".' }, { id: 'g-2', answers: { sentiment: 'neu' } }]);
    const r = await w.manager.request('POST', `/api/v1/projects/${projectId}/gold`, gold, { 'content-type': 'application/x-ndjson' });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toEqual({ gold: 2 });
    const again = await w.manager.request('POST', `/api/v1/projects/${projectId}/gold`, gold, { 'content-type': 'application/x-ndjson' });
    expect(again.statusCode).toBe(400);
  });
});
