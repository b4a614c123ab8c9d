import type { Executor } from './db.js';
import { sql, type Selectable } from 'kysely';
import type { AnnotationRow, AnnotationsTable } from './schema.js';
import { afterKey, decodeCursor } from './pagination.js';
import { fromJson, toJson } from './dialect.js';
import type { AnswerSet } from '../core/schema/index.js';
import type { Annotation, ClientSignals } from '../core/annotation.js';
import { toPage, type Page } from './pagination.js';
import { prepare } from './prepared.js';
import { notPausedOn } from './quality-gates.js';

/** An annotation to write: the table's row, with its JSON columns as values (serialised here). */
export type NewAnnotation = Omit<Selectable<AnnotationsTable>, 'answers' | 'client_signals'> & {
  answers: unknown;
  client_signals: unknown;
};

const insertRow = prepare<Record<keyof NewAnnotation, unknown>>((db, p) =>
  db.insertInto('annotations').values({
    id: p.id as string,
    project_id: p.project_id as string,
    item_id: p.item_id as string,
    assignment_id: p.assignment_id as string,
    annotator_id: p.annotator_id as string,
    vendor_id: p.vendor_id as string | null,
    answers: p.answers as string,
    schema_version: p.schema_version as number,
    guideline_version: p.guideline_version as number,
    time_spent_ms: p.time_spent_ms as number,
    client_signals: p.client_signals as string,
    idempotency_key: p.idempotency_key as string | null,
    created_at: p.created_at as string,
  }),
);

/** The domain annotation of a stored row: the one mapping, JSON columns parsed. */
function annotationOf(r: AnnotationRow): Annotation {
  return writtenAnnotation({ ...r, answers: fromJson<AnswerSet>(r.answers), client_signals: fromJson<ClientSignals>(r.client_signals) });
}

/** The domain annotation of one about to be written (its JSON columns are still values). */
export function writtenAnnotation(w: NewAnnotation): Annotation {
  return {
    id: w.id,
    assignmentId: w.assignment_id,
    projectId: w.project_id,
    itemId: w.item_id,
    annotatorId: w.annotator_id,
    answers: w.answers as AnswerSet,
    schemaVersion: w.schema_version,
    guidelineVersion: w.guideline_version,
    timeSpentMs: w.time_spent_ms,
    clientSignals: (w.client_signals ?? {}) as ClientSignals,
    createdAt: w.created_at,
  };
}

/** Writes an annotation (the submit's hot path: prepared). */
export async function insertAnnotation(db: Executor, row: NewAnnotation) {
  await insertRow.run(db, { ...row, answers: toJson(row.answers), client_signals: toJson(row.client_signals) });
}

const byIdempotencyKey = prepare<{ annotatorId: string; key: string }, AnnotationRow>((db, p) =>
  db.selectFrom('annotations').selectAll().where('annotator_id', '=', p.annotatorId).where('idempotency_key', '=', p.key),
);

export async function findAnnotationByIdempotencyKey(db: Executor, annotatorId: string, key: string): Promise<Annotation | undefined> {
  const r = await byIdempotencyKey.first(db, { annotatorId, key });
  return r && annotationOf(r);
}

export async function findAnnotationByAssignment(db: Executor, assignmentId: string): Promise<Annotation | undefined> {
  const r = await db.selectFrom('annotations').selectAll().where('assignment_id', '=', assignmentId).executeTakeFirst();
  return r && annotationOf(r);
}

export interface ListAnnotationsOptions {
  projectId: string;
  /** Only this annotator's annotations (an annotator reading their own). */
  annotatorId?: string | undefined;
  itemId?: string | undefined;
  vendorId?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** One page of a project's annotations, oldest first. */
export async function listAnnotations(db: Executor, o: ListAnnotationsOptions): Promise<Page<Annotation>> {
  const after = decodeCursor(o.cursor);
  const rows = await db
    .selectFrom('annotations')
    .selectAll()
    .where('project_id', '=', o.projectId)
    .$if(o.annotatorId !== undefined, (q) => q.where('annotator_id', '=', o.annotatorId!))
    .$if(o.itemId !== undefined, (q) => q.where('item_id', '=', o.itemId!))
    .$if(o.vendorId !== undefined, (q) => q.where('vendor_id', '=', o.vendorId!))
    .$if(after !== null, (q) => q.where((eb) => afterKey(eb, after!)))
    .orderBy('created_at')
    .orderBy('id')
    .limit(o.limit + 1)
    .execute();
  return toPage(rows, o.limit, annotationOf);
}

/** What goes into an export: the project's annotations, less paused annotators' (`excludePaused`) and gold items' (unless `includeGold`). */
export interface ExportFilter {
  excludePaused: boolean;
  includeGold: boolean;
}

/**
 * The export's rows before paging: the one query both the page and the count read, so a count shown before a
 * download is the number of rows the file holds.
 */
function exportRows(db: Executor, projectId: string, f: ExportFilter) {
  return (
    db
      .selectFrom('annotations as a')
      .innerJoin('items as i', 'i.id', 'a.item_id')
      .innerJoin('users as u', 'u.id', 'a.annotator_id')
      .leftJoin('vendors as v', 'v.id', 'a.vendor_id')
      // Review provenance: the verdict on this annotation, and the annotation this one corrects, if any.
      .leftJoin('reviews as rv', (j) => j.onRef('rv.annotation_id', '=', 'a.id').on('rv.status', '=', 'decided'))
      .leftJoin('reviews as rc', 'rc.correction_annotation_id', 'a.id')
      .where('a.project_id', '=', projectId)
      .$if(f.excludePaused, (q) => q.where((eb) => notPausedOn(eb, projectId, 'a.annotator_id')))
      .$if(!f.includeGold, (q) => q.where('i.is_gold', '=', 0))
  );
}

/** One page of the export: annotations with their item, annotator pseudonym and vendor, in a stable order. */
/** A page of export rows after `after`, decoded: the item's data and the answers parsed, the gold flag a boolean. */
export async function exportPage(db: Executor, projectId: string, after: { createdAt: string; id: string } | null, limit: number, f: ExportFilter) {
  const rows = await exportRows(db, projectId, f)
    .select([
      'rv.outcome as review_outcome',
      'rc.annotation_id as corrects_annotation_id',
      'a.id',
      'a.item_id',
      'i.external_id',
      'i.is_gold',
      'i.data',
      'u.pseudonym',
      'v.name as vendor_name',
      'a.answers',
      'a.schema_version',
      'a.guideline_version',
      'a.time_spent_ms',
      'a.created_at',
    ])
    .$if(after !== null, (q) => q.where((eb) => afterKey(eb, after!, 'a.')))
    .orderBy('a.created_at')
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, is_gold: r.is_gold === 1, data: fromJson<Record<string, unknown>>(r.data), answers: fromJson<AnswerSet>(r.answers) }));
}

/**
 * What an export with these options holds: its rows and the distinct items they are on, and the gold rows and gold
 * items among all the project's rows (whether the filter includes them or not: what "gold left out" counts).
 */
export async function countExportRows(db: Executor, projectId: string, f: ExportFilter) {
  const r = await exportRows(db, projectId, { ...f, includeGold: true })
    .select((eb) => [
      eb.fn.sum<number>(sql<number>`case when ${f.includeGold ? sql`1 = 1` : sql`i.is_gold = 0`} then 1 else 0 end`).as('rows'),
      eb.fn.count<number>(sql`case when ${f.includeGold ? sql`1 = 1` : sql`i.is_gold = 0`} then a.item_id end`).distinct().as('items'),
      eb.fn.sum<number>(sql<number>`case when i.is_gold = 1 then 1 else 0 end`).as('gold_rows'),
      eb.fn.count<number>(sql`case when i.is_gold = 1 then a.item_id end`).distinct().as('gold_items'),
    ])
    .executeTakeFirstOrThrow();
  return { rows: Number(r.rows ?? 0), items: Number(r.items ?? 0), goldRows: Number(r.gold_rows ?? 0), goldItems: Number(r.gold_items ?? 0) };
}
