/**
 * Gold scores: one row per scored gold annotation, written in the submit's own transaction (`claims.ts`), read for
 * live accuracy per annotator and for replaying a submit's feedback.
 */
import { sql } from 'kysely';
import type { Executor } from './db.js';
import { prepare } from './prepared.js';
import { fromJson } from './dialect.js';
import type { AnswerSet } from '../core/schema/index.js';
import type { GoldFeedbackMode } from '../core/project.js';

/** The outcome to store with an annotation; all null for an item without gold (nothing is written then). */
export interface GoldOutcome {
  /** Whether the answers matched the gold; null for an item without gold. */
  correct: boolean | null;
  questionsScored: number | null;
  questionsCorrect: number | null;
}

export const NO_GOLD_OUTCOME: GoldOutcome = { correct: null, questionsScored: null, questionsCorrect: null };

/** The integer the `correct` column holds (null when there is no gold). */
export const correctColumnOf = (o: GoldOutcome): number | null => (o.correct === null ? null : o.correct ? 1 : 0);

/**
 * Inserts the score when there is one: an `insert … select … where correct is not null`, so the submit of a gold
 * item and of a normal one run the same statement.
 */
const insertScore = prepare<{
  annotationId: string;
  projectId: string;
  itemId: string;
  annotatorId: string;
  vendorId: string | null;
  correct: number | null;
  scored: number | null;
  matched: number | null;
  now: string;
}>(
  (_db, p) => sql`
    insert into gold_scores (annotation_id, project_id, item_id, annotator_id, vendor_id, correct, questions_scored, questions_correct, created_at)
    select ${p.annotationId}, ${p.projectId}, ${p.itemId}, ${p.annotatorId}, ${p.vendorId}, cast(${p.correct} as integer),
      cast(${p.scored} as integer), cast(${p.matched} as integer), ${p.now}
    where cast(${p.correct} as integer) is not null`,
);

export async function insertGoldScoreIfAny(
  db: Executor,
  a: { id: string; project_id: string; item_id: string; annotator_id: string; vendor_id: string | null; created_at: string },
  o: GoldOutcome,
) {
  await insertScore.run(db, {
    annotationId: a.id,
    projectId: a.project_id,
    itemId: a.item_id,
    annotatorId: a.annotator_id,
    vendorId: a.vendor_id,
    correct: correctColumnOf(o),
    scored: o.questionsScored,
    matched: o.questionsCorrect,
    now: a.created_at,
  });
}

const outcomeOf = prepare<{ annotationId: string }, { correct: number; gold_answers: unknown; gold_explanation: string | null; gold_feedback: string }>(
  (db, p) =>
    db
      .selectFrom('gold_scores as s')
      .innerJoin('gold_answers as g', 'g.item_id', 's.item_id')
      .innerJoin('projects as pr', 'pr.id', 's.project_id')
      .select(['s.correct', 'g.answers as gold_answers', 'g.explanation as gold_explanation', 'pr.gold_feedback'])
      .where('s.annotation_id', '=', p.annotationId),
);

/** The stored score of an annotation with its gold answer (parsed) and the project's feedback mode (a replayed submit). */
export async function findGoldOutcome(db: Executor, annotationId: string) {
  const r = await outcomeOf.first(db, { annotationId });
  return r && { ...r, correct: r.correct === 1, gold_answers: fromJson<AnswerSet>(r.gold_answers), gold_feedback: r.gold_feedback as GoldFeedbackMode };
}

/** Per annotator of the project (optionally of one vendor): gold annotations scored and how many were correct. */
export async function goldTallies(db: Executor, projectId: string, vendorId?: string) {
  const rows = await db
    .selectFrom('gold_scores as s')
    .innerJoin('users as u', 'u.id', 's.annotator_id')
    .select((eb) => [
      's.annotator_id',
      'u.name',
      'u.pseudonym',
      'u.vendor_id',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>('s.correct').as('correct'),
    ])
    .where('s.project_id', '=', projectId)
    .$if(vendorId !== undefined, (q) => q.where('u.vendor_id', '=', vendorId ?? ''))
    .groupBy(['s.annotator_id', 'u.name', 'u.pseudonym', 'u.vendor_id'])
    .orderBy('s.annotator_id')
    .execute();
  return rows.map((r) => ({ annotatorId: r.annotator_id, name: r.name, pseudonym: r.pseudonym, vendorId: r.vendor_id, n: Number(r.n), correct: Number(r.correct ?? 0) }));
}
