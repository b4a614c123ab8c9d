/**
 * Effort and fraud signals in the store: a project's signal thresholds, the inputs the signals are computed from
 * (original annotations with their times, answers and client signals; the gate's gold streaks), what identifies
 * those inputs (the cache key), and the persisted flags, rewritten by difference so an unchanged flag keeps its
 * `created_at`.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from './db.js';
import type { AnnotationSignalsTable, SignalPoliciesTable } from './schema.js';
import type { SignalPolicy } from '../core/signals.js';
import { fromJson } from './dialect.js';

export type SignalPolicyRow = Selectable<SignalPoliciesTable>;
export type AnnotationSignalRow = Selectable<AnnotationSignalsTable>;

/** A project's stored thresholds, with when they were last set. */
export type StoredSignalPolicy = SignalPolicy & { updatedAt: string };

// PostgreSQL returns numeric columns as strings: every threshold is read through Number.
const signalPolicyOf = (r: SignalPolicyRow): StoredSignalPolicy => ({
  tooFastRatio: Number(r.too_fast_ratio),
  tooFastMinOthers: Number(r.too_fast_min_others),
  pastedShare: Number(r.pasted_share),
  duplicateJaccard: Number(r.duplicate_jaccard),
  duplicateMinWords: Number(r.duplicate_min_words),
  straightShare: Number(r.straight_share),
  straightAlpha: Number(r.straight_alpha),
  straightMinN: Number(r.straight_min_n),
  goldFailStreak: r.gold_fail_streak === null ? null : Number(r.gold_fail_streak),
  updatedAt: r.updated_at,
});

/** The project's thresholds; undefined when it has set none (the defaults apply). */
export async function getSignalPolicy(db: Executor, projectId: string): Promise<StoredSignalPolicy | undefined> {
  const r = await db.selectFrom('signal_policies').selectAll().where('project_id', '=', projectId).executeTakeFirst();
  return r && signalPolicyOf(r);
}

export async function upsertSignalPolicy(db: Executor, p: { projectId: string; policy: SignalPolicy; updatedBy: string; updatedAt: string }): Promise<void> {
  const row: SignalPolicyRow = {
    project_id: p.projectId,
    too_fast_ratio: p.policy.tooFastRatio,
    too_fast_min_others: p.policy.tooFastMinOthers,
    pasted_share: p.policy.pastedShare,
    duplicate_jaccard: p.policy.duplicateJaccard,
    duplicate_min_words: p.policy.duplicateMinWords,
    straight_share: p.policy.straightShare,
    straight_alpha: p.policy.straightAlpha,
    straight_min_n: p.policy.straightMinN,
    gold_fail_streak: p.policy.goldFailStreak,
    updated_by: p.updatedBy,
    updated_at: p.updatedAt,
  };
  const { project_id: _key, ...set } = row;
  await db
    .insertInto('signal_policies')
    .values(row)
    .onConflict((oc) => oc.column('project_id').doUpdateSet(set))
    .execute();
}

/**
 * The project's original annotations (reviewers' corrections left out), oldest first, with the annotator's pseudonym
 * and the item's external id; answers and client signals parsed.
 */
export async function listSignalInputs(db: Executor, projectId: string) {
  const rows = await db
    .selectFrom('annotations as a')
    .innerJoin('assignments as s', 's.id', 'a.assignment_id')
    .innerJoin('users as u', 'u.id', 'a.annotator_id')
    .innerJoin('items as i', 'i.id', 'a.item_id')
    .select(['a.id', 'a.item_id', 'i.external_id', 'a.annotator_id', 'u.pseudonym', 'a.vendor_id', 'a.answers', 'a.time_spent_ms', 'a.client_signals', 'a.created_at'])
    .where('a.project_id', '=', projectId)
    .where('s.status', '<>', 'correction')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return rows.map(({ answers, client_signals, time_spent_ms, ...r }) => ({
    ...r,
    time_spent_ms: Number(time_spent_ms),
    answers: fromJson<Record<string, unknown>>(answers),
    clientSignals: fromJson<{ pastedChars?: number } | null>(client_signals) ?? {},
  }));
}

/** Each annotator's current run of missed gold items, from the quality gate's tallies. */
export async function listFailStreaks(db: Executor, projectId: string) {
  const rows = await db
    .selectFrom('annotator_project_status')
    .select(['annotator_id', 'fail_streak'])
    .where('project_id', '=', projectId)
    .where('fail_streak', '>', 0)
    .execute();
  return rows.map((r) => ({ annotator_id: r.annotator_id, fail_streak: Number(r.fail_streak) }));
}

/** The annotator's latest `n` scored gold annotations, newest first (`correct` a boolean): those of a streak are all misses. */
export async function latestGoldScores(db: Executor, projectId: string, annotatorId: string, n: number) {
  const rows = await db
    .selectFrom('gold_scores')
    .select(['annotation_id', 'correct'])
    .where('project_id', '=', projectId)
    .where('annotator_id', '=', annotatorId)
    .orderBy('created_at', 'desc')
    .orderBy('annotation_id', 'desc')
    .limit(n)
    .execute();
  return rows.map((r) => ({ annotation_id: r.annotation_id, correct: Number(r.correct) === 1 }));
}

/** What the signals are computed from: annotations, gold tallies and the thresholds. Equal strings, equal inputs. */
export async function signalsInputVersion(db: Executor, projectId: string): Promise<string> {
  const [count, latest, status, policy] = await Promise.all([
    db.selectFrom('annotations').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow(),
    db.selectFrom('annotations').select('id').where('project_id', '=', projectId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst(),
    db
      .selectFrom('annotator_project_status')
      .select((eb) => [eb.fn.max('updated_at').as('at'), eb.fn.sum<number>('fail_streak').as('s')])
      .where('project_id', '=', projectId)
      .executeTakeFirst(),
    db.selectFrom('signal_policies').select('updated_at').where('project_id', '=', projectId).executeTakeFirst(),
  ]);
  return `${Number(count.n)}:${latest?.id ?? '-'}:${String(status?.at ?? '-')}:${Number(status?.s ?? 0)}:${policy?.updated_at ?? '-'}`;
}

/**
 * Makes the project's persisted flags equal `rows`: deletes the ones no longer there, inserts new ones and updates
 * changed values; an unchanged flag keeps its row.
 */
export async function replaceSignals(db: Executor, projectId: string, rows: Insertable<AnnotationSignalsTable>[]): Promise<void> {
  const existing = await db.selectFrom('annotation_signals').select(['annotation_id', 'kind', 'value']).where('project_id', '=', projectId).execute();
  const key = (r: { annotation_id: string; kind: string }) => `${r.annotation_id}\u0000${r.kind}`;
  const wanted = new Map(rows.map((r) => [key(r), r]));
  const had = new Map(existing.map((r) => [key(r), r]));
  for (const [k, r] of had) {
    if (!wanted.has(k)) await db.deleteFrom('annotation_signals').where('annotation_id', '=', r.annotation_id).where('kind', '=', r.kind).execute();
  }
  const changed = rows.filter((r) => {
    const h = had.get(key(r));
    return !h || Number(h.value) !== r.value;
  });
  for (let i = 0; i < changed.length; i += 200) {
    await db
      .insertInto('annotation_signals')
      .values(changed.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['annotation_id', 'kind']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
      .execute();
  }
}
