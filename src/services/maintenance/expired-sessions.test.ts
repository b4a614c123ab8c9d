import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openStore, type Store } from '../../store/db.js';
import { insertSession } from '../../store/credentials.js';
import { makeDeps } from '../deps.js';
import { deleteExpiredLoginSessions } from './expired-sessions.js';

describe('deleteExpiredLoginSessions', () => {
  let store: Store;
  beforeAll(async () => {
    store = openStore('sqlite::memory:');
    await migrateToLatest(store.db);
    await store.db.insertInto('organizations').values({ id: 'o1', name: 'One', created_at: '2026-01-01T00:00:00.000Z' }).execute();
    await store.db
      .insertInto('users')
      .values({ id: 'u1', org_id: 'o1', email: 'a@example.com', name: 'A', role: 'admin', vendor_id: null, pseudonym: 'p1', password_hash: null, active: 1, created_at: '2026-01-01T00:00:00.000Z' })
      .execute();
  });
  afterAll(() => store.close());

  it('deletes the sessions expired at the clock of the deps, keeping the live ones', async () => {
    await insertSession(store.db, { id: 'old', user_id: 'u1', created_at: '2026-01-01T00:00:00.000Z', expires_at: '2026-01-01T12:00:00.000Z' });
    await insertSession(store.db, { id: 'live', user_id: 'u1', created_at: '2026-01-01T00:00:00.000Z', expires_at: '2026-01-03T00:00:00.000Z' });
    await deleteExpiredLoginSessions(makeDeps(store, { now: () => new Date('2026-01-02T00:00:00.000Z') }));
    const left = await store.db.selectFrom('sessions').select('id').execute();
    expect(left.map((s) => s.id)).toEqual(['live']);
  });
});
