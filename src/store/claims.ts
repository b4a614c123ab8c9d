/**
 * The two writes of the label cycle, claim and submit, each atomic, in the cheapest form each engine allows
 * (see `singleStatementWrites` in dialect.ts): on PostgreSQL one statement each, on SQLite a few statements in one
 * group-committed write transaction. Both keep the same invariants: an item's `active_count` never exceeds k
 * (the conditional UPDATE on the item row is the guard) and a lease is closed at most once. The transactions are
 * the services' (`services/tasks/claim-item.ts`, `submit-annotation.ts`, which judges the quality gate in the
 * submit's); these are the statements they run. Their SQL per engine is in `claims-sql/` (see claims.test.ts).
 */
import { sql } from 'kysely';
import type { Executor } from './db.js';
import type { AssignmentRow } from './schema.js';
import * as assignments from './assignments.js';
import { insertAnnotation, type NewAnnotation } from './annotations.js';
import { prepare } from './prepared.js';
import { capabilitiesOf, fromJson, toJson } from './dialect.js';
import { correctColumnOf, insertGoldScoreIfAny, type GoldOutcome } from './gold-scores.js';
import { countGoldForGate, standingOf, TALLY_UPDATE, TALLY_VALUES, type GateStanding, type GateTallyRow } from './quality-gates.js';

/** A new lease to take: who claims (the claim's eligibility conditions) and the lease to write. */
export type NewLease = Omit<assignments.Claimer, 'goldOnly'> & {
  /** A qualification: its items are all gold, served without the normal-pool guard. */
  goldOnly: boolean;
  /** The project's k; each item's own `extra_k` is added in SQL. */
  overlapK: number;
  /** Id for the new assignment, if one is made. */
  assignmentId: string;
  leaseExpiresAt: string;
  /**
   * Serve a gold item if one is eligible (else a normal one), or a normal item if one is eligible (else a gold one).
   * Decided by the caller per claim at the project's gold rate; both choices run the same statements, which look for
   * both kinds every time. Either way a gold item is eligible only while a normal item is too (open, needing
   * judgments, never given to the annotator): with no normal item left the claim finds nothing, however many gold
   * items remain.
   */
  preferGold: boolean;
};

export interface Claimed {
  row: AssignmentRow;
  /** The item's data, as the annotator sees it. */
  data: Record<string, unknown>;
}

/**
 * One attempt's outcome when it took nothing though something may be eligible: `retry` at once (the same annotator
 * claiming twice at once: the unique (item, annotator) index refused this one, or the chosen slot filled), or `wait`
 * a moment first (every candidate is locked by a concurrent claim this instant).
 */
export type ClaimLost = 'retry' | 'wait';

const openLeaseWithItem = prepare<{ projectId: string; annotatorId: string; now: string }, AssignmentRow & { data: unknown }>((db, p) =>
  db
    .selectFrom('assignments as a')
    .innerJoin('items as i', 'i.id', 'a.item_id')
    .selectAll('a')
    .select('i.data')
    .where('a.annotator_id', '=', p.annotatorId)
    .where('a.project_id', '=', p.projectId)
    .where('a.status', '=', 'leased')
    .where('a.lease_expires_at', '>', p.now)
    .orderBy('a.created_at')
    .limit(1),
);

/** Candidates of each kind the PostgreSQL claim reads, so it can pass over those a concurrent claim is taking. */
const CLAIM_CANDIDATES = 4;

/**
 * The claim in one statement. `g` holds the first gold candidates (`eligibleGold`: least-judged first, random among
 * equals, only while the normal pool holds an item eligible for the annotator, the `exists` evaluated once per
 * statement from its snapshot; lifted in a qualification), `n` the first normal ones (`eligibleNormal`: priority,
 * then import order), each numbered in its own serving order; both are the queries the SQLite claim runs
 * (assignments.ts) and both are read in full on every claim. `cand` then takes the first candidate of the kind drawn
 * (`gold`), else of the other, locking it `for update skip locked`: only the row the claim will take is locked, so
 * a concurrent claim passes over exactly the items being taken this instant and never over one held by a claim that
 * will not take it (locking both kinds' first candidates did that, and an annotator's last item could be refused).
 * The statement is the same text, and does the same work, whichever kind is drawn or served. Gold items have no
 * overlap limit: they stay open and every annotator gets each once; a normal item takes a slot while
 * active_count < k + extra_k.
 */
const claimStatement = prepare<
  ClaimParams & { k: number; assignmentId: string; leaseExpiresAt: string },
  { id: string; data: unknown }
>(
  (db, p) => sql<{ id: string; data: unknown }>`
    with g as (
      select s.id, row_number() over (order by s.priority desc, s.active_count, s.turn) as ord
      from ${assignments.eligibleGold(db, p, CLAIM_CANDIDATES).select(['i.priority', 'i.active_count', assignments.goldTurn(p).as('turn')])} s
    ), n as (
      select s.id, row_number() over (order by s.priority desc, s.seq) as ord
      from ${assignments.eligibleNormal(db, p, CLAIM_CANDIDATES).select(['i.priority', 'i.seq'])} s
    ), both_kinds as (
      select g.id, case when ${p.gold} = 1 then 0 else 1 end as rank, g.ord from g
      union all
      select n.id, case when ${p.gold} = 1 then 1 else 0 end as rank, n.ord from n
    ), cand as (
      select items.id from items join both_kinds on both_kinds.id = items.id
      order by both_kinds.rank, both_kinds.ord limit 1
      for update of items skip locked
    ), slot as (
      update items set active_count = items.active_count + 1,
        open = case when items.is_gold = 1 or items.active_count + 1 < ${p.k} + items.extra_k then 1 else 0 end
      from cand where items.id = cand.id and (items.is_gold = 1 or items.active_count < ${p.k} + items.extra_k)
      returning items.id, items.data
    ), ins as (
      insert into assignments (id, project_id, item_id, annotator_id, status, lease_expires_at, created_at)
      select ${p.assignmentId}, ${p.projectId}, slot.id, ${p.annotatorId}, 'leased', ${p.leaseExpiresAt}, ${p.now} from slot
      returning item_id
    )
    select slot.id, slot.data from slot join ins on ins.item_id = slot.id`,
);

type ClaimParams = assignments.Claimer & { gold: number };

/** The annotator's open lease in the project with its item's data, if they hold one (the claim resumes it). */
export async function findOpenLease(db: Executor, o: { projectId: string; annotatorId: string; now: string }): Promise<Claimed | null> {
  const open = await openLeaseWithItem.first(db, o);
  if (!open) return null;
  const { data, ...row } = open;
  return { row, data: fromJson<Record<string, unknown>>(data) };
}

const leaseRow = (c: NewLease, itemId: string): AssignmentRow => ({
  id: c.assignmentId,
  project_id: c.projectId,
  item_id: itemId,
  annotator_id: c.annotatorId,
  status: 'leased',
  lease_expires_at: c.leaseExpiresAt,
  skip_reason: null,
  created_at: c.now,
  completed_at: null,
});

/**
 * One attempt at taking a new lease: the claimed item, null when nothing is eligible, or how to try again when a
 * concurrent claim got in the way (`ClaimLost`). With `singleStatementWrites` one statement (`claimStatement`),
 * atomic on its own; otherwise the same queries as the statement's `g` and `n` (both always, in the same order, with
 * the same guard), the slot and the lease: run those in a write transaction, where nothing changes in between.
 */
export async function tryClaim(db: Executor, c: NewLease): Promise<Claimed | ClaimLost | null> {
  const claimer: assignments.Claimer = {
    projectId: c.projectId,
    annotatorId: c.annotatorId,
    vendorId: c.vendorId,
    skill: c.skill,
    now: c.now,
    goldOnly: c.goldOnly ? 1 : 0,
    draw: c.draw,
  };
  const dialect = capabilitiesOf(db);
  if (dialect.singleStatementWrites) {
    const params = { ...claimer, k: c.overlapK, assignmentId: c.assignmentId, leaseExpiresAt: c.leaseExpiresAt, gold: c.preferGold ? 1 : 0 };
    try {
      const got = await claimStatement.first(db, params);
      if (got) return { row: leaseRow(c, got.id), data: fromJson<Record<string, unknown>>(got.data) };
    } catch (err) {
      // The same annotator claiming twice at once: the unique (item, annotator) index refused the second.
      if (!dialect.isUniqueViolation(err)) throw err;
      return 'retry';
    }
    // No row: nothing eligible, or every candidate was locked by concurrent claimers. Tell the two apart (by the
    // normal pool: without an eligible normal item no gold item is eligible either).
    return (await assignments.findClaimCandidateUnlocked(db, claimer)) ? 'wait' : null;
  }
  const { gold, normal } = await assignments.findClaimCandidates(db, claimer);
  const candidate = c.preferGold ? (gold ?? normal) : (normal ?? gold);
  if (!candidate) return null;
  if (!(await assignments.takeItemSlot(db, candidate.id, c.overlapK))) return 'retry';
  const row = leaseRow(c, candidate.id);
  await assignments.insertAssignment(db, row);
  return { row, data: fromJson<Record<string, unknown>>(candidate.data) };
}

type SubmitRow = { n: number } & { [K in keyof GateTallyRow]: GateTallyRow[K] | null };

/** The submit as one statement (`singleStatementWrites`); its SQLite form is the statements `recordSubmission` runs. */
const submitStatement = prepare<Record<keyof NewAnnotation | 'correct' | 'questions_scored' | 'questions_correct', unknown> & { now: string }, SubmitRow>(
  (_db, p) => sql<SubmitRow>`
    with closed as (
      update assignments set status = 'submitted', completed_at = ${p.now}
      where id = ${p.assignment_id} and status = 'leased'
      returning item_id
    ), ins as (
      insert into annotations (id, project_id, item_id, assignment_id, annotator_id, vendor_id, answers, schema_version,
        guideline_version, time_spent_ms, client_signals, idempotency_key, created_at)
      select ${p.id}, ${p.project_id}, closed.item_id, ${p.assignment_id}, ${p.annotator_id}, ${p.vendor_id},
        cast(${p.answers} as jsonb), cast(${p.schema_version} as integer), cast(${p.guideline_version} as integer),
        cast(${p.time_spent_ms} as integer), cast(${p.client_signals} as jsonb), ${p.idempotency_key}, ${p.created_at}
      from closed
      returning item_id
    ), scored as (
      insert into gold_scores (annotation_id, project_id, item_id, annotator_id, vendor_id, correct, questions_scored,
        questions_correct, created_at)
      select ${p.id}, ${p.project_id}, ins.item_id, ${p.annotator_id}, ${p.vendor_id}, cast(${p.correct} as integer),
        cast(${p.questions_scored} as integer), cast(${p.questions_correct} as integer), ${p.created_at}
      from ins where cast(${p.correct} as integer) is not null
      returning annotation_id
    ), gate as (
      insert into annotator_project_status (project_id, annotator_id, status, gold_n, gold_correct, fail_streak, updated_at)
      select ${p.project_id}, ${p.annotator_id}, 'active', ${TALLY_VALUES(sql`cast(${p.correct} as integer)`)}, ${p.created_at}
      from ins
      on conflict (project_id, annotator_id) do update set ${TALLY_UPDATE}
      returning status, gold_n, gold_correct, fail_streak
    ), counted as (
      update items set submitted_count = items.submitted_count + 1 from ins where items.id = ins.item_id
      returning items.id
    )
    select (select count(*) from counted) as n, gate.status, gate.gold_n, gate.gold_correct, gate.fail_streak
    from (select 1 as one) one left join gate on true`,
);

export interface SubmissionWrite {
  annotation: NewAnnotation;
  /** The gold score to store with it; `NO_GOLD_OUTCOME` for a normal item. */
  gold: GoldOutcome;
  now: string;
  /**
   * Count the submit into the annotator's gold tallies and return them (the project has a quality gate). The
   * single statement always counts; the statements on SQLite count only when asked, as the project's gate decides.
   */
  countForGate: boolean;
}

export interface RecordedSubmission {
  /** False when the lease was no longer held (a concurrent submit, skip or expiry won); nothing was written then. */
  recorded: boolean;
  /** The annotator's standing and gold tallies after this submit, when counted (see `countForGate`). */
  standing: GateStanding | null;
}

/**
 * The writes of a submit: closes the lease, writes the annotation, its gold score (only when `gold` holds one), the
 * item's count and, for the gate, the annotator's gold tallies (counted up by a gold item, left as they were by a
 * normal one). What runs depends on the project, never on the item: a gold submit and a normal one send the same
 * statements in the same order, so their cost does not tell an annotator which item was gold (but for the score's
 * own row, written only for gold).
 *
 * With `singleStatementWrites` it is one statement, atomic on its own: run on the database it autocommits (one round
 * trip), run in the caller's transaction it joins it. Otherwise it is four or five statements (the engine has no
 * data-modifying CTEs, and needs none: its statements run in-process): run it in a write transaction.
 */
export async function recordSubmission(db: Executor, w: SubmissionWrite): Promise<RecordedSubmission> {
  const a = w.annotation;
  if (capabilitiesOf(db).singleStatementWrites) {
    const params = {
      ...a,
      correct: correctColumnOf(w.gold),
      questions_scored: w.gold.questionsScored,
      questions_correct: w.gold.questionsCorrect,
      answers: toJson(a.answers),
      client_signals: toJson(a.client_signals),
      now: w.now,
    };
    const r = await submitStatement.first(db, params);
    if (Number(r?.n ?? 0) !== 1) return { recorded: false, standing: null };
    return { recorded: true, standing: r?.status == null ? null : standingOf(r as GateTallyRow) };
  }
  if (!(await assignments.closeAssignment(db, a.assignment_id, 'submitted', w.now))) return { recorded: false, standing: null };
  await insertAnnotation(db, a);
  await insertGoldScoreIfAny(db, a, w.gold);
  await assignments.countSubmission(db, a.item_id);
  if (!w.countForGate) return { recorded: true, standing: null };
  const standing = await countGoldForGate(db, { projectId: a.project_id, annotatorId: a.annotator_id, correct: correctColumnOf(w.gold), now: a.created_at });
  return { recorded: true, standing };
}
