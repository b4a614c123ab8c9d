/**
 * The two writes of the label cycle, claim and submit, each atomic, in the cheapest form each engine allows
 * (see `singleStatementWrites` in dialect.ts): on PostgreSQL one statement each, on SQLite a few statements in one
 * group-committed write transaction. Both keep the same invariants: an item's `active_count` never exceeds k
 * (the conditional UPDATE on the item row is the guard) and a lease is closed at most once.
 */
import { sql } from 'kysely';
import type { Executor, Store } from './db.js';
import type { AssignmentRow } from './schema.js';
import * as assignments from './assignments.js';
import { insertAnnotation, type NewAnnotation } from './annotations.js';
import { prepare } from './prepared.js';
import { toJson } from './dialect.js';
import { insertGoldScoreIfAny, type GoldOutcome } from './gold-scores.js';
import { countGoldForGate, TALLY_UPDATE, TALLY_VALUES, type GateTallyRow } from './quality-gates.js';

export interface ClaimInput extends assignments.Claimer {
  /** The project's k; each item's own `extra_k` is added in SQL. */
  overlapK: number;
  /** Id for the new assignment, if one is made. */
  assignmentId: string;
  leaseExpiresAt: string;
  now: string;
  /** Also return lapsed leases of the project to the pool first. */
  sweep: boolean;
  /**
   * Serve a gold item if one is eligible (else a normal one), or a normal item if one is eligible (else a gold one).
   * Decided by the caller per claim at the project's gold rate; both choices run the same statements, which look for
   * both kinds every time. Either way a
   * gold item is eligible only while a normal item is too (open, needing judgments, never given to the annotator):
   * with no normal item left the claim finds nothing, however many gold items remain.
   */
  preferGold: boolean;
  /** Only resume the annotator's open lease, never claim a new item (the routing checks refused a new one). */
  resumeOnly?: boolean | undefined;
}

export interface Claimed {
  row: AssignmentRow;
  data: unknown;
}

/** Attempts when a concurrent claimer takes the last slot of the chosen item first. */
const CLAIM_ATTEMPTS = 8;

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

/**
 * Resumes the annotator's open lease in the project, or claims the next eligible item with a new lease; null when
 * nothing is eligible.
 */
export async function claimNextItem(store: Store, c: ClaimInput): Promise<Claimed | null> {
  const newRow = (itemId: string): AssignmentRow => ({
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
  const resume = async (db: Parameters<typeof openLeaseWithItem.first>[0]) => {
    const open = await openLeaseWithItem.first(db, { projectId: c.projectId, annotatorId: c.annotatorId, now: c.now });
    if (!open) return null;
    const { data, ...row } = open;
    return { row, data };
  };

  const claimer: assignments.Claimer = {
    projectId: c.projectId,
    annotatorId: c.annotatorId,
    vendorId: c.vendorId,
    skill: c.skill,
    now: c.now,
    goldOnly: c.goldOnly,
    draw: c.draw,
  };
  if (store.dialect.singleStatementWrites) {
    if (c.sweep) await store.write((trx) => assignments.expireLeases(trx, c.projectId, c.now, c.overlapK));
    const open = await resume(store.db);
    if (open || c.resumeOnly) return open;
    const params = { ...claimer, k: c.overlapK, assignmentId: c.assignmentId, leaseExpiresAt: c.leaseExpiresAt, gold: c.preferGold ? 1 : 0 };
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      try {
        const got = await claimStatement.first(store.db, params);
        if (got) return { row: newRow(got.id), data: got.data };
      } catch (err) {
        // The same annotator claiming twice at once: the unique (item, annotator) index refused the second.
        if (!store.dialect.isUniqueViolation(err)) throw err;
        continue;
      }
      // No row: nothing eligible, or every candidate was locked by concurrent claimers. Tell the two apart (by the
      // normal pool: without an eligible normal item no gold item is eligible either).
      if (!(await assignments.findClaimCandidateUnlocked(store.db, claimer))) return null;
      // Locked, not gone: every candidate is being taken by a concurrent claim this instant (or its slot filled since
      // this statement's snapshot). Retrying at once meets the same locks; wait until those statements have ended
      // (well under a millisecond), a little longer each time.
      await new Promise((resolve) => setTimeout(resolve, attempt + 1));
    }
    return null;
  }

  return store.write(async (trx) => {
    if (c.sweep) await assignments.expireLeases(trx, c.projectId, c.now, c.overlapK);
    const open = await resume(trx);
    if (open || c.resumeOnly) return open;
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      // The same queries as the statement's `g` and `n`, both always and in the same order, with the same guard: a
      // gold candidate only while a normal one is eligible, checked in this write transaction, so nothing can change
      // in between.
      const { gold, normal } = await assignments.findClaimCandidates(trx, claimer);
      const candidate = c.preferGold ? (gold ?? normal) : (normal ?? gold);
      if (!candidate) return null;
      if (!(await assignments.takeItemSlot(trx, candidate.id, c.overlapK))) continue;
      const row = newRow(candidate.id);
      await assignments.insertAssignment(trx, row);
      return { row, data: candidate.data };
    }
    return null;
  });
}

type SubmitRow = { n: number } & { [K in keyof GateTallyRow]: GateTallyRow[K] | null };

const submitStatement = prepare<Record<keyof NewAnnotation | keyof GoldOutcome, unknown> & { now: string }, SubmitRow>(
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

/**
 * What the quality gate does after a submit, inside the submit's transaction: `decide` reads the annotator's tallies
 * including this submit and answers a reason to pause (or null); `pause` then pauses them in the same transaction.
 * Both kinds of item run it alike (a normal item's submit leaves the tallies as they were); only a gold item's
 * verdict can pause. Absent (the project has no gate), none of it runs, for either kind.
 */
export interface GateHook {
  decide(t: GateTallyRow): string | null;
  pause(trx: Executor, reason: string): Promise<boolean>;
}

export interface Recorded {
  /** False when the lease was no longer held (a concurrent submit, skip or expiry won); nothing was written then. */
  recorded: boolean;
  /** The gate's reason when this submit paused the annotator. */
  pausedReason: string | null;
}

/**
 * Closes the lease and writes the annotation, its gold score (when `gold` holds one), the item's count and the
 * annotator's gold tallies for the quality gate (counted up by a gold item, left as they were by a normal one),
 * atomically; when the gate trips, the pause is part of the same transaction. What runs depends on the project,
 * never on the item: a gold submit and a normal one send the same statements in the same order, so their cost does
 * not tell an annotator which item was gold (but for the score's own row, written only for gold). On PostgreSQL the submit is one statement, autocommitted in a project
 * without a gate and in a transaction (so a pause can join it) in a project with one.
 */
export async function recordSubmission(store: Store, a: NewAnnotation, now: string, gold: GoldOutcome, gate?: GateHook): Promise<Recorded> {
  const isGold = gold.correct !== null;
  if (store.dialect.singleStatementWrites) {
    const params = { ...a, ...gold, answers: toJson(a.answers), client_signals: toJson(a.client_signals), now };
    if (!gate) {
      const r = await submitStatement.first(store.db, params);
      return { recorded: Number(r?.n ?? 0) === 1, pausedReason: null };
    }
    return store.write(async (trx) => {
      const r = await submitStatement.first(trx, params);
      if (Number(r?.n ?? 0) !== 1) return { recorded: false, pausedReason: null };
      return { recorded: true, pausedReason: await applyGate(trx, gate, r?.status == null ? null : tallyOf(r as GateTallyRow), isGold) };
    });
  }
  return store.write(async (trx) => {
    if (!(await assignments.closeAssignment(trx, a.assignment_id, 'submitted', now))) return { recorded: false, pausedReason: null };
    await insertAnnotation(trx, a);
    await insertGoldScoreIfAny(trx, a, gold);
    await assignments.countSubmission(trx, a.item_id);
    if (!gate) return { recorded: true, pausedReason: null };
    const tally = await countGoldForGate(trx, { projectId: a.project_id, annotatorId: a.annotator_id, correct: gold.correct, now: a.created_at });
    return { recorded: true, pausedReason: await applyGate(trx, gate, tally, isGold) };
  });
}

const tallyOf = (r: GateTallyRow): GateTallyRow => ({
  status: r.status,
  gold_n: Number(r.gold_n),
  gold_correct: Number(r.gold_correct),
  fail_streak: Number(r.fail_streak),
});

/**
 * Judges the tallies after every submit alike; pauses only after a gold one (a normal submit left the tallies as the
 * last gold submit's verdict found them).
 */
async function applyGate(trx: Executor, gate: GateHook, tally: GateTallyRow | null, isGold: boolean): Promise<string | null> {
  if (!tally || tally.status !== 'active') return null;
  const reason = gate.decide(tally);
  if (reason === null || !isGold) return null;
  return (await gate.pause(trx, reason)) ? reason : null;
}
