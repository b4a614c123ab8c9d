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

export const PROJECT_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/**
 * What an annotator learns after submitting a gold item they missed: `audit` nothing (the score is only recorded),
 * `feedback` the gold answer and its explanation. A correct gold answer and a normal item never show anything.
 */
export const GOLD_FEEDBACK_MODES = ['audit', 'feedback'] as const;
export type GoldFeedbackMode = (typeof GOLD_FEEDBACK_MODES)[number];

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
  vendors?: { vendorId: string; enabled: boolean }[] | undefined;
  /** The quality gate (see core/gold/quality-gate.ts); fields left out keep their current (or default) value. */
  qualityGate?: Partial<QualityGatePolicy> | undefined;
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
  vendors: { vendorId: string; enabled: boolean }[];
  qualityGate: QualityGatePolicy;
  createdAt: string;
  updatedAt: string;
}

/** What an annotator may know about a project: no gold rate, no vendor list. */
export type AnnotatorProjectView = Pick<ProjectView, 'id' | 'name' | 'description' | 'status' | 'schemaVersion' | 'guidelineVersion'>;

function checkSettings(s: Partial<ProjectSettings>) {
  if (s.overlapK !== undefined && (!Number.isInteger(s.overlapK) || s.overlapK < 1 || s.overlapK > 100)) {
    throw invalid('overlapK must be an integer from 1 to 100', 'overlapK');
  }
  if (s.goldRate !== undefined && !(s.goldRate >= 0 && s.goldRate <= 1)) throw invalid('goldRate must be within 0..1', 'goldRate');
  if (s.goldFeedback !== undefined && !GOLD_FEEDBACK_MODES.includes(s.goldFeedback)) throw invalid('goldFeedback must be audit or feedback', 'goldFeedback');
  if (s.leaseSeconds !== undefined && (!Number.isInteger(s.leaseSeconds) || s.leaseSeconds < 10 || s.leaseSeconds > 7 * 86400)) {
    throw invalid('leaseSeconds must be an integer from 10 to 604800', 'leaseSeconds');
  }
  const g = s.qualityGate;
  if (g?.floor !== undefined && !(g.floor >= 0 && g.floor <= 1)) throw invalid('qualityGate.floor must be within 0..1', 'qualityGate.floor');
  if (g?.minGold !== undefined && (!Number.isInteger(g.minGold) || g.minGold < 1)) throw invalid('qualityGate.minGold must be an integer of at least 1', 'qualityGate.minGold');
  if (g?.maxFailStreak !== undefined && (!Number.isInteger(g.maxFailStreak) || g.maxFailStreak < 0)) {
    throw invalid('qualityGate.maxFailStreak must be a non-negative integer (0: no streak rule)', 'qualityGate.maxFailStreak');
  }
}

/** The project's gate policy from its row. */
export const gatePolicyOf = (p: ProjectRow): QualityGatePolicy => ({
  enabled: p.gate_enabled === 1,
  floor: p.gate_floor,
  minGold: p.gate_min_gold,
  maxFailStreak: p.gate_max_fail_streak,
});

/** Row columns for a gate policy: `g` over `base`. */
const gateColumns = (base: QualityGatePolicy, g: Partial<QualityGatePolicy> | undefined) => {
  const m = { ...base, ...Object.fromEntries(Object.entries(g ?? {}).filter(([, v]) => v !== undefined)) } as QualityGatePolicy;
  return { gate_enabled: m.enabled ? 1 : 0, gate_floor: m.floor, gate_min_gold: m.minGold, gate_max_fail_streak: m.maxFailStreak };
};

async function checkVendors(deps: ServiceDeps, actor: Actor, vendors: ProjectSettings['vendors']) {
  for (const [i, v] of (vendors ?? []).entries()) {
    const row = await getVendor(deps.store.db, v.vendorId);
    if (!row || row.org_id !== orgOf(actor)) throw invalid(`vendor ${v.vendorId} is not one of this organization's`, `vendors[${i}].vendorId`);
  }
}

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
    vendors: vendors.map((v) => ({ vendorId: v.vendor_id, enabled: v.enabled === 1 })),
    qualityGate: gatePolicyOf(p),
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

/** Creates a project with schema version 1 and guideline version 1 (an empty guideline when none is given). */
export async function createProject(deps: ServiceDeps, actor: Actor, input: CreateProjectInput): Promise<ProjectView> {
  authorize(actor, 'project.create');
  const orgId = orgOf(actor);
  const schema = parseTaskSchema(input.schema);
  checkSettings(input);
  await checkVendors(deps, actor, input.vendors);
  const now = nowIsoOf(deps);
  const createdBy = actorId(actor);
  const row: ProjectRow = {
    id: newId('project'),
    org_id: orgId,
    name: input.name,
    description: input.description ?? '',
    status: input.status ?? 'active',
    schema_version: 1,
    guideline_version: 1,
    overlap_k: input.overlapK ?? 1,
    gold_rate: input.goldRate ?? 0,
    gold_feedback: input.goldFeedback ?? 'audit',
    ...gateColumns(DEFAULT_QUALITY_GATE, input.qualityGate),
    lease_seconds: input.leaseSeconds ?? 3600,
    priority: input.priority ?? 0,
    domain: null,
    min_skill: 0,
    kind: 'production',
    overlap_mode: 'fixed',
    overlap_k_max: 5,
    overlap_tau: 0.9,
    exclude_paused: 0,
    next_seq: 0,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
  };
  await deps.store.write(async (trx) => {
    await projects.insertProject(trx, row);
    await projects.insertSchemaVersion(trx, { project_id: row.id, version: 1, schema, created_by: createdBy, created_at: now });
    await projects.insertGuidelines(trx, { project_id: row.id, version: 1, markdown: input.guidelines ?? '', created_by: createdBy, created_at: now });
    await projects.replaceProjectVendors(trx, row.id, input.vendors ?? []);
  });
  return present(deps.store.db, row);
}

/** Loads a project the actor may see: in their organization and, for an annotator, open to their vendor. */
export async function requireProject(deps: ServiceDeps, actor: Actor, projectId: string): Promise<ProjectRow> {
  const row = isVendorScoped(actor)
    ? await projects.getProjectOpenToVendor(deps.store.db, projectId, actor.vendorId, actor.role === 'annotator')
    : await projects.getProject(deps.store.db, projectId);
  return requireInOrg(actor, row, 'Project');
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
  q: { cursor?: string | undefined; limit?: number | undefined; status?: ProjectStatus | undefined },
): Promise<Page<ProjectView | AnnotatorProjectView>> {
  authorize(actor, 'project.read');
  const limit = Math.min(q.limit ?? 100, MAX_PAGE_SIZE);
  const isAnnotator = actor.kind === 'user' && actor.role === 'annotator';
  const rows = await projects.listProjects(deps.store.db, {
    orgId: orgOf(actor),
    cursor: q.cursor,
    limit,
    statuses: isAnnotator ? ['active'] : q.status ? [q.status] : undefined,
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
  checkSettings(patch);
  await checkVendors(deps, actor, patch.vendors);
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
    updated_at: nowIsoOf(deps),
  };
  await deps.store.write(async (trx) => {
    await projects.updateProject(trx, projectId, set);
    if (patch.overlapK !== undefined && patch.overlapK !== p.overlap_k) await projects.reopenItems(trx, projectId, patch.overlapK);
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
