/**
 * Gold answers from a file of their own (`{id, answers, explanation?}` per record, `id` being the item's import
 * id or Assay id), for projects whose gold is kept apart from the items. All-or-nothing, like the item import, and
 * like it the whole file is checked in one pass: every error is counted and the first ones by line reported
 * (`import-report.ts`), a line that is not valid JSON or a malformed CSV row included; `checkGoldImport` is the
 * same check without the write (the dry run).
 */
import type { Readable } from 'node:stream';
import { authorize, type Actor } from '../../core/permissions.js';
import { invalid, isAssayError } from '../../core/errors.js';
import { validateAnswers } from '../../core/schema/index.js';
import { findItemsWithGold, findPublishedItem, insertGoldAnswers } from '../../store/items.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';
import { loadSchema } from '../projects/schema-cache.js';
import { locate, readRecords } from './parse-records.js';
import type { ImportFormat } from '../../core/data-files.js';
import { ErrorLog, importFailure, type ImportReport } from './import-report.js';

type GoldRow = { item_id: string; project_id: string; answers: unknown; explanation: string | null; created_at: string };

/** What a gold file would import: `items` counts the gold answers that pass every check (`gold` the same). */
export type GoldImportReport = ImportReport;

export async function importGold(deps: ServiceDeps, actor: Actor, projectId: string, input: Readable, opts: { format: ImportFormat }): Promise<{ gold: number }> {
  const { rows, log } = await readGold(deps, actor, projectId, input, opts);
  if (!log.empty) throw importFailure(log);
  if (rows.length === 0) throw invalid('the gold file holds no records', 'body');
  await deps.store.write((trx) => insertGoldAnswers(trx, rows));
  return { gold: rows.length };
}

/** The gold import's check alone: the same report, nothing written. */
export async function checkGoldImport(deps: ServiceDeps, actor: Actor, projectId: string, input: Readable, opts: { format: ImportFormat }): Promise<GoldImportReport> {
  const { rows, log } = await readGold(deps, actor, projectId, input, opts);
  if (log.empty && rows.length === 0) log.add({ line: 1, kind: 'syntax', message: 'the gold file holds no records' });
  return { items: rows.length, gold: rows.length, errors: log.kept, errorCount: log.count, duplicates: log.duplicates };
}

async function readGold(deps: ServiceDeps, actor: Actor, projectId: string, input: Readable, opts: { format: ImportFormat }): Promise<{ rows: GoldRow[]; log: ErrorLog }> {
  authorize(actor, 'gold.manage');
  const project = await requireProject(deps, actor, projectId);
  const schema = await loadSchema(deps.store.db, project.id, project.schema_version);
  const db = deps.store.db;
  const rows: GoldRow[] = [];
  const log = new ErrorLog();
  /** Item id → the line that gave it gold first. */
  const seen = new Map<string, number>();
  const now = nowIsoOf(deps);
  for await (const record of readRecords(input, opts.format).records) {
    const { line } = record;
    if (record.problem) {
      const p = record.problem;
      log.add({ line, kind: 'syntax', message: p.message, ...(p.column !== undefined && { column: p.column }), ...(p.field !== undefined && { field: p.field }) });
      continue;
    }
    const where = locate(opts.format, line);
    const { value } = record;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      log.add({ line, kind: 'field', message: `${where}: a gold record must be an object` });
      continue;
    }
    const rec = value as Record<string, unknown>;
    const id = rec.id ?? rec.external_id;
    if (typeof id !== 'string' || id === '') {
      log.add({ line, kind: 'field', field: 'id', message: `${where}: id is required` });
      continue;
    }
    const item = await findPublishedItem(db, project.id, id);
    if (!item) {
      log.add({ line, kind: 'field', field: 'id', message: `${where}: the project has no item "${id}"` });
      continue;
    }
    const first = seen.get(item.id);
    if (first !== undefined) {
      log.add({ line, kind: 'duplicate', field: 'id', message: `${where}: item "${id}" has gold twice (first ${locate(opts.format, first)})` });
      continue;
    }
    seen.set(item.id, line);
    let answers;
    try {
      answers = validateAnswers(schema, item.data, rec.answers);
    } catch (e) {
      if (!isAssayError(e)) throw e;
      log.add({ line, kind: 'field', ...(e.field !== undefined && { field: e.field }), message: `${where}: ${e.message}` });
      continue;
    }
    const explanation = typeof rec.explanation === 'string' && rec.explanation !== '' ? rec.explanation : null;
    rows.push({ item_id: item.id, project_id: project.id, answers, explanation, created_at: now });
  }
  const haveGold = new Set(await findItemsWithGold(db, [...seen.keys()]));
  for (const itemId of haveGold) {
    const line = seen.get(itemId)!;
    log.add({ line, kind: 'duplicate', field: 'id', message: `${locate(opts.format, line)}: item ${itemId} already has a gold answer` });
  }
  return { rows: rows.filter((r) => !haveGold.has(r.item_id)), log };
}
