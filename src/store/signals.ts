/**
 * Effort and fraud signals in the store: a project's signal thresholds, the inputs the signals are computed from
 * (original annotations with their times, answers and client signals; the gate's gold streaks), what identifies
 * those inputs (the cache key), and the persisted flags, rewritten by difference so an unchanged flag keeps its
 * `created_at`.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from './db.js';
import type { AnnotationSignalsTable, SignalPoliciesTable } from './schema.js';

export type SignalPolicyRow = Selectable<SignalPoliciesTable>;
export type AnnotationSignalRow = Selectable<AnnotationSignalsTable>;

export function getSignalPolicy(db: Executor, projectId: string): Promise<SignalPolicyRow | undefined> {
  return db.selectFrom('signal_policies').selectAll().where('project_id', '=', projectId).executeTakeFirst();
}

export async function upsertSignalPolicy(db: Executor, row: SignalPolicyRow): Promise<void> {
  const { project_id: _key, ...set } = row;
  await db
    .insertInto('signal_policies')
    .values(row)
    .onConflict((oc) => oc.column('project_id').doUpdateSet(set))
    .execute();
}

/** The project's original annotations (reviewers' corrections left out), oldest first, with the annotator's pseudonym and the item's external id. */
export function listSignalInputs(db: Executor, projectId: string) {
  return db
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
}

/** Each annotator's current run of missed gold items, from the quality gate's tallies. */
export function listFailStreaks(db: Executor, projectId: string) {
  return db
    .selectFrom('annotator_project_status')
    .select(['annotator_id', 'fail_streak'])
    .where('project_id', '=', projectId)
    .where('fail_streak', '>', 0)
    .execute();
}

/** The annotator's latest `n` scored gold annotations, newest first: those of a streak are all misses. */
export function latestGoldScores(db: Executor, projectId: string, annotatorId: string, n: number) {
  return db
    .selectFrom('gold_scores')
    .select(['annotation_id', 'correct'])
    .where('project_id', '=', projectId)
    .where('annotator_id', '=', annotatorId)
    .orderBy('created_at', 'desc')
    .orderBy('annotation_id', 'desc')
    .limit(n)
    .execute();
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
