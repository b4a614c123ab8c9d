/**
 * Test-only (never imported by the library): what a service test beside its module starts from, the real store
 * migrated on in-memory SQLite, the deps on a clock the test moves, and an organization whose admin, manager and
 * annotator were made through the services themselves. Cases that need both dialects or the HTTP API go in test/.
 */
import type { Actor } from '../../core/permissions.js';
import { migrateToLatest, openStore, type Store } from '../../store/db.js';
import { makeDeps, type ServiceDeps } from '../deps.js';
import { createOrganization } from '../workforce/organizations.js';
import { createUser, type UserView } from '../workforce/users.js';
import { systemActor } from '../../core/permissions.js';

export interface TestDeps {
  deps: ServiceDeps;
  store: Store;
  orgId: string;
  /** The system actor scoped to the organization, as the CLI and jobs act. */
  system: Actor;
  admin: Actor;
  manager: Actor;
  annotator: Actor;
  /** Moves the deps' clock forward; it starts at 2026-01-01T00:00:00Z and stands still otherwise. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** The actor a signed-in user acts as. */
export const actorOf = (user: UserView, orgId: string): Actor => ({ kind: 'user', userId: user.id, orgId, role: user.role, vendorId: user.vendorId });

export async function openTestDeps(opts: Partial<Omit<ServiceDeps, 'store' | 'now'>> = {}): Promise<TestDeps> {
  const store = openStore('sqlite::memory:');
  await migrateToLatest(store.db);
  let now = Date.parse('2026-01-01T00:00:00.000Z');
  const deps = makeDeps(store, { secret: 'service-test-secret-0123456789', ...opts, now: () => new Date(now) });
  const org = await createOrganization(deps, 'Service Test Lab');
  const system = systemActor(org.id);
  const make = async (role: 'admin' | 'manager' | 'annotator') =>
    actorOf(await createUser(deps, system, { email: `${role}@service.test`, name: role, role }), org.id);
  return {
    deps,
    store,
    orgId: org.id,
    system,
    admin: await make('admin'),
    manager: await make('manager'),
    annotator: await make('annotator'),
    advance: (ms) => void (now += ms),
    close: () => store.close(),
  };
}
