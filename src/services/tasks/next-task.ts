/**
 * "Next task": hands the annotator one item to label under the project's overlap, with a lease, or resumes the
 * lease they hold. The claim is atomic (`claim-item.ts` with the statements of `store/claims.ts`: one statement
 * with FOR UPDATE SKIP LOCKED on PostgreSQL, one BEGIN IMMEDIATE transaction on SQLite; a conditional slot update on
 * the item row guards both), so under any concurrency no item gets more than k live assignments and no annotator
 * gets an item twice (also a unique index).
 *
 * Hidden gold: each claim draws, from the operating system's CSPRNG (nothing an annotator can predict or replay),
 * whether to prefer a gold item, with probability the project's gold rate; with no eligible item of the preferred
 * kind the other kind is served. A gold item is served only while at least one normal item is eligible for the
 * annotator too (open, needing judgments, never given to them): once they have had every normal item they can get,
 * the claim answers no_task even if gold items remain, as their progress (`itemsLeft` 0) and the pool already say
 * the real work is done; serving gold then would tell it apart. Gold and normal items leave by the same statements,
 * which look for both kinds on every claim whatever was drawn (so a claim takes as long either way), and come back
 * in the same `TaskView`: nothing in the answer tells them apart. Normal items go by priority, then import order;
 * gold items least-judged first, at random among equals (a second draw, `drawTieBreak`), so that every gold item
 * gets judged, by every vendor. Gold items are served to every annotator once and never complete (see
 * `projectProgress`).
 *
 * Routing (`services/routing/eligibility.ts`), before the claim: in a production project the annotator's domain,
 * measured skill and vendor quota must let them in (else no_task `not_in_domain`, `not_qualified`, `quota_reached`;
 * a lease they already hold is still resumed). A project with none of these rules runs no query for them. In a
 * qualification the claim serves its (all gold) items without the normal-pool guard, only while the annotator has
 * an open attempt short of its size (else `qualification_not_started` or `qualification_complete`).
 *
 * Adaptive overlap: an item that asked for an extra judgment prefers, until its `prefer_until`, an annotator of
 * another vendor and of at least a given measured skill on the project; that skill is read here (one indexed query)
 * only in adaptive projects, elsewhere 0.5 is passed and the preference clause never applies.
 */
import { authorize, type Actor } from '../../core/permissions.js';
import { AssayError } from '../../core/errors.js';
import { randomInt } from 'node:crypto';
import { newId } from '../../core/ids.js';
import type { NoTaskReason } from '../../core/assignment.js';
import { claimItem } from './claim-item.js';
import { projectProgress } from '../../store/project-progress.js';
import { findPause } from '../../store/quality-gates.js';
import { getQualification } from '../../store/qualifications.js';
import type { AssignmentRow } from '../../store/schema.js';
import type { Project } from '../../store/projects.js';
import type { ServiceDeps } from '../deps.js';
import { requireWorkProject } from '../projects/require-project.js';
import type { VendorQuota } from '../../core/project.js';
import { checkRouting } from '../routing/eligibility.js';
import type { RoutingReason } from '../../core/routing.js';
import { measuredProjectSkill } from '../routing/skill.js';
import { settleAttempt } from '../qualifications/attempts.js';

/** Why the annotator may not be given a new item at all here (before any claim), with what to do about it. */
export interface Blocked {
  reason: RoutingReason | 'qualification_not_started' | 'qualification_complete';
  message: string;
  /** For `not_qualified` without any record: the qualification that would earn one, when there is one. */
  qualification?: { id: string; name: string } | undefined;
}

/** Never the gate's own reason ("5 gold items missed in a row"), which would tell the annotator which items were gold. */
export const PAUSED_MESSAGE = 'You are paused on this project by its quality checks; a project manager can review your work and reinstate you';

const noTask = (message: string, reason: NoTaskReason) => new AssayError('no_task', message, undefined, { reason });

export interface TaskView {
  /** Submit and skip address the task by this id. */
  assignmentId: string;
  projectId: string;
  /** The item as an annotator sees it: opaque id and data, nothing else (no external id, no gold). */
  item: { id: string; data: Record<string, unknown> };
  schemaVersion: number;
  guidelineVersion: number;
  leaseExpiresAt: string;
}

/**
 * A project's lapsed leases are swept at most this often per process: a lease that ran out less than a second ago
 * may hold its slot a moment longer, which costs nothing, and the claim skips an UPDATE on most calls.
 */
const SWEEP_INTERVAL_MS = 1000;
const lastSweep = new Map<string, number>();

function sweepDue(projectId: string, nowMs: number): boolean {
  const last = lastSweep.get(projectId);
  if (last !== undefined && nowMs - last < SWEEP_INTERVAL_MS && nowMs >= last) return false;
  if (lastSweep.size > 10_000) lastSweep.clear();
  lastSweep.set(projectId, nowMs);
  return true;
}

export async function nextTask(deps: ServiceDeps, actor: Actor, projectId: string): Promise<TaskView> {
  authorize(actor, 'task.claim');
  if (actor.kind !== 'user') throw new AssayError('forbidden', 'Only a signed-in annotator can claim tasks');
  const { project, quota } = await requireWorkProject(deps, actor, projectId);
  if (project.status !== 'active') throw noTask(`The project is ${project.status}`, 'project_inactive');

  const now = deps.now();
  const nowIso = now.toISOString();
  const annotator = { userId: actor.userId, vendorId: actor.vendorId };
  const gate = await claimGate(deps, project, quota, annotator, nowIso);
  const leaseExpiresAt = new Date(now.getTime() + project.lease_seconds * 1000).toISOString();
  const claimed = await claimItem(deps.store, {
    projectId: project.id,
    annotatorId: actor.userId,
    vendorId: actor.vendorId ?? '',
    skill: project.overlap_mode === 'adaptive' ? await measuredProjectSkill(deps.store.db, project.id, actor.userId) : 0.5,
    goldOnly: gate.qualification,
    overlapK: project.overlap_k,
    assignmentId: newId('assignment'),
    leaseExpiresAt,
    now: nowIso,
    sweep: sweepDue(project.id, now.getTime()),
    preferGold: gate.qualification || drawGold(project.gold_rate, deps.random),
    draw: drawTieBreak(deps.random),
    resumeOnly: gate.blocked !== null || gate.resumeOnly,
  });
  if (claimed) return presentTask(project, claimed.row, claimed.data);
  if (gate.blocked) throw noTask(gate.blocked.message, gate.blocked.reason);
  if (gate.qualification) {
    // The attempt's unseen items ran out (or a claim of their own took the last): settle says how it ended.
    const after = await claimGate(deps, project, quota, annotator, nowIso);
    if (after.blocked) throw noTask(after.blocked.message, after.blocked.reason);
  }
  throw await noTaskError(deps, project, actor.userId);
}

/** What the claim may do for the annotator: nothing new (`blocked`), only resume a lease, or claim. */
interface ClaimGate {
  blocked: Blocked | null;
  /** The attempt has all its tasks out: resume the lease still running, take nothing new. */
  resumeOnly: boolean;
  qualification: boolean;
}

/**
 * The routing checks of a production project, or the attempt of a qualification (settled first, so an attempt that
 * is due closes before anything else is served). Also what my-progress reports as `blocked`.
 */
export async function claimGate(
  deps: ServiceDeps,
  project: Project,
  quota: VendorQuota,
  annotator: { userId: string; vendorId: string | null },
  nowIso: string,
): Promise<ClaimGate> {
  if (project.kind !== 'qualification') {
    return { blocked: await checkRouting(deps, project, quota, annotator, nowIso), resumeOnly: false, qualification: false };
  }
  const q = await getQualification(deps.store.db, project.id);
  if (!q) return { blocked: { reason: 'qualification_not_started', message: 'This qualification is not set up' }, resumeOnly: false, qualification: true };
  const { attempt, taken } = await settleAttempt(deps, project, q, annotator.userId);
  if (!attempt) {
    return {
      blocked: { reason: 'qualification_not_started', message: 'Start an attempt at this qualification first (Qualifications: Start)' },
      resumeOnly: false,
      qualification: true,
    };
  }
  if (attempt.status !== 'open') {
    const score = `${attempt.correct} of ${attempt.size} correct, pass mark ${Math.round(q.pass_mark * 100)}%`;
    const message =
      attempt.status === 'passed'
        ? `You passed this qualification (${score})`
        : `Your attempt is over and did not pass (${score})` + (attempt.retake_at ? `; you may retake it from ${attempt.retake_at}` : '');
    return { blocked: { reason: 'qualification_complete', message }, resumeOnly: false, qualification: true };
  }
  return { blocked: null, resumeOnly: taken >= attempt.size, qualification: true };
}

/** True with probability `rate` (0..1), from 48 random bits of the CSPRNG (or from `random`, for a seeded test). */
export function drawGold(rate: number, random?: () => number): boolean {
  if (rate <= 0) return false;
  return (random ? random() : randomInt(0, 2 ** 48 - 1) / (2 ** 48 - 1)) < rate;
}

/** Uniform in [0, 2³²): the claim's turn of the gold tie-break (`eligibleGold`), from the CSPRNG (or `random`). */
export function drawTieBreak(random?: () => number): number {
  return random ? Math.floor(random() * 2 ** 32) % 2 ** 32 : randomInt(0, 2 ** 32);
}

function presentTask(project: Project, a: AssignmentRow, data: Record<string, unknown>): TaskView {
  return {
    assignmentId: a.id,
    projectId: project.id,
    item: { id: a.item_id, data },
    schemaVersion: project.schema_version,
    guidelineVersion: project.guideline_version,
    leaseExpiresAt: a.lease_expires_at,
  };
}

/** Says why nothing is eligible, so the client can tell "finished" from "come back later". */
async function noTaskError(deps: ServiceDeps, project: Project, annotatorId: string): Promise<AssayError> {
  // The claim finds nothing while the quality gate has the annotator paused here (the guard is in the claim itself).
  // The gate's reason is for managers only: "5 gold items missed in a row" would tell the annotator which items were gold.
  if (await findPause(deps.store.db, project.id, annotatorId)) {
    return noTask(PAUSED_MESSAGE, 'paused');
  }
  const p = await projectProgress(deps.store.db, project.id, deps.now().toISOString(), project.overlap_k);
  if (p.totalItems === 0) return noTask('The project has no items yet', 'no_items');
  if (p.completeItems >= p.totalItems) return noTask('The project is finished: every item has its judgments', 'project_finished');
  return noTask('No task for you right now: you have labeled every item that still needs judgments, or others hold them', 'none_eligible');
}
