import type { Executor } from './db.js';

export async function insertOrganization(db: Executor, row: { id: string; name: string; created_at: string }) {
  await db.insertInto('organizations').values(row).execute();
}

export function getOrganization(db: Executor, id: string) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function countOrganizations(db: Executor) {
  return db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** The first run's one row (see migration 0015): its constant key makes a second first run fail on insert. */
export const FIRST_RUN_KEY = 'first-run';

export async function insertInstanceSetup(db: Executor, row: { org_id: string; via: 'cli' | 'web'; created_at: string }) {
  await db.insertInto('instance_setup').values({ id: FIRST_RUN_KEY, ...row }).execute();
}

/** Up to `limit` organization ids, enough to tell none, one and several apart. */
export function listOrganizationIds(db: Executor, limit: number): Promise<string[]> {
  return db.selectFrom('organizations').select('id').limit(limit).execute().then((rows) => rows.map((r) => r.id));
}
