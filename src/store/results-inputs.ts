/**
 * The inputs of a project's aggregate: its annotations (less those a review set aside, and optionally those of
 * paused annotators), its gold answers, the items in serving order, and a version that changes whenever any of
 * them does, so a cached aggregate knows when it is stale. Answers come back parsed.
 */
import type { Executor } from './db.js';
import { fromJson } from './dialect.js';
import { notPausedOn, notSetAsideByReview } from './quality-gates.js';
import type { AnswerSet } from '../core/schema/index.js';

/** Who is paused on the project now, sorted: part of the results' input when paused annotators are left out. */
export async function pausedAnnotators(db: Executor, projectId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('annotator_project_status')
    .select('annotator_id')
    .where('project_id', '=', projectId)
    .where('status', '=', 'paused')
    .orderBy('annotator_id')
    .execute();
  return rows.map((r) => r.annotator_id);
}

/**
 * What identifies the inputs of a project's aggregate: annotations are immutable and gold answers are only ever
 * added, so the count and the newest annotation, with the gold count, change whenever the inputs do.
 */
export async function resultsInputVersion(db: Executor, projectId: string) {
  const count = await db
    .selectFrom('annotations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('project_id', '=', projectId)
    .executeTakeFirstOrThrow();
  const latest = await db
    .selectFrom('annotations')
    .select('id')
    .where('project_id', '=', projectId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const gold = await db
    .selectFrom('gold_answers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('project_id', '=', projectId)
    .executeTakeFirstOrThrow();
  // A review that rejects or corrects changes the input without a new annotation (a correction adds one too).
  const setAside = await db
    .selectFrom('reviews')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('project_id', '=', projectId)
    .where('status', '=', 'decided')
    .where('outcome', 'in', ['reject', 'correct'])
    .executeTakeFirstOrThrow();
  return { annotations: Number(count.n), latestAnnotationId: latest?.id ?? null, gold: Number(gold.n), setAside: Number(setAside.n) };
}

/**
 * The project's annotations as the aggregate reads them: without those a review rejected or corrected (the
 * correction counts instead); with `excludePaused`, also without those of annotators the quality gate has paused
 * on the project (the project's `exclude_paused` switch).
 */
export async function listProjectAnswers(db: Executor, projectId: string, excludePaused = false) {
  const rows = await db
    .selectFrom('annotations')
    .select(['id', 'item_id', 'annotator_id', 'answers'])
    .where('project_id', '=', projectId)
    .where((eb) => notSetAsideByReview(eb))
    .$if(excludePaused, (q) => q.where((eb) => notPausedOn(eb, projectId)))
    .orderBy('item_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, answers: fromJson<AnswerSet>(r.answers) }));
}

/** The project's gold answers, item by item. */
export async function listProjectGold(db: Executor, projectId: string) {
  const rows = await db.selectFrom('gold_answers').select(['item_id', 'answers']).where('project_id', '=', projectId).execute();
  return rows.map((r) => ({ item_id: r.item_id, answers: fromJson<AnswerSet>(r.answers) }));
}

/** Serving position and external id of the items that have annotations, in serving order. */
export function listAnnotatedItems(db: Executor, projectId: string) {
  return db
    .selectFrom('items')
    .select(['id', 'external_id', 'seq'])
    .where('project_id', '=', projectId)
    .where('import_id', 'is', null)
    .where('submitted_count', '>', 0)
    .orderBy('seq')
    .orderBy('id')
    .execute();
}
