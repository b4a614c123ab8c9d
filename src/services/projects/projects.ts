import { NEW_PROJECT_DEFAULTS } from '../../core/project-defaults.js';
import { actorId, authorize, requireInOrg, can, type Actor } from '../../core/permissions.js';
import { invalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { describeSchema, parseTaskSchema } from '../../core/schema/index.js';
import * as projects from '../../store/projects.js';
import { getVendor } from '../../store/vendors.js';
import { toPage, MAX_PAGE_SIZE, type Page } from '../../store/pagination.js';
import type { ProjectRow } from '../../store/schema.js';
import type { Executor } from '../../store/db.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { orgOf } from '../workforce/organizations.js';
import { loadSchema } from './schema-cache.js';
import { DEFAULT_QUALITY_GATE, type QualityGatePolicy } from '../../core/gold/quality-gate.js';
import {
  DOMAIN_MAX_LENGTH,
  DOMAIN_PATTERN,
  GOLD_FEEDBACK_MODES,
  OVERLAP_MODES,
  type GoldFeedbackMode,
  type OverlapMode,
  type ProjectKind,
  type ProjectStatus,
  type VendorQuota,
} from '../../core/project.js';

/** A vendor's access to a project and its quota (both caps apply when both are set). */
export interface ProjectVendorSetting {
  vendorId: string;
  enabled: boolean;
  /** Most tasks (leased or submitted, gold included) the vendor's annotators may take here; null: no cap. */
  quotaTasks?: number | null | undefined;
  /** Most share (0..1) of the project's planned judgments (normal items × k) the vendor may take; null: no cap. */
  quotaShare?: number | null | undefined;
}

export interface ProjectSettings {
  name: string;
  description?: string | undefined;
  status?: ProjectStatus | undefined;
  /** Judgments per item under fixed overlap. */
  overlapK?: number | undefined;
  /** Share of served tasks that are gold (hidden among the others; see next-task.ts). */
  goldRate?: number | undefined;
  /** After a missed gold item: show its answer and explanation (`feedback`) or nothing (`audit`, the default). */
  goldFeedback?: GoldFeedbackMode | undefined;
  /** How long a claimed task stays reserved for its annotator. */
  leaseSeconds?: number | undefined;
  priority?: number | undefined;
  /** Vendors whose annotators may work on the project; none listed = every annotator of the organization. */
  vendors?: ProjectVendorSetting[] | undefined;
  /** The quality gate (see core/gold/quality-gate.ts); fields left out keep their current (or default) value. */
  qualityGate?: GateSetting | undefined;
  /** The domain an annotator's profile must have (`medicine/cardiology` satisfies `medicine`); null: any annotator. */
  domain?: string | null | undefined;
  /** The least measured skill in the domain (posterior mean accuracy, 0..1) to be served; 0: no minimum. */
  minSkill?: number | undefined;
  overlapMode?: OverlapMode | undefined;
  /** Adaptive overlap: most judgments per item (at least overlapK). */
  overlapKMax?: number | undefined;
  /** Adaptive overlap: the confidence at which an item needs no more judgments, in (0.5, 1]. */
  overlapTau?: number | undefined;
  /** Results and exports leave out the annotations of annotators paused on the project. */
  excludePaused?: boolean | undefined;
}

export interface CreateProjectInput extends ProjectSettings {
  schema: unknown;
  guidelines?: string | undefined;
}

export interface ProjectView {
  id: string;
  name: string;
  description: string;
  status: ProjectStatus;
  schemaVersion: number;
  guidelineVersion: number;
  overlapK: number;
  goldRate: number;
  goldFeedback: GoldFeedbackMode;
  leaseSeconds: number;
  priority: number;
  vendors: { vendorId: string; enabled: boolean; quotaTasks: number | null; quotaShare: number | null }[];
  qualityGate: QualityGatePolicy;
  kind: ProjectKind;
  domain: string | null;
  minSkill: number;
  overlapMode: OverlapMode;
  overlapKMax: number;
  overlapTau: number;
  excludePaused: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What an annotator may know about a project: no gold rate, no vendor list. */
export type AnnotatorProjectView = Pick<ProjectView, 'id' | 'name' | 'description' | 'status' | 'schemaVersion' | 'guidelineVersion'>;

/**
 * Checks each setting given, and the pair overlapK ≤ overlapKMax on the values the project will have (`current`:
 * its row, absent at creation). Fields are named in the errors.
 */
function checkSettings(s: Partial<ProjectSettings>, current?: ProjectRow) {
  if (s.overlapK !== undefined && (!Number.isInteger(s.overlapK) || s.overlapK < 1 || s.overlapK > 100)) {
    throw invalid('overlapK must be an integer from 1 to 100', 'overlapK');
  }
  if (s.goldRate !== undefined && !(s.goldRate >= 0 && s.goldRate <= 1)) throw invalid('goldRate must be within 0..1', 'goldRate');
  if (s.goldFeedback !== undefined && !GOLD_FEEDBACK_MODES.includes(s.goldFeedback)) throw invalid('goldFeedback must be audit or feedback', 'goldFeedback');
  if (s.leaseSeconds !== undefined && (!Number.isInteger(s.leaseSeconds) || s.leaseSeconds < 10 || s.leaseSeconds > 7 * 86400)) {
    throw invalid('leaseSeconds must be an integer from 10 to 604800', 'leaseSeconds');
  }
  if (s.domain !== undefined && s.domain !== null && !(s.domain.length <= DOMAIN_MAX_LENGTH && DOMAIN_PATTERN.test(s.domain))) {
    throw invalid('domain must be a lowercase path such as medicine/cardiology (segments of a-z, 0-9, _ and - joined by /, at most 100 characters)', 'domain');
  }
  if (s.minSkill !== undefined && !(s.minSkill >= 0 && s.minSkill <= 1)) throw invalid('minSkill must be within 0..1', 'minSkill');
  // Skill is measured per domain: a minimum without a domain would have nothing to measure.
  const domainAfter = s.domain !== undefined ? s.domain : (current?.domain ?? null);
  const minSkillAfter = s.minSkill ?? current?.min_skill ?? 0;
  if (minSkillAfter > 0 && domainAfter === null) {
    throw s.domain === null
      ? invalid('domain cannot be removed while minSkill is above 0 (skill is measured per domain); set minSkill to 0 too', 'domain')
      : invalid('minSkill above 0 needs a domain: skill is measured per domain', 'minSkill');
  }
  if (s.overlapMode !== undefined && !OVERLAP_MODES.includes(s.overlapMode)) throw invalid('overlapMode must be fixed or adaptive', 'overlapMode');
  if (s.overlapKMax !== undefined && (!Number.isInteger(s.overlapKMax) || s.overlapKMax < 1 || s.overlapKMax > 100)) {
    throw invalid('overlapKMax must be an integer from 1 to 100', 'overlapKMax');
  }
  if (s.overlapKMax !== undefined) {
    const k = s.overlapK ?? current?.overlap_k ?? 1;
    if (s.overlapKMax < k) throw invalid(`overlapKMax (${s.overlapKMax}) must be at least overlapK (${k})`, 'overlapKMax');
  }
  if (s.overlapTau !== undefined && !(s.overlapTau > 0.5 && s.overlapTau <= 1)) throw invalid('overlapTau must be above 0.5 and at most 1', 'overlapTau');
  for (const [i, v] of (s.vendors ?? []).entries()) {
    if (v.quotaTasks != null && (!Number.isInteger(v.quotaTasks) || v.quotaTasks < 0)) {
      throw invalid('quotaTasks must be a non-negative integer or null', `vendors[${i}].quotaTasks`);
    }
    if (v.quotaShare != null && !(v.quotaShare >= 0 && v.quotaShare <= 1)) throw invalid('quotaShare must be within 0..1 or null', `vendors[${i}].quotaShare`);
  }
  const g = s.qualityGate;
  if (g?.floor !== undefined && !(g.floor >= 0 && g.floor <= 1)) throw invalid('qualityGate.floor must be within 0..1', 'qualityGate.floor');
  if (g?.chance != null && !(g.chance > 0 && g.chance < 1)) throw invalid('qualityGate.chance must be above 0 and below 1, or null (from the schema)', 'qualityGate.chance');
  for (const old of ['minGold', 'maxFailStreak'] as const) {
    if (g?.[old] !== undefined) throw invalid(`qualityGate.${old} is derived from the floor now; set qualityGate.floor (and chance)`, `qualityGate.${old}`);
  }
}

/** What a manager may send: the policy's fields, and the old fixed rules only to be told they are derived now. */
export type GateSetting = Partial<QualityGatePolicy> & { minGold?: number | undefined; maxFailStreak?: number | undefined };

/** The project's gate policy from its row. */
export const gatePolicyOf = (p: ProjectRow): QualityGatePolicy => ({
  enabled: p.gate_enabled === 1,
  floor: p.gate_floor,
  chance: p.gate_chance,
});

/** Row columns for a gate policy: `g` over `base`. */
const gateColumns = (base: QualityGatePolicy, g: GateSetting | undefined) => {
  const m = { ...base, ...Object.fromEntries(Object.entries(g ?? {}).filter(([, v]) => v !== undefined)) } as QualityGatePolicy;
  return { gate_enabled: m.enabled ? 1 : 0, gate_floor: m.floor, gate_chance: m.chance };
};

async function checkVendors(deps: ServiceDeps, actor: Actor, vendors: ProjectSettings['vendors']) {
  for (const [i, v] of (vendors ?? []).entries()) {
    const row = await getVendor(deps.store.db, v.vendorId);
    if (!row || row.org_id !== orgOf(actor)) throw invalid(`vendor ${v.vendorId} is not one of this organization's`, `vendors[${i}].vendorId`);
  }
}

/**
 * The most judgments per item after a change: as given, else the current (or default) value raised to k when k
 * grows past it (k_max is only read in adaptive mode; an explicit k_max under k is refused by `checkSettings`).
 */
const kMaxAfter = (s: Partial<ProjectSettings>, k: number, current: number) => s.overlapKMax ?? Math.max(current, k);

const presentForAnnotator = (p: ProjectRow): AnnotatorProjectView => ({
  id: p.id,
  name: p.name,
  description: p.description,
  status: p.status as ProjectStatus,
  schemaVersion: p.schema_version,
  guidelineVersion: p.guideline_version,
});

async function present(db: Executor, p: ProjectRow): Promise<ProjectView> {
  const vendors = await projects.listProjectVendors(db, p.id);
  return {
    ...presentForAnnotator(p),
    overlapK: p.overlap_k,
    goldRate: p.gold_rate,
    goldFeedback: p.gold_feedback as GoldFeedbackMode,
    leaseSeconds: p.lease_seconds,
    priority: p.priority,
    vendors: vendors.map((v) => ({ vendorId: v.vendor_id, enabled: v.enabled === 1, quotaTasks: v.quota_tasks, quotaShare: v.quota_share })),
    qualityGate: gatePolicyOf(p),
    kind: p.kind as ProjectKind,
    domain: p.domain,
    minSkill: p.min_skill,
    overlapMode: p.overlap_mode as OverlapMode,
    overlapKMax: p.overlap_k_max,
    overlapTau: p.overlap_tau,
    excludePaused: p.exclude_paused === 1,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

/** What a new project measures unless told otherwise, and why: `src/core/project-defaults.ts`. */
export const DEFAULT_OVERLAP_K = NEW_PROJECT_DEFAULTS.overlapK;
export const DEFAULT_GOLD_RATE = NEW_PROJECT_DEFAULTS.goldRate;

/** Creates a project with schema version 1 and guideline version 1 (an empty guideline when none is given). */
export async function createProject(deps: ServiceDeps, actor: Actor, input: CreateProjectInput): Promise<ProjectView> {
  authorize(actor, 'project.create');
  const row = await buildProjectRow(deps, actor, input, 'production');
  await deps.store.write((trx) => insertProjectWithVersions(trx, row, input));
  return present(deps.store.db, row);
}

/**
 * A new project's row from its settings, checked (the schema parsed, vendors of the actor's organization). For
 * `createProject` and for qualifications, which are projects of their own kind.
 */
export async function buildProjectRow(deps: ServiceDeps, actor: Actor, input: CreateProjectInput, kind: ProjectKind): Promise<ProjectRow> {
  parseTaskSchema(input.schema);
  checkSettings(input);
  await checkVendors(deps, actor, input.vendors);
  const now = nowIsoOf(deps);
  // A qualification sets both itself (one attempt per annotator, every item gold).
  const overlapK = input.overlapK ?? DEFAULT_OVERLAP_K;
  return {
    id: newId('project'),
    org_id: orgOf(actor),
    name: input.name,
    description: input.description ?? '',
    status: input.status ?? 'active',
    schema_version: 1,
    guideline_version: 1,
    overlap_k: overlapK,
    gold_rate: input.goldRate ?? DEFAULT_GOLD_RATE,
    gold_feedback: input.goldFeedback ?? 'audit',
    ...gateColumns(DEFAULT_QUALITY_GATE, input.qualityGate),
    lease_seconds: input.leaseSeconds ?? 3600,
    priority: input.priority ?? 0,
    domain: input.domain ?? null,
    min_skill: input.minSkill ?? 0,
    kind,
    overlap_mode: input.overlapMode ?? 'fixed',
    overlap_k_max: kMaxAfter(input, overlapK, DEFAULT_OVERLAP_K_MAX),
    overlap_tau: input.overlapTau ?? 0.9,
    exclude_paused: input.excludePaused ? 1 : 0,
    next_seq: 0,
    created_by: actorId(actor),
    created_at: now,
    updated_at: now,
  };
}

/** Writes a new project with schema and guideline version 1 and its vendors; run in the caller's write transaction. */
export async function insertProjectWithVersions(trx: Executor, row: ProjectRow, input: CreateProjectInput) {
  const schema = parseTaskSchema(input.schema);
  const by = row.created_by;
  await projects.insertProject(trx, row);
  await projects.insertSchemaVersion(trx, { project_id: row.id, version: 1, schema, created_by: by, created_at: row.created_at });
  await projects.insertGuidelines(trx, { project_id: row.id, version: 1, markdown: input.guidelines ?? '', created_by: by, created_at: row.created_at });
  await projects.replaceProjectVendors(trx, row.id, input.vendors ?? []);
}

const DEFAULT_OVERLAP_K_MAX = 5;

/** Loads a project the actor may see: in their organization and, for an annotator, open to their vendor. */
export async function requireProject(deps: ServiceDeps, actor: Actor, projectId: string): Promise<ProjectRow> {
  const row = isVendorScoped(actor)
    ? await projects.getProjectOpenToVendor(deps.store.db, projectId, actor.vendorId, actor.role === 'annotator')
    : await projects.getProject(deps.store.db, projectId);
  return requireInOrg(actor, row, 'Project');
}

/**
 * The project as `requireProject` loads it, with the actor's vendor's quota on it, read by the same query (for the
 * claim and the annotator's progress). Roles outside a vendor's scope have no quota.
 */
export async function requireWorkProject(deps: ServiceDeps, actor: Actor, projectId: string): Promise<{ project: ProjectRow; quota: VendorQuota }> {
  if (!isVendorScoped(actor)) return { project: await requireProject(deps, actor, projectId), quota: { quotaTasks: null, quotaShare: null } };
  const row = requireInOrg(actor, await projects.getProjectOpenToVendor(deps.store.db, projectId, actor.vendorId, actor.role === 'annotator'), 'Project');
  const { vendor_quota_tasks, vendor_quota_share, ...project } = row;
  return { project, quota: { quotaTasks: vendor_quota_tasks, quotaShare: vendor_quota_share } };
}

/** Annotators and vendor managers see only the projects their vendor works on. */
function isVendorScoped(actor: Actor): actor is Extract<Actor, { kind: 'user' }> {
  return actor.kind === 'user' && (actor.role === 'annotator' || actor.role === 'vendor_manager');
}

/** Managers, admins and reviewers see a project's full settings; vendor-side roles see what they work on. */
const seesSettings = (actor: Actor) => can(actor, 'project.update') || can(actor, 'annotation.read_all');

export async function getProject(deps: ServiceDeps, actor: Actor, projectId: string): Promise<ProjectView | AnnotatorProjectView> {
  authorize(actor, 'project.read');
  const p = await requireProject(deps, actor, projectId);
  return seesSettings(actor) ? present(deps.store.db, p) : presentForAnnotator(p);
}

export async function listProjects(
  deps: ServiceDeps,
  actor: Actor,
  q: { cursor?: string | undefined; limit?: number | undefined; status?: ProjectStatus | undefined; kind?: ProjectKind | undefined },
): Promise<Page<ProjectView | AnnotatorProjectView>> {
  authorize(actor, 'project.read');
  const limit = Math.min(q.limit ?? 100, MAX_PAGE_SIZE);
  const isAnnotator = actor.kind === 'user' && actor.role === 'annotator';
  const rows = await projects.listProjects(deps.store.db, {
    orgId: orgOf(actor),
    cursor: q.cursor,
    limit,
    statuses: isAnnotator ? ['active'] : q.status ? [q.status] : undefined,
    // Qualifications are taken from their own list (GET /qualifications), never from the work list.
    kind: isAnnotator ? 'production' : q.kind,
    openToVendor: isVendorScoped(actor) ? actor.vendorId : undefined,
  });
  const page = toPage(rows, limit, (r) => r);
  const items = seesSettings(actor)
    ? await Promise.all(page.items.map((r) => present(deps.store.db, r)))
    : page.items.map(presentForAnnotator);
  return { items, nextCursor: page.nextCursor };
}

export async function updateProject(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  patch: Partial<ProjectSettings>,
): Promise<ProjectView> {
  authorize(actor, 'project.update');
  const p = await requireProject(deps, actor, projectId);
  checkSettings(patch, p);
  await checkVendors(deps, actor, patch.vendors);
  const k = patch.overlapK ?? p.overlap_k;
  const mode = patch.overlapMode ?? (p.overlap_mode as OverlapMode);
  const kMax = kMaxAfter(patch, k, p.overlap_k_max);
  const set = {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.status !== undefined && { status: patch.status }),
    ...(patch.overlapK !== undefined && { overlap_k: patch.overlapK }),
    ...(patch.goldRate !== undefined && { gold_rate: patch.goldRate }),
    ...(patch.goldFeedback !== undefined && { gold_feedback: patch.goldFeedback }),
    ...(patch.leaseSeconds !== undefined && { lease_seconds: patch.leaseSeconds }),
    ...(patch.priority !== undefined && { priority: patch.priority }),
    ...(patch.qualityGate !== undefined && gateColumns(gatePolicyOf(p), patch.qualityGate)),
    ...(patch.domain !== undefined && { domain: patch.domain }),
    ...(patch.minSkill !== undefined && { min_skill: patch.minSkill }),
    ...(patch.overlapMode !== undefined && { overlap_mode: patch.overlapMode }),
    ...(kMax !== p.overlap_k_max && { overlap_k_max: kMax }),
    ...(patch.overlapTau !== undefined && { overlap_tau: patch.overlapTau }),
    ...(patch.excludePaused !== undefined && { exclude_paused: patch.excludePaused ? 1 : 0 }),
    updated_at: nowIsoOf(deps),
  };
  // Back to fixed overlap: exactly k again, so the extra judgments adaptive overlap asked for are dropped.
  const dropExtra = mode === 'fixed' && p.overlap_mode !== 'fixed';
  await deps.store.write(async (trx) => {
    await projects.updateProject(trx, projectId, set);
    if (k !== p.overlap_k || dropExtra) await projects.reopenItems(trx, projectId, k, { dropExtra });
    if (patch.vendors !== undefined) await projects.replaceProjectVendors(trx, projectId, patch.vendors);
  });
  return present(deps.store.db, { ...p, ...set });
}

/** The schema in force (or a given version) with its UI description. */
export async function getProjectSchema(deps: ServiceDeps, actor: Actor, projectId: string, version?: number) {
  authorize(actor, 'project.read');
  const p = await requireProject(deps, actor, projectId);
  const v = version ?? p.schema_version;
  const schema = await loadSchema(deps.store.db, p.id, v);
  return { version: v, schema, description: describeSchema(schema) };
}
