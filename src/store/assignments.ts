/**
 * Assignments as an aggregate (item × annotator with a lease) and the claim, the hottest write path. The item row
 * carries `active_count` (unexpired leases + submissions) and `open` (active_count < k + extra_k, where extra_k counts
 * the judgments adaptive overlap asked beyond k), updated in the same transaction as the assignment rows, so the claim
 * reads one indexed range of open items and a conditional UPDATE on the claimed row is the final guard against
 * over-assignment on either engine.
 *
 * The eligibility conditions of the claim (never given to the annotator, not paused, the adaptive preference, the
 * hidden-gold guard) and the two serving orders (normal items by priority and import order, gold items least-judged
 * first) are written once here, with the query builder, as `eligibleNormal` and `eligibleGold`: the SQLite claim runs
 * them as queries and the PostgreSQL claim statement (`claims.ts`) compiles the same builders into its CTEs.
 * The progress read models live apart: `project-progress.ts`, `annotator-progress.ts`, `vendor-quota-usage.ts`.
 */
import { sql, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Executor } from './db.js';
import type { AssignmentRow, DB } from './schema.js';
import { capabilitiesOf, fromJson } from './dialect.js';
import { prepare } from './prepared.js';
import { gatePolicyOf } from './projects.js';
import type { AssignmentStatus, ClosedAssignmentStatus } from '../core/assignment.js';
import type { QualityGatePolicy } from '../core/gold/quality-gate.js';
import type { AnswerSet } from '../core/schema/index.js';

/**
 * Marks the project's lapsed leases expired and gives their items back to the pool; returns how many. `overlapK` is
 * the project's k (each item's own `extra_k` is added in SQL).
 */
export async function expireLeases(db: Executor, projectId: string, now: string, overlapK: number): Promise<number> {
  const expired = await db
    .updateTable('assignments')
    .set({ status: 'expired', completed_at: now })
    .where('project_id', '=', projectId)
    .where('status', '=', 'leased')
    .where('lease_expires_at', '<=', now)
    .returning('item_id')
    .execute();
  for (const { item_id } of expired) await releaseItemSlot(db, item_id, overlapK);
  return expired.length;
}

/** The projects (with their k) holding leases that lapsed by `now`, for the sweep across all projects. */
export function findProjectsWithLapsedLeases(db: Executor, now: string): Promise<{ id: string; overlap_k: number }[]> {
  return db
    .selectFrom('assignments')
    .innerJoin('projects', 'projects.id', 'assignments.project_id')
    .select(['projects.id', 'projects.overlap_k'])
    .where('assignments.status', '=', 'leased')
    .where('assignments.lease_expires_at', '<=', now)
    .groupBy(['projects.id', 'projects.overlap_k'])
    .execute();
}

/**
 * Returns the annotator's open leases on the project to the pool (a quality-gate pause): each marked expired and its
 * item's slot freed; returns how many. Run it in a write transaction.
 */
export async function expireLeasesOf(db: Executor, p: { projectId: string; annotatorId: string; now: string; overlapK: number }): Promise<number> {
  const released = await db
    .updateTable('assignments')
    .set({ status: 'expired', completed_at: p.now })
    .where('project_id', '=', p.projectId)
    .where('annotator_id', '=', p.annotatorId)
    .where('status', '=', 'leased')
    .returning('item_id')
    .execute();
  for (const { item_id } of released) await releaseItemSlot(db, item_id, p.overlapK);
  return released.length;
}

/** Frees one judgment slot on the item (a lease expired or was skipped); `overlapK` is the project's k. */
export async function releaseItemSlot(db: Executor, itemId: string, overlapK: number) {
  await db
    .updateTable('items')
    .set({
      active_count: sql`active_count - 1`,
      open: sql`case when is_gold = 1 or active_count - 1 < ${overlapK} + extra_k then 1 else 0 end`,
    })
    .where('id', '=', itemId)
    .execute();
}

/**
 * The item (`items`, or the aliases `i` and `n`) of the project was never assigned to the annotator: they have not
 * had it, in any state. Written per engine (`neverGivenProbe`): one seek per candidate in
 * `assignments_annotator_item_idx`, or a hashed set of the annotator's items in the project built once per statement.
 */
export const neverGivenTo = (db: Executor, itemId: 'items.id' | 'i.id' | 'n.id', annotatorId: string, projectId: string) =>
  capabilitiesOf(db).neverGivenProbe === 'hashed'
    ? sql<SqlBool>`${sql.ref(itemId)} not in (select a.item_id from assignments a where a.annotator_id = ${annotatorId} and a.project_id = ${projectId})`
    : sql<SqlBool>`not exists (select 1 from assignments a where a.annotator_id = ${annotatorId} and a.item_id = ${sql.ref(itemId)})`;

/** Who claims, as the claim's eligibility conditions read it (a type, not an interface: prepared-query parameters). */
export type Claimer = {
  projectId: string;
  annotatorId: string;
  /** The annotator's vendor, '' for none: kept from items whose extra judgment avoids it, until `prefer_until`. */
  vendorId: string;
  /** The annotator's measured accuracy on the project (`measuredProjectSkill`; 0.5 in fixed-overlap projects). */
  skill: number;
  now: string;
  /** 1 in a qualification: its items are all gold, served without the normal-pool guard. 0 otherwise. */
  goldOnly: number;
  /** Uniform in [0, 2³²), drawn per claim: breaks ties among gold items judged equally often (`eligibleGold`). */
  draw: number;
};

/**
 * The adaptive preference: while `prefer_until` is in the future, an item's extra judgment goes only to an annotator
 * who is not of `avoid_vendor` and whose measured skill is at least `prefer_skill`; after it (or never set: fixed
 * overlap), to anyone eligible.
 */
const preferenceAllows = (t: 'i' | 'n', p: Claimer) => {
  const c = (name: 'prefer_until' | 'avoid_vendor' | 'prefer_skill') => sql.ref(`${t}.${name}`);
  return sql<SqlBool>`(${c('prefer_until')} is null or ${c('prefer_until')} <= ${p.now} or ((${c('avoid_vendor')} is null or ${c('avoid_vendor')} <> ${p.vendorId}) and ${p.skill} >= coalesce(${c('prefer_skill')}, 0)))`;
};

/** The annotator is paused on the project by its quality gate. */
const pausedHere = (eb: ExpressionBuilder<DB, 'items'>, p: Claimer) =>
  eb.exists(
    eb
      .selectFrom('annotator_project_status as ps')
      .select('ps.status')
      .where('ps.project_id', '=', p.projectId)
      .where('ps.annotator_id', '=', p.annotatorId)
      .where('ps.status', '=', sql.lit('paused')),
  );

/**
 * Fibonacci hashing (Knuth, TAOCP vol. 3, §6.4): `seq · ⌊2³²/φ⌋ mod 2³²` spreads consecutive import positions evenly
 * over the circle [0, 2³²) (the three-distance theorem: the gaps take at most three lengths), and adding the claim's
 * `draw` (uniform in [0, 2³²)) turns that circle by a random amount. The item that comes first is the one whose point
 * follows the random cut: among items tied on everything before this key, each is drawn with nearly equal chance,
 * and the same for every engine (integer arithmetic only; PostgreSQL reads the constant as bigint).
 */
const GOLDEN_32 = 2654435761;
const CIRCLE_32 = 4294967296;
const scrambled = (t: 'i', p: { draw: number }) => sql`(${sql.ref(`${t}.seq`)} * ${sql.lit(GOLDEN_32)} + ${p.draw}) % ${sql.lit(CIRCLE_32)}`;

/** What every candidate shares: the project's open items of the kind (`is_gold` = `gold`), never given to the
 * claimer, allowed by the adaptive preference, and nothing while the quality gate has them paused. */
function eligibleOfKind(db: Kysely<DB>, p: Claimer, gold: 0 | 1) {
  return db
    .selectFrom('items as i')
    .select(['i.id', 'i.data'])
    .where('i.project_id', '=', p.projectId)
    .where('i.open', '=', sql.lit(1))
    .where('i.is_gold', '=', sql.lit(gold))
    .where((eb) => eb.not(pausedHere(eb as unknown as ExpressionBuilder<DB, 'items'>, p)))
    .where(neverGivenTo(db, 'i.id', p.annotatorId, p.projectId))
    .where(preferenceAllows('i', p));
}

/**
 * The first normal item eligible for the claimer (see `eligibleOfKind`), in serving order: priority, then import
 * order (one range of `items_claim_idx`, `limit 1`).
 * Constants are literals, not parameters, so PostgreSQL's generic plan of the named statement still sees `limit 1`
 * and the constant index columns.
 */
export function eligibleNormal(db: Kysely<DB>, p: Claimer, limit = 1) {
  return eligibleOfKind(db, p, 0).orderBy('i.priority', 'desc').orderBy('i.seq').limit(sql.lit(limit));
}

/**
 * The gold item to serve the claimer, if any: eligible (see `eligibleOfKind`) and, outside a qualification
 * (`goldOnly`), only while a normal item is eligible too (the same conditions on the normal pool), so the annotator,
 * told by their progress that the real work is done, never gets gold alone and learns it is gold.
 *
 * Drawn least-judged first: by priority, then fewest judgments (`active_count`: submissions and live leases, so
 * concurrent claimers spread too), then at random among equals (`scrambled`, turned by the claim's `draw`). Served
 * in import order, the first gold items went to everyone and the rest to nobody (55–75 of 160 judged in the
 * simulation); drawn this way every gold item is judged before any is judged twice, and every vendor's annotators
 * meet the same gold items as the counts rise (shared items for head-to-head). Reads every eligible gold item of the
 * project (a sort, not an index range): cheap for gold sets of hundreds to a few thousand items.
 */
export function eligibleGold(db: Kysely<DB>, p: Claimer, limit = 1) {
  return eligibleOfKind(db, p, 1)
    .where((eb) =>
      eb.or([
        sql<SqlBool>`${p.goldOnly} = 1`,
        eb.exists(
          eb
            .selectFrom('items as n')
            .select('n.id')
            .where('n.project_id', '=', p.projectId)
            .where('n.open', '=', sql.lit(1))
            .where('n.is_gold', '=', sql.lit(0))
            .where(neverGivenTo(db, 'n.id', p.annotatorId, p.projectId))
            .where(preferenceAllows('n', p)),
        ),
      ]),
    )
    .orderBy('i.priority', 'desc')
    .orderBy('i.active_count')
    .orderBy(goldTurn(p))
    .limit(sql.lit(limit));
}

/** The random tie-break among gold items judged equally often (`eligibleGold`'s last sort key). */
export const goldTurn = (p: { draw: number }) => scrambled('i', p);

const candidateQuery = (gold: boolean, lock: boolean) =>
  prepare<Claimer, { id: string; data: unknown }>((db, p) => {
    const q = gold ? eligibleGold(db, p) : eligibleNormal(db, p);
    return lock && capabilitiesOf(db).skipLocked ? q.forUpdate().skipLocked() : q;
  });
const goldCandidate = candidateQuery(true, true);
const normalCandidate = candidateQuery(false, true);
const unlockedNormal = candidateQuery(false, false);
const unlockedGold = candidateQuery(true, false);

/**
 * Whether any item is still eligible for the claimer, including items other claimers hold locked right now. A gold
 * item is eligible only while a normal one is, so this asks for the normal pool alone (the gold pool in a
 * qualification, which has nothing else).
 */
export function findClaimCandidateUnlocked(db: Executor, c: Claimer) {
  return (c.goldOnly === 1 ? unlockedGold : unlockedNormal).first(db, c);
}

/**
 * Both candidates of a claim, the gold one and the normal one (see `eligibleGold`, `eligibleNormal`), always both and
 * in this order, whatever the claim will serve: a claim costs the same whether it serves gold or not, so its timing
 * tells nothing. On PostgreSQL the rows are locked with SKIP LOCKED so concurrent claimers spread over items.
 */
export async function findClaimCandidates(db: Executor, c: Claimer) {
  const gold = await goldCandidate.first(db, c);
  const normal = await normalCandidate.first(db, c);
  return { gold, normal };
}

const takeSlot = prepare<{ itemId: string; k: number }>((db, p) =>
  db
    .updateTable('items')
    .set({
      active_count: sql`active_count + 1`,
      open: sql`case when is_gold = 1 or active_count + 1 < ${p.k} + extra_k then 1 else 0 end`,
    })
    .where('id', '=', p.itemId)
    .where((eb) => eb.or([eb('is_gold', '=', 1), eb('active_count', '<', sql<number>`${p.k} + extra_k`)])),
);

/**
 * Takes one judgment slot on the item if it still has one (k + extra_k); false when another claim took the last. A
 * gold item has no limit: every annotator gets it once (the unique (item, annotator) index keeps it to once).
 */
export async function takeItemSlot(db: Executor, itemId: string, overlapK: number): Promise<boolean> {
  return (await takeSlot.run(db, { itemId, k: overlapK })) === 1;
}

const insertAssignmentRow = prepare<AssignmentRow>((db, p) =>
  db.insertInto('assignments').values({
    id: p.id,
    project_id: p.project_id,
    item_id: p.item_id,
    annotator_id: p.annotator_id,
    status: p.status,
    lease_expires_at: p.lease_expires_at,
    skip_reason: p.skip_reason,
    created_at: p.created_at,
    completed_at: p.completed_at,
  }),
);

export async function insertAssignment(db: Executor, row: AssignmentRow) {
  await insertAssignmentRow.run(db, row);
}

export function getAssignment(db: Executor, id: string): Promise<AssignmentRow | undefined> {
  return db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The row of `assignmentForSubmit`, before its JSON and 0/1 columns are decoded. */
interface SubmitContextRow {
  id: string;
  project_id: string;
  item_id: string;
  annotator_id: string;
  status: string;
  lease_expires_at: string;
  item_data: unknown;
  schema_version: number;
  guideline_version: number;
  gold_feedback: string;
  org_id: string;
  overlap_k: number;
  kind: string;
  gate_enabled: number;
  gate_floor: number;
  gate_chance: number | null;
  gold_answers: unknown;
  gold_explanation: string | null;
}

const assignmentForSubmit = prepare<{ id: string }, SubmitContextRow>((db, p) =>
  db
    .selectFrom('assignments as a')
    .innerJoin('items as i', 'i.id', 'a.item_id')
    .innerJoin('projects as pr', 'pr.id', 'a.project_id')
    .leftJoin('gold_answers as g', 'g.item_id', 'a.item_id')
    .select([
      'a.id',
      'a.project_id',
      'a.item_id',
      'a.annotator_id',
      'a.status',
      'a.lease_expires_at',
      'i.data as item_data',
      'pr.schema_version',
      'pr.guideline_version',
      'pr.gold_feedback',
      'pr.org_id',
      'pr.overlap_k',
      'pr.kind',
      'pr.gate_enabled',
      'pr.gate_floor',
      'pr.gate_chance',
      'g.answers as gold_answers',
      'g.explanation as gold_explanation',
    ])
    .where('a.id', '=', p.id),
);

/**
 * An assignment with what submitting it needs (its item's data, its project's versions, the gold answer when the
 * item has one), in one query for gold and normal items alike. Server-side only: never presented.
 */
export async function getAssignmentForSubmit(db: Executor, id: string): Promise<SubmitContext | undefined> {
  const r = await assignmentForSubmit.first(db, { id });
  if (!r) return undefined;
  return {
    id: r.id,
    project_id: r.project_id,
    item_id: r.item_id,
    annotator_id: r.annotator_id,
    status: r.status as AssignmentStatus,
    lease_expires_at: r.lease_expires_at,
    item_data: fromJson<Record<string, unknown>>(r.item_data),
    schema_version: r.schema_version,
    guideline_version: r.guideline_version,
    gold_feedback: r.gold_feedback,
    org_id: r.org_id,
    overlap_k: r.overlap_k,
    kind: r.kind,
    gate: gatePolicyOf(r),
    gold_answers: r.gold_answers == null ? null : fromJson<AnswerSet>(r.gold_answers),
    gold_explanation: r.gold_explanation,
  };
}

/** An assignment with what its submit needs, decoded: the item's data, the gold answer, the project's gate policy. */
export type SubmitContext = Omit<SubmitContextRow, 'item_data' | 'gold_answers' | 'gate_enabled' | 'gate_floor' | 'gate_chance' | 'status'> & {
  status: AssignmentStatus;
  item_data: Record<string, unknown>;
  /** Set when the item is gold. */
  gold_answers: AnswerSet | null;
  gate: QualityGatePolicy;
};

const close = prepare<{ id: string; status: string; now: string; reason: string | null }>((db, p) =>
  db
    .updateTable('assignments')
    .set({ status: sql`${p.status}`, completed_at: sql`${p.now}`, skip_reason: sql`${p.reason}` })
    .where('id', '=', p.id)
    .where('status', '=', 'leased'),
);

/** Moves a lease to a final status; false if it was no longer leased (a concurrent submit, skip or expiry won). */
export async function closeAssignment(
  db: Executor,
  id: string,
  status: ClosedAssignmentStatus,
  now: string,
  skipReason: string | null = null,
): Promise<boolean> {
  return (await close.run(db, { id, status, now, reason: skipReason })) === 1;
}

const submission = prepare<{ itemId: string }>((db, p) =>
  db
    .updateTable('items')
    .set({ submitted_count: sql`submitted_count + 1` })
    .where('id', '=', p.itemId),
);

export async function countSubmission(db: Executor, itemId: string) {
  await submission.run(db, { itemId });
}
