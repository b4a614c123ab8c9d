/**
 * What a vendor quota is measured against: the tasks a vendor's annotators have taken on a project, and the project's
 * normal items (a quota can be a share of them). Read by routing before a claim, only for projects with quotas.
 */
import type { Executor } from './db.js';
import { prepare } from './prepared.js';

const vendorTasks = prepare<{ projectId: string; vendorId: string; now: string }, { n: unknown }>((db, p) =>
  db
    .selectFrom('assignments as a')
    .innerJoin('users as u', 'u.id', 'a.annotator_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('a.project_id', '=', p.projectId)
    .where('u.vendor_id', '=', p.vendorId)
    .where((eb) => eb.or([eb('a.status', '=', 'submitted'), eb.and([eb('a.status', '=', 'leased'), eb('a.lease_expires_at', '>', p.now)])])),
);

/**
 * Tasks the vendor's annotators have taken on the project, for its quota: leases still running and submissions,
 * gold included (skipped and expired ones gave their slot back). One pass over the project's leased and submitted
 * assignments (assignments_project_status_idx); run only for projects that set a quota for the vendor.
 */
export async function vendorTasksTaken(db: Executor, projectId: string, vendorId: string, now: string): Promise<number> {
  return Number((await vendorTasks.first(db, { projectId, vendorId, now }))?.n ?? 0);
}

const normalItems = prepare<{ projectId: string }, { n: unknown }>((db, p) =>
  db
    .selectFrom('items')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('project_id', '=', p.projectId)
    .where('is_gold', '=', 0)
    .where('import_id', 'is', null),
);

/** The project's published normal (not gold) items. */
export async function countNormalItems(db: Executor, projectId: string): Promise<number> {
  return Number((await normalItems.first(db, { projectId }))?.n ?? 0);
}
