/** `GET /users?q=`: the admin screen's search box, over name and email, case-insensitive, LIKE wildcards literal. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildWorld, type World } from './factories.js';
import type { Store } from '../src/store/db.js';

describe.each(DIALECTS)('user search on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let w: World;

  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 0 });
    for (const [name, email] of [
      ['Zofia Kowalska', 'zofia@search.assay'],
      ['Ömer 100% Sure', 'omer@search.assay'],
      ['Paul Smith', 'p_smith@search.assay'],
    ]) {
      expect((await w.admin.post('/api/v1/users', { name, email, role: 'annotator', vendorId: w.vendors.crowd })).statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await w?.app.close();
    await close?.();
  });

  const names = async (query: string) =>
    ((await w.admin.get(`/api/v1/users?${query}`)).json() as { items: { name: string }[] }).items.map((u) => u.name).sort();

  it('matches the name or the email, ignoring case', async () => {
    expect(await names('q=KOWAL')).toEqual(['Zofia Kowalska']);
    expect(await names('q=omer%40search')).toEqual(['Ömer 100% Sure']);
    expect(await names('q=search.assay')).toEqual(['Paul Smith', 'Zofia Kowalska', 'Ömer 100% Sure'].sort());
  });

  it('takes % and _ literally', async () => {
    expect(await names('q=%25')).toEqual(['Ömer 100% Sure']);
    expect(await names('q=p_s')).toEqual(['Paul Smith']);
    expect(await names('q=p_')).toEqual(['Paul Smith']);
  });

  it('combines with the role filter and pages like the unfiltered list', async () => {
    expect(await names('q=search.assay&role=manager')).toEqual([]);
    const first = (await w.admin.get('/api/v1/users?q=search.assay&limit=2')).json() as { items: unknown[]; nextCursor: string | null };
    expect(first.items).toHaveLength(2);
    const rest = (await w.admin.get(`/api/v1/users?q=search.assay&limit=2&cursor=${first.nextCursor}`)).json() as { items: unknown[]; nextCursor: string | null };
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
  });
});
