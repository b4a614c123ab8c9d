/**
 * Qualification attempts. An annotator starts an attempt (a fresh set of `attempt_size` gold items they have not
 * seen) and takes it through the ordinary task flow (`tasks/next`, submit, skip) on the qualification's project;
 * the claim serves them gold items only while the attempt is open and short of its size.
 *
 * Settling (`settleAttempt`, after each submit there, before each claim there and when an attempt is read) closes
 * an open attempt once it is due, in one transaction:
 * - `size` gold answers in it: passed when correct / size ≥ pass mark, else failed;
 * - `size` tasks taken with no lease running, answers missing (skips and lapsed leases count as taken, not answered):
 *   judged the same way, a missing answer counting as a miss;
 * - no unseen gold item left and no lease running before `size` tasks: failed (the pool ran out).
 * Passing grants the skill in the domain (`annotator_skills`: n = size, correct), whose posterior is Beta(1 + correct,
 * 1 + size − correct); failing sets `retake_at` = now + cooldown. Either records an event
 * (`qualification.passed` / `qualification.failed`) and returns any lease still open to the pool. The close is
 * conditional on the attempt still being open, so concurrent settles close it once.
 *
 * Starting while an attempt is open returns that attempt (200) rather than refusing: a retried or double-clicked
 * Start is harmless, and the client learns where it stands either way. Refusals are 409 conflicts with
 * `details.reason`: `already_passed`, `cooldown` (with `retakeAt`), `exhausted` (fewer unseen gold items than the
 * attempt size), `inactive` (the qualification is not active).
 */
import { AssayError } from '../../core/errors.js';
import { authorize, vendorScopeOf, type Actor } from '../../core/permissions.js';
import { newId } from '../../core/ids.js';
import * as store from '../../store/qualifications.js';
import { upsertSkill } from '../../store/skills.js';
import { insertEvent } from '../../store/quality-gates.js';
import { getUser } from '../../store/users.js';
import { getProject } from '../../store/projects.js';
import type { Project } from '../../store/projects.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { proportionOf } from '../../quality/stats/proportion.js';
import { requireQualification } from './require-qualification.js';
import type { AttemptRefusal, AttemptStatus } from '../../core/qualification.js';

export interface AttemptView {
  id: string;
  qualificationId: string;
  status: AttemptStatus;
  size: number;
  /** Gold items answered in the attempt (skips are not answers). */
  answered: number;
  /** Correct answers: shown to the annotator only once the attempt is over. */
  correct?: number | undefined;
  startedAt: string;
  finishedAt: string | null;
  retakeAt: string | null;
}

/**
 * A manager's row: the attempt with its annotator and its score as every gold accuracy is shown: correct of n with
 * its Wilson 95% interval (`quality/stats/proportion.ts`; rate and bounds null before any answer). The skill a pass
 * grants is another figure, the routing's measured skill (`routing/skill.ts`).
 */
export interface AttemptRecord extends AttemptView {
  annotatorId: string;
  annotatorName: string;
  vendorId: string | null;
  passed: boolean | null;
  accuracy: { n: number; correct: number; rate: number | null; lower: number | null; upper: number | null };
}

const refuse = (reason: AttemptRefusal, message: string, extra: Record<string, unknown> = {}) =>
  new AssayError('conflict', message, undefined, { reason, ...extra });

/** The attempt as its annotator (or a manager, `withCorrect`) sees it. */
export function presentAttempt(a: store.Attempt, withCorrect: boolean): AttemptView {
  return {
    id: a.id,
    qualificationId: a.project_id,
    status: a.status,
    size: a.size,
    answered: a.answered,
    ...((withCorrect || a.status !== 'open') && { correct: a.correct }),
    startedAt: a.started_at,
    finishedAt: a.finished_at,
    retakeAt: a.retake_at,
  };
}

export interface Settled {
  /** The user's latest attempt after settling (undefined: never attempted). */
  attempt: store.Attempt | undefined;
  /** Tasks taken in it while it is open. */
  taken: number;
}

/** Closes the user's open attempt if it is due (see the module comment); returns their latest attempt. */
export async function settleAttempt(deps: ServiceDeps, project: Project, q: store.QualificationRow, userId: string): Promise<Settled> {
  const db = deps.store.db;
  const a = await store.latestAttempt(db, project.id, userId);
  if (!a || a.status !== 'open') return { attempt: a, taken: 0 };
  const now = nowIsoOf(deps);
  const t = await store.tallyAttempt(db, a, now);
  const answered = Math.min(t.answered, a.size);
  const correct = Math.min(t.correct, answered);
  let outcome: 'judge' | 'ran_out' | null = null;
  if (answered >= a.size) outcome = 'judge';
  else if (!t.openLease) {
    if (t.taken >= a.size) outcome = 'judge';
    else if ((await store.countUnseenGold(db, project.id, userId)) === 0) outcome = 'ran_out';
  }
  if (outcome === null) {
    if (answered !== a.answered || correct !== a.correct) await deps.store.write((trx) => store.updateAttemptCounts(trx, a.id, answered, correct));
    return { attempt: { ...a, answered, correct }, taken: t.taken };
  }
  const passed = outcome === 'judge' && correct / a.size >= q.pass_mark;
  const retakeAt = passed ? null : new Date(Date.parse(now) + q.cooldown_seconds * 1000).toISOString();
  const user = await getUser(db, userId);
  await deps.store.write(async (trx) => {
    if (!(await store.closeAttempt(trx, { id: a.id, status: passed ? 'passed' : 'failed', answered, correct, finishedAt: now, retakeAt }))) return;
    if (passed) await upsertSkill(trx, { userId, domain: q.domain, n: a.size, correct, sourceId: a.id, grantedAt: now });
    await store.releaseOpenLeases(trx, project.id, userId, now);
    const score = `${correct} of ${a.size} correct, pass mark ${Math.round(q.pass_mark * 100)}%`;
    await insertEvent(trx, {
      id: newId('event'),
      org_id: project.org_id,
      project_id: project.id,
      kind: passed ? 'qualification.passed' : 'qualification.failed',
      subject_id: userId,
      actor_id: 'system',
      message:
        `${user?.name ?? userId} ${passed ? 'passed' : 'failed'} the qualification "${project.name}" (${q.domain}): ${score}` +
        (outcome === 'ran_out' ? '; the unseen items ran out' : '') +
        (retakeAt ? `; retake from ${retakeAt}` : ''),
      created_at: now,
    });
  });
  return { attempt: await store.getAttempt(db, a.id), taken: 0 };
}

/**
 * After a submit in a qualification's project (and its commit): counts the attempt's answers and closes it when it
 * has `size` of them (or is otherwise due).
 */
export async function settleAfterSubmit(deps: ServiceDeps, projectId: string, userId: string): Promise<void> {
  const [project, q] = await Promise.all([getProject(deps.store.db, projectId), store.getQualification(deps.store.db, projectId)]);
  if (project && q) await settleAttempt(deps, project, q, userId);
}

/** Starts an attempt at the qualification for the signed-in annotator, or returns the open one (`created` false). */
export async function startAttempt(deps: ServiceDeps, actor: Actor, qualificationId: string): Promise<{ attempt: AttemptView; created: boolean }> {
  authorize(actor, 'task.claim');
  if (actor.kind !== 'user') throw new AssayError('forbidden', 'Only a signed-in annotator can take a qualification');
  const { project, q } = await requireQualification(deps, actor, qualificationId);
  if (project.status !== 'active') throw refuse('inactive', `The qualification is ${project.status}; it cannot be taken now`);
  const userId = actor.userId;
  const { attempt: latest } = await settleAttempt(deps, project, q, userId);
  if (latest?.status === 'open') return { attempt: presentAttempt(latest, false), created: false };
  const db = deps.store.db;
  if (await store.hasPassed(db, project.id, userId)) throw refuse('already_passed', 'You have passed this qualification already');
  const now = nowIsoOf(deps);
  if (latest?.status === 'failed' && latest.retake_at !== null && latest.retake_at > now) {
    throw refuse('cooldown', `You may retake this qualification from ${latest.retake_at}`, { retakeAt: latest.retake_at });
  }
  if ((await store.countUnseenGold(db, project.id, userId)) < q.attempt_size) {
    throw refuse('exhausted', `Too few items of this qualification are left that you have not seen (an attempt takes ${q.attempt_size}); ask a manager to add more`);
  }
  const row: store.Attempt = {
    id: newId('attempt'),
    project_id: project.id,
    user_id: userId,
    status: 'open',
    size: q.attempt_size,
    answered: 0,
    correct: 0,
    started_at: now,
    finished_at: null,
    retake_at: null,
  };
  // Checked again under a lock on the user's row: two Starts at once make one attempt.
  const open = await deps.store.write(async (trx) => {
    await store.lockUser(trx, userId);
    const again = await store.latestAttempt(trx, project.id, userId);
    if (again?.status === 'open') return again;
    await store.insertAttempt(trx, row);
    return null;
  });
  return open ? { attempt: presentAttempt(open, false), created: false } : { attempt: presentAttempt(row, false), created: true };
}

/** Attempts at the qualification: every one for managers and reviewers, a vendor's for its manager, one's own for an annotator. */
export async function listAttempts(deps: ServiceDeps, actor: Actor, qualificationId: string): Promise<AttemptRecord[] | AttemptView[]> {
  authorize(actor, 'project.read');
  const { project, q } = await requireQualification(deps, actor, qualificationId);
  const own = actor.kind === 'user' && actor.role === 'annotator';
  if (own) {
    await settleAttempt(deps, project, q, actor.userId);
    return (await store.listAttempts(deps.store.db, project.id, { userId: actor.userId })).map((a) => presentAttempt(a, false));
  }
  const rows = await store.listAttempts(deps.store.db, project.id, { vendorId: vendorScopeOf(actor) });
  return rows.map((a) => {
    const n = a.status === 'open' ? a.answered : a.size;
    return {
      ...presentAttempt(a, true),
      annotatorId: a.user_id,
      annotatorName: a.user_name,
      vendorId: a.vendor_id,
      passed: a.status === 'open' ? null : a.status === 'passed',
      accuracy: (({ rate, lower, upper }) => ({ n, correct: a.correct, rate, lower, upper }))(proportionOf(a.correct, n)),
    };
  });
}
