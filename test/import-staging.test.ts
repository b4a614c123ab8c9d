/** Imports stream into staged rows: invisible until published, gone on any error or after a crash. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildItems, buildProject, buildWorld, toJsonl, type World } from './factories.js';
import type { Store } from '../src/store/db.js';
import { systemActor } from '../src/core/permissions.js';
import { importItems } from '../src/services/items/import-items.js';
import { deleteAbandonedImportItems, ABANDONED_IMPORT_AFTER_MS } from '../src/services/maintenance/abandoned-imports.js';

describe.each(DIALECTS)('staged imports on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let w: World;
  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 1 });
  });
  afterAll(async () => {
    await w.app.close();
    await close();
  });
  const count = async (projectId: string) =>
    Number((await store.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow()).n);

  it('writes nothing when a line after several written chunks is bad', async () => {
    const projectId = await buildProject(w, { items: [] });
    const rows: unknown[] = buildItems(250);
    rows.splice(230, 0, { id: 'bad', data: { nope: 1 } });
    const sys = systemActor(w.orgId);
    await expect(importItems(w.deps, sys, projectId, Readable.from([toJsonl(rows)]), { format: 'jsonl', chunkRows: 50 })).rejects.toThrow(/^line 231: /);
    expect(await count(projectId)).toBe(0);
  });

  it('publishes every chunk in file order after the project\'s existing items', async () => {
    const projectId = await buildProject(w, { items: buildItems(3, 'first') });
    const sys = systemActor(w.orgId);
    const r = await importItems(w.deps, sys, projectId, Readable.from([toJsonl(buildItems(120, 'second'))]), { format: 'jsonl', chunkRows: 25 });
    expect(r).toEqual({ imported: 120, gold: 0 });
    const items = await store.db.selectFrom('items').select(['external_id', 'seq', 'open', 'import_id']).where('project_id', '=', projectId).orderBy('seq').execute();
    expect(items.map((i) => i.external_id)).toEqual([...buildItems(3, 'first'), ...buildItems(120, 'second')].map((i) => i.id));
    expect(new Set(items.map((i) => i.seq)).size).toBe(123);
    expect(items.every((i) => i.open === 1 && i.import_id === null)).toBe(true);
  });

  it('reports an id the project already has, found in a later chunk, and writes nothing', async () => {
    const projectId = await buildProject(w, { items: buildItems(2, 'dup') });
    const sys = systemActor(w.orgId);
    const rows = [...buildItems(60, 'new'), { id: 'dup-2', data: { text: 'again' } }];
    await expect(importItems(w.deps, sys, projectId, Readable.from([toJsonl(rows)]), { format: 'jsonl', chunkRows: 20 })).rejects.toThrow(/line 61: the project already has an item with id "dup-2"/);
    expect(await count(projectId)).toBe(2);
  });

  it('keeps staged items away from annotators and progress, and deletes them when abandoned', async () => {
    const projectId = await buildProject(w, { items: [] });
    const old = new Date(Date.now() - ABANDONED_IMPORT_AFTER_MS - 60_000).toISOString();
    await store.db
      .insertInto('items')
      .values({ id: 'itm_staged', project_id: projectId, external_id: 's1', data: JSON.stringify({ text: 'x' }), priority: 0, seq: 0, active_count: 0, submitted_count: 0, open: 0, import_id: 'imp_crashed', created_at: old })
      .execute();
    const next = await w.annotators[0]!.post(`/api/v1/projects/${projectId}/tasks/next`);
    expect(next.statusCode).toBe(409);
    expect(next.json().error.details.reason).toBe('no_items');
    expect((await w.manager.get(`/api/v1/projects/${projectId}/progress`)).json().totalItems).toBe(0);
    expect(await deleteAbandonedImportItems(w.deps)).toBe(1);
    expect(await count(projectId)).toBe(0);
  });
});
