import { sql } from 'kysely';
import type { Executor } from './db.js';
import type { ProjectRow, ProjectUpdate } from './schema.js';
import { afterKey, decodeCursor } from './pagination.js';
import { toJson } from './dialect.js';
import { prepare } from './prepared.js';

export async function insertProject(db: Executor, row: ProjectRow) {
  await db.insertInto('projects').values(row).execute();
}

const projectById = prepare<{ id: string }, ProjectRow>((db, p) => db.selectFrom('projects').selectAll().where('id', '=', p.id));

export function getProject(db: Executor, id: string): Promise<ProjectRow | undefined> {
  return projectById.first(db, { id });
}

export interface ListProjectsOptions {
  orgId: string;
  /** Only projects this vendor's annotators may work on (enabled for it, or open to every vendor). */
  openToVendor?: string | null | undefined;
  statuses?: string[] | undefined;
  /** Only projects of this kind (`production` or `qualification`). */
  kind?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export function listProjects(db: Executor, o: ListProjectsOptions): Promise<ProjectRow[]> {
  const after = decodeCursor(o.cursor);
  return db
    .selectFrom('projects')
    .selectAll()
    .where('org_id', '=', o.orgId)
    .$if(o.statuses !== undefined, (q) => q.where('status', 'in', o.statuses!))
    .$if(o.kind !== undefined, (q) => q.where('kind', '=', o.kind!))
    .$if(o.openToVendor !== undefined, (q) => q.where((eb) => openToVendorCondition(eb, o.openToVendor ?? null)))
    .$if(after !== null, (q) => q.where((eb) => afterKey(eb, after!)))
    .orderBy('created_at')
    .orderBy('id')
    .limit(o.limit + 1)
    .execute();
}

/**
 * The active production projects an annotator of `vendorId` may work on, in serving order: project priority first,
 * then age. With the project (if any) where they hold a live lease, which is resumed before anything else.
 */
export async function workQueueProjects(db: Executor, o: { orgId: string; vendorId: string | null; annotatorId: string; now: string }) {
  const projects = await db
    .selectFrom('projects')
    .selectAll()
    .where('org_id', '=', o.orgId)
    .where('status', '=', 'active')
    .where('kind', '=', 'production')
    .where((eb) => openToVendorCondition(eb, o.vendorId))
    .orderBy('priority', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const lease = await db
    .selectFrom('assignments')
    .select('project_id')
    .where('annotator_id', '=', o.annotatorId)
    .where('status', '=', 'leased')
    .where('lease_expires_at', '>', o.now)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return { projects, leasedIn: lease?.project_id ?? null };
}

/**
 * A project is open to a vendor when it lists no vendors at all (open to the whole organization) or lists this
 * vendor as enabled. Annotators without a vendor see only projects that list no vendors.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the expression builder's table set varies by caller
export function openToVendorCondition(eb: any, vendorId: string | null) {
  const none = eb.not(
    eb.exists(eb.selectFrom('project_vendors as pv').select('pv.vendor_id').whereRef('pv.project_id', '=', 'projects.id')),
  );
  if (vendorId === null) return none;
  return eb.or([
    none,
    eb.exists(
      eb
        .selectFrom('project_vendors as pv')
        .select('pv.vendor_id')
        .whereRef('pv.project_id', '=', 'projects.id')
        .where('pv.vendor_id', '=', vendorId)
        .where('pv.enabled', '=', 1),
    ),
  ]);
}

/** A project as an annotator (or vendor manager) reads it, with their vendor's quota on it (null: none, or no vendor). */
export type ProjectForVendor = ProjectRow & { vendor_quota_tasks: number | null; vendor_quota_share: number | null };

const openToVendorQuery = (activeOnly: boolean, withVendor: boolean) =>
  prepare<{ id: string; vendorId: string }, ProjectForVendor>((db, p) =>
    db
      .selectFrom('projects')
      // The vendor's own row (its quota), when the project lists it: one primary-key probe beside the visibility check.
      .leftJoin('project_vendors as own', (j) => j.onRef('own.project_id', '=', 'projects.id').on('own.vendor_id', '=', withVendor ? p.vendorId : ''))
      .selectAll('projects')
      .select(['own.quota_tasks as vendor_quota_tasks', 'own.quota_share as vendor_quota_share'])
      .where('projects.id', '=', p.id)
      .$if(activeOnly, (q) => q.where('projects.status', '=', 'active'))
      .where((eb) => openToVendorCondition(eb, withVendor ? p.vendorId : null)),
  );
// One prepared shape per combination: each request of an annotator runs one of these.
const openToVendorQueries = {
  activeWithVendor: openToVendorQuery(true, true),
  activeNoVendor: openToVendorQuery(true, false),
  anyWithVendor: openToVendorQuery(false, true),
  anyNoVendor: openToVendorQuery(false, false),
};

/** The project if it is open to the vendor (and, for an annotator, active), with the vendor's quota, in one query. */
export function getProjectOpenToVendor(
  db: Executor,
  projectId: string,
  vendorId: string | null,
  activeOnly: boolean,
): Promise<ProjectForVendor | undefined> {
  const q = openToVendorQueries[`${activeOnly ? 'active' : 'any'}${vendorId === null ? 'NoVendor' : 'WithVendor'}`];
  return q.first(db, { id: projectId, vendorId: vendorId ?? '' });
}

export async function updateProject(db: Executor, id: string, patch: ProjectUpdate) {
  await db.updateTable('projects').set(patch).where('id', '=', id).execute();
}

/** Reserves `n` consecutive serving positions for an import and returns the first. */
export async function reserveSeq(db: Executor, projectId: string, n: number): Promise<number> {
  const row = await db
    .updateTable('projects')
    .set({ next_seq: sql`next_seq + ${n}` })
    .where('id', '=', projectId)
    .returning('next_seq')
    .executeTakeFirstOrThrow();
  return row.next_seq - n;
}

export async function insertSchemaVersion(
  db: Executor,
  row: { project_id: string; version: number; schema: unknown; created_by: string; created_at: string },
) {
  await db
    .insertInto('project_schemas')
    .values({ ...row, schema: toJson(row.schema) })
    .execute();
}

export function getSchemaVersion(db: Executor, projectId: string, version: number) {
  return db
    .selectFrom('project_schemas')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function insertGuidelines(
  db: Executor,
  row: { project_id: string; version: number; markdown: string; created_by: string; created_at: string },
) {
  await db.insertInto('guidelines').values(row).execute();
}

export function getGuidelines(db: Executor, projectId: string, version: number) {
  return db
    .selectFrom('guidelines')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function listGuidelines(db: Executor, projectId: string) {
  return db
    .selectFrom('guidelines')
    .select(['version', 'created_by', 'created_at'])
    .where('project_id', '=', projectId)
    .orderBy('version')
    .execute();
}

export async function replaceProjectVendors(
  db: Executor,
  projectId: string,
  vendors: { vendorId: string; enabled: boolean; quotaTasks?: number | null | undefined; quotaShare?: number | null | undefined }[],
) {
  await db.deleteFrom('project_vendors').where('project_id', '=', projectId).execute();
  if (vendors.length === 0) return;
  await db
    .insertInto('project_vendors')
    .values(
      vendors.map((v) => ({
        project_id: projectId,
        vendor_id: v.vendorId,
        enabled: v.enabled ? 1 : 0,
        quota_tasks: v.quotaTasks ?? null,
        quota_share: v.quotaShare ?? null,
      })),
    )
    .execute();
}

export function listProjectVendors(db: Executor, projectId: string) {
  return db
    .selectFrom('project_vendors')
    .select(['vendor_id', 'enabled', 'quota_tasks', 'quota_share'])
    .where('project_id', '=', projectId)
    .orderBy('vendor_id')
    .execute();
}

/**
 * After the overlap k (or mode) changed: recompute which items still need judgments, open while active_count <
 * k + extra_k (gold items always stay open). `dropExtra` (back to fixed overlap) first clears the extra judgments
 * and preference adaptive overlap had put on items.
 */
export async function reopenItems(db: Executor, projectId: string, overlapK: number, o: { dropExtra?: boolean } = {}) {
  await db
    .updateTable('items')
    .set((eb) => ({
      ...(o.dropExtra && { extra_k: 0, prefer_until: null, avoid_vendor: null, prefer_skill: null }),
      open: eb
        .case()
        .when(eb.or([eb('is_gold', '=', 1), eb('active_count', '<', o.dropExtra ? sql<number>`${overlapK}` : sql<number>`${overlapK} + extra_k`)]))
        .then(1)
        .else(0)
        .end(),
    }))
    .where('project_id', '=', projectId)
    .where('import_id', 'is', null)
    .execute();
}
