/**
 * Export of a project's annotations for training and audit, streamed page by page (keyset order), so memory stays
 * flat however large the project. Every row carries its provenance: item, annotator pseudonym (never a name or
 * email), vendor, time spent, schema and guideline versions, and its review: the verdict on it, and for a
 * reviewer's correction the annotation it corrects.
 */
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { authorize, type Actor } from '../../core/permissions.js';
import { exportPage, countAnnotations } from '../../store/annotations.js';
import { fromJson } from '../../store/dialect.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/projects.js';
import { loadSchema } from '../projects/schema-cache.js';

export const EXPORT_FORMATS = ['jsonl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRecord {
  annotation_id: string;
  project_id: string;
  item_id: string;
  external_id: string | null;
  item: Record<string, unknown>;
  annotator: string;
  vendor: string | null;
  answers: Record<string, unknown>;
  time_spent_ms: number;
  schema_version: number;
  guideline_version: number;
  created_at: string;
  /** The reviewer's verdict on this annotation (accept, reject, correct), or null when it was not reviewed. */
  review_outcome: string | null;
  /** Set on a reviewer's correction: the annotation it corrects (whose review_outcome is `correct`). */
  corrects_annotation_id: string | null;
}

const PAGE = 1000;

export interface ExportStream {
  /** Number of annotations at the time the export started (for progress bars). */
  total: number;
  contentType: string;
  stream: Readable;
}

export async function exportAnnotations(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  format: ExportFormat,
): Promise<ExportStream> {
  authorize(actor, 'export.run');
  const project = await requireProject(deps, actor, projectId);
  const total = await countAnnotations(deps.store.db, project.id);
  const db = deps.store.db;

  async function* records(): AsyncGenerator<ExportRecord> {
    let after: { createdAt: string; id: string } | null = null;
    for (;;) {
      const rows = await exportPage(db, project.id, after, PAGE);
      for (const r of rows) {
        yield {
          annotation_id: r.id,
          project_id: project.id,
          item_id: r.item_id,
          external_id: r.external_id,
          item: fromJson(r.data),
          annotator: r.pseudonym,
          vendor: r.vendor_name,
          answers: fromJson(r.answers),
          time_spent_ms: r.time_spent_ms,
          schema_version: r.schema_version,
          guideline_version: r.guideline_version,
          created_at: r.created_at,
          review_outcome: r.review_outcome,
          corrects_annotation_id: r.corrects_annotation_id,
        };
      }
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1]!;
      after = { createdAt: last.created_at, id: last.id };
    }
  }

  if (format === 'jsonl') {
    const lines = (async function* () {
      for await (const rec of records()) yield JSON.stringify(rec) + '\n';
    })();
    return { total, contentType: 'application/x-ndjson; charset=utf-8', stream: Readable.from(lines) };
  }

  // CSV: one column per question of the schema in force; structured answers are JSON in their cell.
  const schema = await loadSchema(db, project.id, project.schema_version);
  const questionIds = schema.questions.map((q) => q.id);
  const fixed = ['annotation_id', 'item_id', 'external_id', 'annotator', 'vendor', 'time_spent_ms', 'schema_version', 'guideline_version', 'created_at', 'review_outcome', 'corrects_annotation_id'];
  const csv = stringify({ header: true, columns: [...fixed, ...questionIds.map((id) => `answer.${id}`)] });
  const rows = (async function* () {
    for await (const r of records()) {
      const answers = questionIds.map((id) => {
        const a = r.answers[id];
        return a === undefined ? '' : typeof a === 'string' || typeof a === 'number' ? a : JSON.stringify(a);
      });
      yield [r.annotation_id, r.item_id, r.external_id ?? '', r.annotator, r.vendor ?? '', r.time_spent_ms, r.schema_version, r.guideline_version, r.created_at, r.review_outcome ?? '', r.corrects_annotation_id ?? '', ...answers];
    }
  })();
  return { total, contentType: 'text/csv; charset=utf-8', stream: Readable.from(rows).pipe(csv) };
}
