import { sql } from 'kysely';
import type { Executor } from './db.js';
import type { ProjectRow, ProjectUpdate } from './schema.js';
import { afterKey, decodeCursor } from './pagination.js';
import { fromJson, toJson } from './dialect.js';
import { prepare } from './prepared.js';
import type { QualityGatePolicy } from '../core/gold/quality-gate.js';
import type { GoldFeedbackMode, OverlapMode, ProjectKind, ProjectStatus } from '../core/project.js';

/** The columns a project's quality gate is stored in (also selected by joins, such as the claim's). */
export type GateColumns = Pick<ProjectRow, 'gate_enabled' | 'gate_floor' | 'gate_chance'>;

/**
 * A project as the store returns it: its closed sets typed, its switch a boolean and its quality gate one policy
 * (never the three columns). The other fields keep their column names.
 */
export type Project = Omit<ProjectRow, keyof GateColumns | 'exclude_paused' | 'status' | 'kind' | 'gold_feedback' | 'overlap_mode'> & {
  status: ProjectStatus;
  kind: ProjectKind;
  gold_feedback: GoldFeedbackMode;
  overlap_mode: OverlapMode;
  /** Results and exports leave out the annotations of annotators paused on the project. */
  exclude_paused: boolean;
  gate: QualityGatePolicy;
};

/** What a project's update may change. */
export type ProjectPatch = Partial<Omit<Project, 'id' | 'org_id' | 'kind' | 'created_by' | 'created_at' | 'next_seq'>>;

/** The one mapping of the gate's columns to its policy: the project's, and any row that joins them. */
export const gatePolicyOf = (r: GateColumns): QualityGatePolicy => ({ enabled: r.gate_enabled === 1, floor: r.gate_floor, chance: r.gate_chance });

const gateColumnsOf = (g: QualityGatePolicy): GateColumns => ({ gate_enabled: g.enabled ? 1 : 0, gate_floor: g.floor, gate_chance: g.chance });

/** The one mapping of a project row to the project. */
export function projectOf(r: ProjectRow): Project {
  const { gate_enabled: _e, gate_floor: _f, gate_chance: _c, ...rest } = r;
  return {
    ...rest,
    status: r.status as ProjectStatus,
    kind: r.kind as ProjectKind,
    gold_feedback: r.gold_feedback as GoldFeedbackMode,
    overlap_mode: r.overlap_mode as OverlapMode,
    exclude_paused: r.exclude_paused === 1,
    gate: gatePolicyOf(r),
  };
}

/** The columns of a project's fields given (those left out are left out). */
function columnsOf(p: ProjectPatch): ProjectUpdate {
  const { gate, exclude_paused, ...rest } = p;
  return {
    ...rest,
    ...(gate !== undefined && gateColumnsOf(gate)),
    ...(exclude_paused !== undefined && { exclude_paused: exclude_paused ? 1 : 0 }),
  };
}

export async function insertProject(db: Executor, project: Project) {
  await db.insertInto('projects').values(columnsOf(project) as ProjectRow).execute();
}

const projectById = prepare<{ id: string }, ProjectRow>((db, p) => db.selectFrom('projects').selectAll().where('id', '=', p.id));

export async function getProject(db: Executor, id: string): Promise<Project | undefined> {
  const row = await projectById.first(db, { id });
  return row && projectOf(row);
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

export async function listProjects(db: Executor, o: ListProjectsOptions): Promise<Project[]> {
  const after = decodeCursor(o.cursor);
  const rows = await db
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
  return rows.map(projectOf);
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
  return { projects: projects.map(projectOf), leasedIn: lease?.project_id ?? null };
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
export type ProjectForVendor = Project & { vendor_quota_tasks: number | null; vendor_quota_share: number | null };

type ProjectForVendorRow = ProjectRow & { vendor_quota_tasks: number | null; vendor_quota_share: number | null };

const openToVendorQuery = (activeOnly: boolean, withVendor: boolean) =>
  prepare<{ id: string; vendorId: string }, ProjectForVendorRow>((db, p) =>
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
export async function getProjectOpenToVendor(
  db: Executor,
  projectId: string,
  vendorId: string | null,
  activeOnly: boolean,
): Promise<ProjectForVendor | undefined> {
  const q = openToVendorQueries[`${activeOnly ? 'active' : 'any'}${vendorId === null ? 'NoVendor' : 'WithVendor'}`];
  const row = await q.first(db, { id: projectId, vendorId: vendorId ?? '' });
  return row && { ...projectOf(row), vendor_quota_tasks: row.vendor_quota_tasks, vendor_quota_share: row.vendor_quota_share };
}

export async function updateProject(db: Executor, id: string, patch: ProjectPatch) {
  await db.updateTable('projects').set(columnsOf(patch)).where('id', '=', id).execute();
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

/** A version of the project's task schema, as stored (unparsed by the schema language; JSON decoded). */
export async function getSchemaVersion(db: Executor, projectId: string, version: number) {
  const row = await db
    .selectFrom('project_schemas')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && { ...row, schema: fromJson<unknown>(row.schema) };
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

/** The vendors a project lists, with their access and quotas. */
export async function listProjectVendors(db: Executor, projectId: string) {
  const rows = await db
    .selectFrom('project_vendors')
    .select(['vendor_id', 'enabled', 'quota_tasks', 'quota_share'])
    .where('project_id', '=', projectId)
    .orderBy('vendor_id')
    .execute();
  return rows.map((v) => ({ vendorId: v.vendor_id, enabled: v.enabled === 1, quotaTasks: v.quota_tasks, quotaShare: v.quota_share }));
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
