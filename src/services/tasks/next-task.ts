/**
 * "Next task": hands the annotator one item to label under the project's overlap, with a lease, or resumes the
 * lease they hold. The claim is atomic (`store/claims.ts`: one statement with FOR UPDATE SKIP LOCKED on PostgreSQL,
 * one BEGIN IMMEDIATE transaction on SQLite; a conditional slot update on the item row guards both), so under any
 * concurrency no item gets more than k live assignments and no annotator gets an item twice (also a unique index).
 *
 * Hidden gold: each claim draws, from the operating system's CSPRNG (nothing an annotator can predict or replay),
 * whether to prefer a gold item, with probability the project's gold rate; with no eligible item of the preferred
 * kind the other kind is served. A gold item is served only while at least one normal item is eligible for the
 * annotator too (open, needing judgments, never given to them): once they have had every normal item they can get,
 * the claim answers no_task even if gold items remain, as their progress (`itemsLeft` 0) and the pool already say
 * the real work is done; serving gold then would tell it apart. Gold and normal items leave by the same statements,
 * in the same order rules (priority, then import order), and come back in the same `TaskView`: nothing in the answer
 * tells them apart. Gold items are served to every annotator once and never complete (see `projectProgress`).
 */
import { authorize, type Actor } from '../../core/permissions.js';
import { AssayError } from '../../core/errors.js';
import { randomInt } from 'node:crypto';
import { newId } from '../../core/ids.js';
import * as assignments from '../../store/assignments.js';
import { claimNextItem } from '../../store/claims.js';
import { findPause } from '../../store/quality-gates.js';
import { fromJson } from '../../store/dialect.js';
import type { AssignmentRow, ProjectRow } from '../../store/schema.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/projects.js';

/** Why there is no task: the client tells "finished" from "come back later" by this, not by the message. */
export const NO_TASK_REASONS = ['project_inactive', 'no_items', 'project_finished', 'none_eligible', 'paused'] as const;
export type NoTaskReason = (typeof NO_TASK_REASONS)[number];

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
  const project = await requireProject(deps, actor, projectId);
  if (project.status !== 'active') throw noTask(`The project is ${project.status}`, 'project_inactive');

  const now = deps.now();
  const nowIso = now.toISOString();
  const leaseExpiresAt = new Date(now.getTime() + project.lease_seconds * 1000).toISOString();
  const claimed = await claimNextItem(deps.store, {
    projectId: project.id,
    annotatorId: actor.userId,
    overlapK: project.overlap_k,
    assignmentId: newId('assignment'),
    leaseExpiresAt,
    now: nowIso,
    sweep: sweepDue(project.id, now.getTime()),
    preferGold: drawGold(project.gold_rate, deps.random),
  });
  if (!claimed) throw await noTaskError(deps, project, actor.userId);
  return presentTask(project, claimed.row, claimed.data);
}

/** True with probability `rate` (0..1), from 48 random bits of the CSPRNG (or from `random`, for a seeded test). */
export function drawGold(rate: number, random?: () => number): boolean {
  if (rate <= 0) return false;
  return (random ? random() : randomInt(0, 2 ** 48 - 1) / (2 ** 48 - 1)) < rate;
}

function presentTask(project: ProjectRow, a: AssignmentRow, data: unknown): TaskView {
  return {
    assignmentId: a.id,
    projectId: project.id,
    item: { id: a.item_id, data: fromJson<Record<string, unknown>>(data) },
    schemaVersion: project.schema_version,
    guidelineVersion: project.guideline_version,
    leaseExpiresAt: a.lease_expires_at,
  };
}

/** Says why nothing is eligible, so the client can tell "finished" from "come back later". */
async function noTaskError(deps: ServiceDeps, project: ProjectRow, annotatorId: string): Promise<AssayError> {
  // The claim finds nothing while the quality gate has the annotator paused here (the guard is in the claim itself).
  // The gate's reason is for managers only: "5 gold items missed in a row" would tell the annotator which items were gold.
  if (await findPause(deps.store.db, project.id, annotatorId)) {
    return noTask('You are paused on this project by its quality checks; a project manager can review your work and reinstate you', 'paused');
  }
  const p = await assignments.projectProgress(deps.store.db, project.id, deps.now().toISOString(), project.overlap_k);
  if (p.totalItems === 0) return noTask('The project has no items yet', 'no_items');
  if (p.completeItems >= p.totalItems) return noTask('The project is finished: every item has its judgments', 'project_finished');
  return noTask('No task for you right now: you have labeled every item that still needs judgments, or others hold them', 'none_eligible');
}
