/** Creating a project: its settings checked, then the project with schema and guideline version 1 in one write. */
import { actorId, authorize, type Actor } from '../../core/permissions.js';
import { newId } from '../../core/ids.js';
import { parseTaskSchema } from '../../core/schema/index.js';
import { DEFAULT_QUALITY_GATE } from '../../core/gold/quality-gate.js';
import type { ProjectKind } from '../../core/project.js';
import * as projects from '../../store/projects.js';
import type { Executor } from '../../store/db.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { orgOf } from '../workforce/organizations.js';
import { presentProject, type ProjectView } from './present-project.js';
import {
  checkSettings,
  checkVendors,
  DEFAULT_GOLD_RATE,
  DEFAULT_OVERLAP_K,
  DEFAULT_OVERLAP_K_MAX,
  gateAfter,
  kMaxAfter,
  type CreateProjectInput,
} from './project-settings.js';

/** Creates a project with schema version 1 and guideline version 1 (an empty guideline when none is given). */
export async function createProject(deps: ServiceDeps, actor: Actor, input: CreateProjectInput): Promise<ProjectView> {
  authorize(actor, 'project.create');
  const project = await buildProject(deps, actor, input, 'production');
  await deps.store.write((trx) => insertProjectWithVersions(trx, project, input));
  return presentProject(deps.store.db, project);
}

/**
 * A new project from its settings, checked (the schema parsed, vendors of the actor's organization). For
 * `createProject` and for qualifications, which are projects of their own kind.
 */
export async function buildProject(deps: ServiceDeps, actor: Actor, input: CreateProjectInput, kind: ProjectKind): Promise<projects.Project> {
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
    gate: gateAfter(DEFAULT_QUALITY_GATE, input.qualityGate),
    lease_seconds: input.leaseSeconds ?? 3600,
    priority: input.priority ?? 0,
    domain: input.domain ?? null,
    min_skill: input.minSkill ?? 0,
    kind,
    overlap_mode: input.overlapMode ?? 'fixed',
    overlap_k_max: kMaxAfter(input, overlapK, DEFAULT_OVERLAP_K_MAX),
    overlap_tau: input.overlapTau ?? 0.9,
    exclude_paused: input.excludePaused === true,
    next_seq: 0,
    created_by: actorId(actor),
    created_at: now,
    updated_at: now,
  };
}

/** Writes a new project with schema and guideline version 1 and its vendors; run in the caller's write transaction. */
export async function insertProjectWithVersions(trx: Executor, project: projects.Project, input: CreateProjectInput) {
  const schema = parseTaskSchema(input.schema);
  const by = project.created_by;
  await projects.insertProject(trx, project);
  await projects.insertSchemaVersion(trx, { project_id: project.id, version: 1, schema, created_by: by, created_at: project.created_at });
  await projects.insertGuidelines(trx, { project_id: project.id, version: 1, markdown: input.guidelines ?? '', created_by: by, created_at: project.created_at });
  await projects.replaceProjectVendors(trx, project.id, input.vendors ?? []);
}
