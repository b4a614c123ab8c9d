/**
 * Submitting an annotation: validated against the schema in force, written with its assignment's closing and the
 * item's count in one durable transaction. With an Idempotency-Key, a retry returns the first result and writes
 * nothing; a key reused for another task is a conflict.
 *
 * On a gold item the answers are scored against the gold answer (`core/gold/score-gold.ts`) and the score is
 * written in the same transaction. The gold answer is read by the same query that loads every assignment, so a gold
 * submit costs no extra round trip. Only in the project's `feedback` mode, and only for a missed gold item, the
 * result carries the gold answer and its explanation; otherwise `feedback` is null, as for every normal item.
 *
 * Quality gate: after a gold item, in the same transaction, the annotator's gold tallies on the project are counted
 * up (one upsert; a CTE of the submit statement on PostgreSQL) and judged by the project's gate
 * (`core/gold/quality-gate.ts`); when it trips they are paused there, their open leases released and an
 * `annotator.paused` event recorded. The submit's answer is the same either way: their next claim says `paused`.
 *
 * Gold by timing: a normal item's submit runs the very same statements, in the same transaction (the upsert leaving
 * the tallies as they were, the verdict read but never acted on): what runs depends on the project, never on the
 * item, so that in `audit` mode, where the response of either kind is the same, its cost is too
 * (`test/gold-timing-submit.test.ts`). Left: the score insert writes a row only for gold, measurable on both databases.
 */
import { authorize, isOwner, type Actor } from '../../core/permissions.js';
import { AssayError, conflict, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { validateAnswers, type AnswerSet } from '../../core/schema/index.js';
import * as assignments from '../../store/assignments.js';
import * as annotations from '../../store/annotations.js';
import { recordSubmission, type SubmissionWrite } from '../../store/claims.js';
import type { Executor } from '../../store/db.js';
import { findGoldOutcome, NO_GOLD_OUTCOME, type GoldOutcome } from '../../store/gold-scores.js';
import { scoreAgainstGold } from '../../core/gold/score-gold.js';
import { chanceOfSchema, gateRuleOf, gateVerdict, type GoldTally } from '../../core/gold/quality-gate.js';
import { gatePausedMessage } from '../../core/gold/gate-words.js';
import { insertEvent, markPaused, type GateStanding } from '../../store/quality-gates.js';
import type { Annotation, ClientSignals } from '../../core/annotation.js';
import type { ServiceDeps } from '../deps.js';
import { loadSchema } from '../projects/schema-cache.js';
import { settleAfterSubmit } from '../qualifications/attempts.js';

export interface SubmitInput {
  assignmentId: string;
  answers: unknown;
  /** Wall time on the task as the client measured it. */
  timeSpentMs: number;
  clientSignals?: ClientSignals | undefined;
  idempotencyKey?: string | undefined;
}

/** Shown after a missed gold item in feedback mode: what the answer should have been, and why. */
export interface GoldFeedback {
  correctAnswers: AnswerSet;
  explanation: string | null;
}

export interface SubmitResult {
  annotation: Annotation;
  /** Set only after a missed gold item in a project in feedback mode; null otherwise. */
  feedback: GoldFeedback | null;
  /** True when this was a retry answered from the first submission. */
  replayed: boolean;
}

export async function submitAnnotation(deps: ServiceDeps, actor: Actor, input: SubmitInput): Promise<SubmitResult> {
  authorize(actor, 'task.claim');
  if (actor.kind !== 'user') throw new AssayError('forbidden', 'Only a signed-in annotator can submit');
  const db = deps.store.db;

  const replay = await findReplay(deps, actor.userId, input);
  if (replay) return replay;

  const assignment = await assignments.getAssignmentForSubmit(db, input.assignmentId);
  if (!assignment || !isOwner(actor, assignment)) throw notFound('Task');
  if (assignment.status === 'submitted') {
    // A concurrent retry with the same key may have committed between the replay check above and this read.
    const again = await findReplay(deps, actor.userId, input);
    if (again) return again;
    throw conflict('This task was already submitted', 'assignmentId');
  }
  const nowIso = deps.now().toISOString();
  if (assignment.status !== 'leased' || assignment.lease_expires_at <= nowIso) {
    throw new AssayError('lease_expired', 'The lease on this task expired before the submit; ask for the next task', 'assignmentId');
  }
  const schema = await loadSchema(db, assignment.project_id, assignment.schema_version);
  const answers = validateAnswers(schema, assignment.item_data, input.answers);
  const goldAnswers = assignment.gold_answers;
  const score = goldAnswers ? scoreAgainstGold(schema, answers, goldAnswers) : null;
  const outcome: GoldOutcome = score
    ? { correct: score.correct, questionsScored: score.questionsScored, questionsCorrect: score.questionsCorrect }
    : NO_GOLD_OUTCOME;

  const row = {
    id: newId('annotation'),
    project_id: assignment.project_id,
    item_id: assignment.item_id,
    assignment_id: assignment.id,
    annotator_id: actor.userId,
    vendor_id: actor.vendorId,
    answers,
    schema_version: assignment.schema_version,
    guideline_version: assignment.guideline_version,
    time_spent_ms: Math.max(0, Math.round(input.timeSpentMs)),
    client_signals: input.clientSignals ?? {},
    idempotency_key: input.idempotencyKey ?? null,
    created_at: nowIso,
  };
  const policy = assignment.gate;
  const schemaChance = chanceOfSchema(schema);
  // Derive (and memoise) the rule now, outside the write transaction: the first derivation for a floor takes a
  // fraction of a second, which must not hold the database's write lock. Every submit does it, gold or not, so the
  // first gold submit is no slower than any other (its time must not tell an annotator which item was gold).
  if (policy.enabled) gateRuleOf(policy, schemaChance);
  const gate: Gate | null = policy.enabled
    ? {
        verdict: (t) => gateVerdict(policy, schemaChance, t),
        pause: { orgId: assignment.org_id, projectId: assignment.project_id, annotatorId: actor.userId, overlapK: assignment.overlap_k, now: nowIso },
      }
    : null;
  try {
    if (!(await writeSubmission(deps, { annotation: row, gold: outcome, now: nowIso, countForGate: gate !== null }, gate))) {
      throw new AssayError('lease_expired', 'The lease on this task ended before the submit', 'assignmentId');
    }
  } catch (err) {
    // A concurrent retry with the same key won the race: answer from its result.
    const again = await findReplay(deps, actor.userId, input);
    if (again) return again;
    const done = await annotations.findAnnotationByAssignment(db, assignment.id);
    if (done) throw conflict('This task was already submitted', 'assignmentId');
    throw err;
  }
  // After the commit, never in its transaction: the item's aggregate and adaptive overlap catch up off this path.
  deps.live?.noteSubmitted(assignment.project_id, { id: row.id, item_id: row.item_id, annotator_id: row.annotator_id, answers: row.answers });
  if (assignment.kind === 'qualification') await settleAfterSubmit(deps, assignment.project_id, actor.userId);
  return {
    annotation: annotations.writtenAnnotation(row),
    feedback: feedbackFor(assignment.gold_feedback, outcome.correct, goldAnswers, assignment.gold_explanation),
    replayed: false,
  };
}

/** The project's quality gate as a submit applies it: the verdict on the tallies, and whom to pause where. */
interface Gate {
  verdict(t: GoldTally): string | null;
  pause: { orgId: string; projectId: string; annotatorId: string; overlapK: number; now: string };
}

/**
 * The submit's writes and, with a gate, its verdict and the pause, in one transaction. Without a gate on an engine
 * whose submit is one statement (`singleStatementWrites`), that statement runs on its own, autocommitted: one round
 * trip. True when recorded; false when the lease was no longer held (nothing was written).
 */
async function writeSubmission(deps: ServiceDeps, w: SubmissionWrite, gate: Gate | null): Promise<boolean> {
  if (!gate && deps.store.dialect.singleStatementWrites) return (await recordSubmission(deps.store.db, w)).recorded;
  return deps.store.write(async (trx) => {
    const { recorded, standing } = await recordSubmission(trx, w);
    if (recorded && gate) await applyGate(trx, gate, standing, w.gold.correct !== null);
    return recorded;
  });
}

/**
 * Judges the tallies after every submit alike (the verdict is computed for a normal item too, so both kinds cost the
 * same); pauses only after a gold one (a normal submit left the tallies as the last gold submit's verdict found them).
 * The pause marks the annotator paused, returns their open leases on the project to the pool and records an
 * `annotator.paused` event, in the submit's transaction.
 */
async function applyGate(trx: Executor, gate: Gate, standing: GateStanding | null, isGold: boolean): Promise<void> {
  if (!standing?.active) return;
  const reason = gate.verdict(standing.tally);
  if (reason === null || !isGold) return;
  const p = gate.pause;
  if (!(await markPaused(trx, { projectId: p.projectId, annotatorId: p.annotatorId, reason, now: p.now }))) return;
  const released = await assignments.expireLeasesOf(trx, { projectId: p.projectId, annotatorId: p.annotatorId, now: p.now, overlapK: p.overlapK });
  await insertEvent(trx, {
    id: newId('event'),
    org_id: p.orgId,
    project_id: p.projectId,
    kind: 'annotator.paused',
    subject_id: p.annotatorId,
    actor_id: 'system',
    message: gatePausedMessage(reason, released),
    created_at: p.now,
  });
}

async function findReplay(deps: ServiceDeps, annotatorId: string, input: SubmitInput): Promise<SubmitResult | null> {
  if (!input.idempotencyKey) return null;
  const prior = await annotations.findAnnotationByIdempotencyKey(deps.store.db, annotatorId, input.idempotencyKey);
  if (!prior) return null;
  if (prior.assignmentId !== input.assignmentId) {
    throw conflict('This Idempotency-Key was already used for another task', 'Idempotency-Key');
  }
  // The same lookup for every replay, gold or not; it finds a row only for a scored gold annotation.
  const gold = await findGoldOutcome(deps.store.db, prior.id);
  const feedback = gold ? feedbackFor(gold.gold_feedback, gold.correct, gold.gold_answers, gold.gold_explanation) : null;
  return { annotation: prior, feedback, replayed: true };
}

function feedbackFor(mode: string, correct: boolean | null, gold: AnswerSet | null, explanation: string | null): GoldFeedback | null {
  if (mode !== 'feedback' || correct !== false || !gold) return null;
  return { correctAnswers: gold, explanation };
}
