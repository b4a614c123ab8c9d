/**
 * The demo's history: simulated annotators and a simulated reviewer working on the demo project over past days,
 * through the same use cases the API calls (`nextTask` / `submitAndClaimNext`, `submitAnnotation`, `flagItem`,
 * `nextReview`, accept / reject / correct), never by writing rows. So the hidden-gold draw, the scoring, the quality
 * gate's pause, the signals and the review queue all come from the real code paths, and every figure the console
 * shows afterwards is one the product computed.
 *
 * Time: the run has its own clock (`deps.now`), moved from event to event. Each annotator works in sessions (a start
 * time and a number of tasks); within one, a task takes the annotator's pace (0.5–1.5 × their mean seconds) plus a
 * short pause before the next. The reviewer works in sessions too. Events run in time order, one at a time, so the
 * run is the same on every first start (every generator seeded, including the server's gold draw, `deps.random`).
 * It stops claiming new work once the simulated annotators have made `targetJudgments` normal judgments, so the
 * people who sign in still find work.
 */
import { isAssayError } from '../../core/errors.js';
import type { Actor } from '../../core/permissions.js';
import { createRng, type Rng } from '../../quality/random.js';
import type { ServiceDeps } from '../deps.js';
import { flagItem } from '../review/flag-item.js';
import { acceptReview, correctReview, rejectReview } from '../review/decide-review.js';
import { nextReview } from '../review/next-review.js';
import type { ReviewTaskView } from '../review/present.js';
import { claimFollowUp, submitAndClaimNext, type FollowUp } from '../tasks/claim-follow-up.js';
import type { TaskView } from '../tasks/next-task.js';
import { submitAnnotation } from '../tasks/submit-annotation.js';
import type { DemoTruth } from './demo-items.js';
import { simulatedDemoAnswers, type Behaviour } from './simulated-annotator.js';

export interface Session {
  /** When it starts (ms since the epoch). */
  startMs: number;
  /** Tasks (annotators) or reviews (the reviewer) in it, at most. */
  count: number;
}

export interface HistoryAnnotator {
  actor: Actor;
  behaviour: Behaviour;
  /** Probability that an (honest) answer is wholly right. */
  accuracy: number;
  /** Mean seconds on a task. */
  seconds: number;
  /** Probability of writing a short rationale (the reason the worse reply is worse) with a correct answer. */
  rationale: number;
  sessions: Session[];
}

/** What the simulation knows of an item from its data: its true answers, whether it is gold, and why (for a rationale). */
export interface KnownItem {
  truth: DemoTruth;
  isGold: boolean;
  why?: string | undefined;
}

export interface HistoryPlan {
  projectId: string;
  annotators: HistoryAnnotator[];
  reviewer: { actor: Actor; sessions: Session[] };
  /** The item's truth by its data (as a task shows it); every item the project has must be known. */
  knownOf: (data: Record<string, unknown>) => KnownItem;
  /** Normal (not gold) judgments the simulated annotators make in all, at most. */
  targetJudgments: number;
  /** Probability that an annotator flags the item they just labeled, with one of `flagReasons`. */
  flagRate: number;
  flagReasons: readonly string[];
  seed: number;
}

/** What happened, counted by the run itself (the tests compare the console's figures with it). */
export interface HistoryTally {
  judgments: number;
  goldJudgments: number;
  flags: number;
  reviews: { accepted: number; rejected: number; corrected: number };
  /** Each annotator's judgments and gold record, by user id. */
  byAnnotator: Map<string, { judgments: number; goldN: number; goldCorrect: number; pausedAtMs: number | null }>;
}

interface WorkerState {
  next: number;
  session: number;
  doneInSession: number;
  held: TaskView | null;
  timeMs: number;
  done: boolean;
}

const userIdOf = (a: Actor) => (a.kind === 'user' ? a.userId : '');

function startOf(s: WorkerState, sessions: Session[]) {
  s.doneInSession = 0;
  s.held = null;
  if (s.session >= sessions.length) {
    s.done = true;
    s.next = Infinity;
  } else s.next = sessions[s.session]!.startMs;
}

/**
 * Runs the plan on `deps` (whose clock is `clock`, moved here). Returns what was done. `deps` must not refresh live
 * results after each submit (`live` unset): the caller refreshes once at the end.
 */
export async function simulateHistory(deps: ServiceDeps, clock: { ms: number }, plan: HistoryPlan): Promise<HistoryTally> {
  const rng = createRng(plan.seed);
  const rngs: Rng[] = plan.annotators.map((_, i) => createRng(plan.seed + 7919 * (i + 1)));
  const tally: HistoryTally = {
    judgments: 0,
    goldJudgments: 0,
    flags: 0,
    reviews: { accepted: 0, rejected: 0, corrected: 0 },
    byAnnotator: new Map(plan.annotators.map((a) => [userIdOf(a.actor), { judgments: 0, goldN: 0, goldCorrect: 0, pausedAtMs: null }])),
  };
  const workers: WorkerState[] = plan.annotators.map(() => ({ next: 0, session: 0, doneInSession: 0, held: null, timeMs: 0, done: false }));
  workers.forEach((w, i) => startOf(w, plan.annotators[i]!.sessions));
  const reviewer: WorkerState = { next: 0, session: 0, doneInSession: 0, held: null, timeMs: 0, done: false };
  startOf(reviewer, plan.reviewer.sessions);
  let heldNormal = 0;
  const enough = () => tally.judgments + heldNormal >= plan.targetJudgments;

  /** The annotator holds `f.next`, or, given nothing, ends the session (all of them when paused). */
  const take = (i: number, f: FollowUp) => {
    const w = workers[i]!;
    const a = plan.annotators[i]!;
    const task = f.next;
    w.held = task;
    if (!task) {
      if (f.noTask?.reason === 'paused') {
        tally.byAnnotator.get(userIdOf(a.actor))!.pausedAtMs = clock.ms;
        w.done = true;
        w.next = Infinity;
        return;
      }
      w.session++;
      startOf(w, a.sessions);
      return;
    }
    if (!plan.knownOf(task.item.data).isGold) heldNormal++;
    w.timeMs = Math.round(a.seconds * 1000 * (0.5 + rngs[i]!.next()));
    // A pause before starting (reading the item), then the time on task.
    w.next = clock.ms + (2 + rngs[i]!.nextInt(12)) * 1000 + w.timeMs;
  };

  for (;;) {
    let who = -1;
    let at = reviewer.next;
    workers.forEach((w, i) => {
      if (w.next < at) {
        at = w.next;
        who = i;
      }
    });
    if (at === Infinity) break;
    clock.ms = at;
    if (who === -1) {
      await reviewStep(deps, plan, reviewer, rng, tally, clock);
      continue;
    }
    const w = workers[who]!;
    const a = plan.annotators[who]!;
    if (!w.held) {
      if (enough()) {
        w.done = true;
        w.next = Infinity;
        continue;
      }
      take(who, await claimFollowUp(deps, a.actor, plan.projectId));
      continue;
    }
    const task = w.held;
    const known = plan.knownOf(task.item.data);
    const answers: Record<string, unknown> = simulatedDemoAnswers(rngs[who]!, a.accuracy, known.truth, a.behaviour);
    const right = answers.sentiment === known.truth.sentiment && answers.preference === known.truth.preference;
    if (right && known.why && rngs[who]!.next() < a.rationale) answers.rationale = known.why;
    if (!known.isGold) heldNormal--;
    w.doneInSession++;
    const last = w.doneInSession >= a.sessions[w.session]!.count || enough();
    const input = { assignmentId: task.assignmentId, answers, timeSpentMs: w.timeMs, clientSignals: { activeMs: w.timeMs, keystrokes: 2 } };
    let next: FollowUp | null = null;
    if (last) await submitAnnotation(deps, a.actor, input);
    else next = await submitAndClaimNext(deps, a.actor, input);
    const mine = tally.byAnnotator.get(userIdOf(a.actor))!;
    mine.judgments++;
    if (known.isGold) {
      tally.goldJudgments++;
      mine.goldN++;
      if (right) mine.goldCorrect++;
    } else tally.judgments++;
    if (!known.isGold && a.behaviour === 'honest' && rng.next() < plan.flagRate) {
      await flagItem(deps, a.actor, plan.projectId, task.item.id, { reason: plan.flagReasons[rng.nextInt(plan.flagReasons.length)]! });
      tally.flags++;
    }
    if (next) take(who, next);
    else {
      w.session++;
      startOf(w, a.sessions);
    }
  }
  return tally;
}

/** One review: take the next, decide it by the item's truth (accept; reject with a reason; now and then correct). */
async function reviewStep(deps: ServiceDeps, plan: HistoryPlan, r: WorkerState, rng: Rng, tally: HistoryTally, clock: { ms: number }) {
  const session = plan.reviewer.sessions[r.session]!;
  let task: ReviewTaskView;
  try {
    task = await nextReview(deps, plan.reviewer.actor, plan.projectId);
  } catch (e) {
    if (!isAssayError(e) || e.code !== 'no_task') throw e;
    r.session++;
    startOf(r, plan.reviewer.sessions);
    return;
  }
  const known = plan.knownOf(task.item.data);
  const given = task.annotation.answers as { sentiment?: string; preference?: number };
  const sentimentOk = given.sentiment === known.truth.sentiment;
  const preferenceOk = given.preference === known.truth.preference;
  const spent = (30 + rng.nextInt(60)) * 1000;
  clock.ms += spent;
  if (sentimentOk && preferenceOk) {
    await acceptReview(deps, plan.reviewer.actor, task.id);
    tally.reviews.accepted++;
  } else if (sentimentOk && Math.sign(given.preference ?? 0) === Math.sign(known.truth.preference)) {
    // Right side, wrong strength: a reviewer lets that through now and then, else fixes the point.
    if (rng.next() < 0.4) {
      await acceptReview(deps, plan.reviewer.actor, task.id, { comment: 'Close enough: the right reply, a point off in strength.' });
      tally.reviews.accepted++;
    } else {
      await correctReview(deps, plan.reviewer.actor, task.id, {
        answers: { ...known.truth },
        timeSpentMs: spent,
        reason: `The strength is off: per the guidelines' table this is "${strengthWords(known.truth.preference)}".`,
      });
      tally.reviews.corrected++;
    }
  } else {
    await rejectReview(deps, plan.reviewer.actor, task.id, { reason: rejectionReason(given, known) });
    tally.reviews.rejected++;
  }
  r.doneInSession++;
  if (r.doneInSession >= session.count) {
    r.session++;
    startOf(r, plan.reviewer.sessions);
  } else r.next = clock.ms + (5 + rng.nextInt(20)) * 1000;
}

function strengthWords(p: number): string {
  const side = p < 0 ? 'A' : 'B';
  return p === 0 ? 'about the same' : Math.abs(p) === 3 ? `${side} much better` : Math.abs(p) === 2 ? `${side} better` : `${side} slightly better`;
}

function rejectionReason(given: { sentiment?: string; preference?: number }, known: KnownItem): string {
  if (given.sentiment === 'positive' && given.preference === 0 && !(known.truth.sentiment === 'positive' && known.truth.preference === 0)) {
    return 'Every answer here is "positive" and "about the same": read the review and both replies before answering.';
  }
  if (given.sentiment !== known.truth.sentiment) {
    return `The review is ${known.truth.sentiment}, not ${given.sentiment}: judge the reviewer's verdict on the product (guidelines, section 1).`;
  }
  return `The other reply is the better one: ${known.why ?? 'check which reply is correct before style'} Prefer the correct, safe reply (guidelines, section 2).`;
}
