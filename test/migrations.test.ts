import { describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase } from './support/databases.js';
import { openStore, migrateToLatest, migrateAllDown } from '../src/store/db.js';

const TABLES = ['annotation_signals', 'annotations', 'annotator_profiles', 'annotator_project_status', 'annotator_skills', 'api_tokens', 'assignments', 'events', 'gold_answers', 'gold_scores', 'guidelines', 'instance_setup', 'item_flags', 'item_results', 'items', 'organizations', 'project_schemas', 'project_vendors', 'projects', 'qualification_attempts', 'qualifications', 'review_policies', 'reviews', 'sessions', 'signal_policies', 'users', 'vendors'];

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  it('runs every up, then every down, leaving no table of ours', async () => {
    const tdb = await createTestDatabase(dialect);
    const store = openStore(tdb.url);
    try {
      const applied = await migrateToLatest(store.db);
      expect(applied.length).toBeGreaterThan(0);
      const names = async () => (await store.db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_')).sort();
      expect(await names()).toEqual(TABLES);
      expect(await migrateToLatest(store.db)).toEqual([]);
      await migrateAllDown(store.db);
      expect(await names()).toEqual([]);
    } finally {
      await store.close();
      await tdb.drop();
    }
  });
});
