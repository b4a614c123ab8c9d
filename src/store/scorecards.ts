/**
 * The rows vendor scorecards are computed from, one query per source, each over the whole project: the scorecard
 * groups them by vendor and annotator in memory (a project has a few vendors and at most thousands of annotators,
 * and each figure needs every row of its group anyway: medians, weekly buckets, Krippendorff's units).
 * The vendor is the one recorded on the row when the work was done, not the annotator's vendor today.
 */
import type { Executor } from './db.js';
import { fromJson } from './dialect.js';

/** Every scored gold judgment of the project, `correct` a boolean. */
export async function listGoldJudgments(db: Executor, projectId: string) {
  const rows = await db
    .selectFrom('gold_scores')
    .select(['annotation_id', 'annotator_id', 'vendor_id', 'item_id', 'correct', 'created_at'])
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('annotation_id')
    .execute();
  return rows.map((r) => ({ ...r, correct: r.correct === 1 }));
}

/**
 * Every judgment of the project with its time on task and answers (parsed): paid work, whatever review made of it. A
 * reviewer's correction is an annotation too, but the reviewer's, not a workforce's judgment: left out.
 */
export async function listJudgments(db: Executor, projectId: string) {
  const rows = await db
    .selectFrom('annotations as a')
    .innerJoin('users as u', 'u.id', 'a.annotator_id')
    .select(['a.id', 'a.item_id', 'a.annotator_id', 'a.vendor_id', 'a.answers', 'a.time_spent_ms', 'a.created_at', 'u.name', 'u.pseudonym'])
    .where('a.project_id', '=', projectId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('reviews as r').select('r.id').whereRef('r.correction_annotation_id', '=', 'a.id'))))
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ ...r, answers: fromJson<Record<string, unknown>>(r.answers) }));
}

/** Decided reviews by the reviewed judgment's vendor and author, outcome and reason. */
export async function listReviewDecisions(db: Executor, projectId: string) {
  const rows = await db
    .selectFrom('reviews as r')
    .innerJoin('annotations as a', 'a.id', 'r.annotation_id')
    .select((eb) => ['a.vendor_id', 'r.annotator_id', 'r.outcome', 'r.reason', eb.fn.countAll<number | string>().as('n')])
    .where('r.project_id', '=', projectId)
    .where('r.status', '=', 'decided')
    .groupBy(['a.vendor_id', 'r.annotator_id', 'r.outcome', 'r.reason'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** The vendors enabled or ever used on the project: its project_vendors rows and the vendors of its judgments. */
export async function listProjectVendorIds(db: Executor, projectId: string): Promise<string[]> {
  const [listed, used] = await Promise.all([
    db.selectFrom('project_vendors').select('vendor_id').where('project_id', '=', projectId).execute(),
    db.selectFrom('annotations').select('vendor_id').distinct().where('project_id', '=', projectId).where('vendor_id', 'is not', null).execute(),
  ]);
  return [...new Set([...listed.map((r) => r.vendor_id), ...used.map((r) => r.vendor_id!)])].sort();
}
