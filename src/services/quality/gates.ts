/**
 * Quality gates for managers: who the gate has paused on a project and why (with the project's events about it), and
 * reinstating a paused annotator. The pause itself happens at submit (`services/tasks/submit-annotation.ts`); the
 * rules are in `core/gold/quality-gate.ts`. Whoever may read a project's progress may read the list (a vendor manager:
 * their vendor's annotators only); reinstating is a project setting change (admins and managers).
 */
import { actorId, authorize, vendorScopeOf, type Actor } from '../../core/permissions.js';
import { conflict, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { chanceOfSchema, gateRuleOf, type QualityGatePolicy } from '../../core/gold/quality-gate.js';
import { GATE_REINSTATED_MESSAGE, type GateRuleFigures } from '../../core/gold/gate-words.js';
import type { Project } from '../../store/projects.js';
import { listEvents, listPaused, reinstateAnnotator } from '../../store/quality-gates.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';
import { loadSchema } from '../projects/schema-cache.js';

export interface PausedAnnotator {
  annotatorId: string;
  name: string;
  vendorId: string | null;
  /** The gate's reason, e.g. "accuracy upper bound 0.52 < floor 0.60 after 12 gold items (4 correct)". */
  reason: string;
  pausedAt: string;
  /** The gold record that paused them (since they started or were last reinstated). */
  gold: { n: number; correct: number; failStreak: number };
  /** The last reinstatement before this pause, if any. */
  reinstatedBy: string | null;
  reinstatedAt: string | null;
}

export interface GateEvent {
  id: string;
  kind: string;
  annotatorId: string | null;
  actorId: string;
  message: string;
  createdAt: string;
}

/** The rules the policy stands for, as the API gives them (null where JSON has no Infinity). */
export interface GateRuleView extends GateRuleFigures {
  chanceFromSchema: boolean;
  /** The schema's own chance rate (what `chance: null` stands for). */
  schemaChance: number;
  threshold: number | null;
}

export interface QualityGatesView {
  projectId: string;
  policy: QualityGatePolicy;
  rule: GateRuleView;
  paused: PausedAnnotator[];
  /** The project's latest gate events (pauses and reinstatements), newest first. */
  events: GateEvent[];
}

const EVENTS_SHOWN = 100;

export async function listQualityGates(deps: ServiceDeps, actor: Actor, projectId: string): Promise<QualityGatesView> {
  authorize(actor, 'progress.read');
  const project = await requireProject(deps, actor, projectId);
  const vendor = vendorScopeOf(actor);
  const [paused, events] = await Promise.all([
    listPaused(deps.store.db, project.id, vendor),
    listEvents(deps.store.db, project.id, EVENTS_SHOWN, vendor),
  ]);
  return {
    projectId: project.id,
    policy: project.gate,
    rule: await gateRuleView(deps, project),
    paused: paused.map((r) => ({
      annotatorId: r.annotator_id,
      name: r.name,
      vendorId: r.vendor_id,
      reason: r.reason ?? '',
      pausedAt: r.paused_at ?? '',
      gold: { n: Number(r.gold_n), correct: Number(r.gold_correct), failStreak: Number(r.fail_streak) },
      reinstatedBy: r.reinstated_by,
      reinstatedAt: r.reinstated_at,
    })),
    events: events.map((e) => ({ id: e.id, kind: e.kind, annotatorId: e.subject_id, actorId: e.actor_id, message: e.message, createdAt: e.created_at })),
  };
}

/** The rules a project's gate policy stands for on its schema in force. */
export async function gateRuleView(deps: ServiceDeps, project: Project): Promise<GateRuleView> {
  const policy = project.gate;
  const schemaChance = chanceOfSchema(await loadSchema(deps.store.db, project.id, project.schema_version));
  const r = gateRuleOf(policy, schemaChance);
  const finite = Number.isFinite(r.threshold);
  return {
    floor: r.floor,
    honest: r.honest,
    chance: r.chance,
    chanceFromSchema: policy.chance === null,
    schemaChance,
    threshold: finite ? r.threshold : null,
    likelihoodRatio: finite ? Math.exp(r.threshold) : null,
    minItems: r.minItems,
    maxFailStreak: r.maxFailStreak,
    falsePause: r.falsePause,
    pausedWithin: r.pausedWithin,
    within95: r.within95,
    meetsTarget: r.meetsTarget,
  };
}

/** Lets a paused annotator work on the project again; the gate judges their gold from now on. 409 unless paused. */
export async function reinstate(deps: ServiceDeps, actor: Actor, projectId: string, annotatorId: string) {
  authorize(actor, 'project.update');
  const project = await requireProject(deps, actor, projectId);
  const now = nowIsoOf(deps);
  const done = await deps.store.write((trx) =>
    reinstateAnnotator(trx, { orgId: project.org_id, projectId: project.id, annotatorId, by: actorId(actor), eventId: newId('event'), message: GATE_REINSTATED_MESSAGE, now }),
  );
  if (!done) {
    const known = await deps.store.db.selectFrom('users').select('id').where('id', '=', annotatorId).where('org_id', '=', project.org_id).executeTakeFirst();
    if (!known) throw notFound('Annotator');
    throw conflict('This annotator is not paused on this project', 'userId');
  }
  // With the exclude-paused switch on, their annotations come back into the aggregate.
  if (project.exclude_paused) deps.live?.noteInputsChanged(project.id);
  return { projectId: project.id, annotatorId, status: 'active' as const, reinstatedBy: actorId(actor), reinstatedAt: now };
}
