import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openStore, migrateToLatest, type Store } from './db.js';
import { prepare } from './prepared.js';

describe('prepare', () => {
  let store: Store;
  beforeAll(async () => {
    store = openStore('sqlite::memory:');
    await migrateToLatest(store.db);
    await store.db.insertInto('organizations').values([{ id: 'o1', name: 'One', created_at: 'a' }, { id: 'o2', name: 'Two', created_at: 'b' }]).execute();
  });
  afterAll(() => store.close());

  const byId = prepare<{ id: string }, { id: string; name: string }>((db, p) =>
    db.selectFrom('organizations').select(['id', 'name']).where('id', '=', p.id).where('name', '!=', 'constant kept as is'),
  );

  it('fills named parameters into the query compiled once, keeping constants', async () => {
    expect(await byId.first(store.db, { id: 'o2' })).toEqual({ id: 'o2', name: 'Two' });
    expect(await byId.first(store.db, { id: 'o1' })).toEqual({ id: 'o1', name: 'One' });
    expect(await byId.first(store.db, { id: 'nope' })).toBeUndefined();
  });

  it('reports how many rows a write changed', async () => {
    const rename = prepare<{ id: string; name: string }>((db, p) =>
      db.updateTable('organizations').set({ name: sql`${p.name}` }).where('id', '=', p.id),
    );
    expect(await rename.run(store.db, { id: 'o1', name: 'Uno' })).toBe(1);
    expect(await rename.run(store.db, { id: 'zz', name: 'x' })).toBe(0);
    expect((await byId.first(store.db, { id: 'o1' }))!.name).toBe('Uno');
  });
});
