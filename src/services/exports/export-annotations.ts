/**
 * Export of a project's annotations for training and audit, streamed page by page (keyset order), so memory stays
 * flat however large the project. Every row carries its provenance: item, annotator pseudonym (never a name or
 * email), vendor, time spent, schema and guideline versions, and its review: the verdict on it, and for a
 * reviewer's correction the annotation it corrects.
 *
 * With the project's `exclude_paused` switch on, annotations by annotators its quality gate has paused are left out,
 * as they are from its results.
 *
 * Gold items are kept out of training data: every row says whether its item is a hidden gold item (`is_gold`), and
 * annotations on gold items are left out unless `includeGold` asks for them (to audit the gold, say). Gold *answers*
 * are never in an export. Exports are for managers and admins only (`export.run`), never for annotators.
 *
 * `countExport` says what a download with the same options will hold, from the same query: the Export tab shows it,
 * and the response's `X-Total-Count` header is it.
 *
 * With `aggregate`, each row also carries its item's aggregated answer, confidence and basis per question, from the results
 * service's (cached) computation at the time the export starts: a training pipeline can then keep only items whose
 * consensus is confident without joining two files. It is an option, not the default, so that existing consumers
 * of the CSV see the same columns and an export never waits on an aggregation it does not need.
 */
import { basisInWords, type ConfidenceBasisView } from '../../core/figures/confidence-basis.js';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { authorize, type Actor } from '../../core/permissions.js';
import { countExportRows, exportPage, type ExportFilter } from '../../store/annotations.js';
import type { ServiceDeps } from '../deps.js';
import type { ExportFormat } from '../../core/data-files.js';
import { requireProject } from '../projects/require-project.js';
import { loadSchema } from '../projects/schema-cache.js';
import { authorizeResults, loadProjectResults } from '../results/project-results.js';
import type { QuestionAggregate } from '../results/result-types.js';


export interface ExportRecord {
  annotation_id: string;
  project_id: string;
  item_id: string;
  external_id: string | null;
  /** The item is one of the project's hidden gold items (only with `includeGold`: otherwise such rows are left out). */
  is_gold: boolean;
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
  /** With the `aggregate` option: the item's aggregate per question id (absent for questions nobody answered). */
  aggregate?: Record<string, ExportAggregate>;
}

/** An item's aggregated answer to one question, as the results API gives it. */
export interface ExportAggregate {
  answer: unknown;
  /** In 0..1; null when the method gives none (text, conversation). */
  confidence: number | null;
  /** What the confidence rests on (calibrated on N gold items, or the model's own); null with no confidence. */
  basis: ConfidenceBasisView | null;
  method: string;
  /** Judgments behind it. */
  n: number;
}

export interface ExportOptions {
  /** Add each item's aggregated answer and confidence per question to every row. */
  aggregate?: boolean | undefined;
  /** Keep annotations on gold items (marked `is_gold`); left out by default, so gold never trains a model by accident. */
  includeGold?: boolean | undefined;
}

/** What an export with the given options holds, counted by the query that writes it. */
export interface ExportCount {
  projectId: string;
  includeGold: boolean;
  /** Rows the file will hold (one per annotation). */
  rows: number;
  /** Distinct items those rows are on. */
  items: number;
  /** Annotations on gold items, and the gold items they are on: in the file with `includeGold`, left out without. */
  goldRows: number;
  goldItems: number;
  /** The project leaves paused annotators' annotations out of results and exports. */
  excludePaused: boolean;
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
  options: ExportOptions = {},
): Promise<ExportStream> {
  authorize(actor, 'export.run');
  if (options.aggregate) authorizeResults(actor);
  const project = await requireProject(deps, actor, projectId);
  const filter = exportFilterOf(project, options);
  const total = (await countExportRows(deps.store.db, project.id, filter)).rows;
  const db = deps.store.db;
  const aggregates = options.aggregate ? (await loadProjectResults(deps, project)).results.byItem : null;
  const aggregateOf = (itemId: string): Record<string, ExportAggregate> =>
    Object.fromEntries((aggregates?.get(itemId) ?? []).map((a: QuestionAggregate) => [a.questionId, { answer: a.answer, confidence: a.confidence, basis: a.basis ?? null, method: a.method, n: a.n }]));

  async function* records(): AsyncGenerator<ExportRecord> {
    let after: { createdAt: string; id: string } | null = null;
    for (;;) {
      const rows = await exportPage(db, project.id, after, PAGE, filter);
      for (const r of rows) {
        yield {
          annotation_id: r.id,
          project_id: project.id,
          item_id: r.item_id,
          external_id: r.external_id,
          is_gold: r.is_gold,
          item: r.data,
          annotator: r.pseudonym,
          vendor: r.vendor_name,
          answers: r.answers,
          time_spent_ms: r.time_spent_ms,
          schema_version: r.schema_version,
          guideline_version: r.guideline_version,
          created_at: r.created_at,
          review_outcome: r.review_outcome,
          corrects_annotation_id: r.corrects_annotation_id,
          ...(aggregates && { aggregate: aggregateOf(r.item_id) }),
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
  const fixed = ['annotation_id', 'item_id', 'external_id', 'is_gold', 'annotator', 'vendor', 'time_spent_ms', 'schema_version', 'guideline_version', 'created_at', 'review_outcome', 'corrects_annotation_id'];
  // With the aggregate: after the answers, the aggregated answer, its confidence and what that rests on, per question.
  const aggregateColumns = aggregates ? questionIds.flatMap((id) => [`aggregate.${id}`, `confidence.${id}`, `confidence_basis.${id}`]) : [];
  const csv = stringify({ header: true, columns: [...fixed, ...questionIds.map((id) => `answer.${id}`), ...aggregateColumns] });
  const rows = (async function* () {
    for await (const r of records()) {
      const answers = questionIds.map((id) => cell(r.answers[id]));
      const aggregate = r.aggregate
        ? questionIds.flatMap((id) => {
            const a = r.aggregate![id];
            return [cell(a?.answer), cell(a?.confidence), a?.basis ? basisInWords(a.basis) : ''];
          })
        : [];
      yield [r.annotation_id, r.item_id, r.external_id ?? '', r.is_gold ? 'true' : 'false', r.annotator, r.vendor ?? '', r.time_spent_ms, r.schema_version, r.guideline_version, r.created_at, r.review_outcome ?? '', r.corrects_annotation_id ?? '', ...answers, ...aggregate];
    }
  })();
  return { total, contentType: 'text/csv; charset=utf-8', stream: Readable.from(rows).pipe(csv) };
}

/** The rows an export takes: the project's switch for paused annotators, gold only when asked for. */
function exportFilterOf(project: { exclude_paused: boolean }, options: ExportOptions): ExportFilter {
  // The project's one switch: paused annotators' annotations out of results, and so out of what trains a model.
  return { excludePaused: project.exclude_paused, includeGold: options.includeGold === true };
}

/** What `exportAnnotations` with these options would write: its rows, the items they are on, and the gold left out or in. */
export async function countExport(deps: ServiceDeps, actor: Actor, projectId: string, options: Pick<ExportOptions, 'includeGold'> = {}): Promise<ExportCount> {
  authorize(actor, 'export.run');
  const project = await requireProject(deps, actor, projectId);
  const filter = exportFilterOf(project, options);
  const c = await countExportRows(deps.store.db, project.id, filter);
  return { projectId: project.id, includeGold: filter.includeGold, ...c, excludePaused: filter.excludePaused };
}

/** A CSV cell: strings and numbers as they are, structured values as JSON, nothing as empty. */
const cell = (v: unknown): string | number =>
  v === undefined || v === null ? '' : typeof v === 'string' || typeof v === 'number' ? v : JSON.stringify(v);
