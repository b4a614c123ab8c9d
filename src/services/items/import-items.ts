/**
 * Bulk import of items (and gold answers in the same file), all-or-nothing, and its dry run. Items are validated
 * against the schema in force as the input streams in and written in chunks, *staged*: marked with the import's id
 * and closed to claims, progress and lookups. At the end one statement publishes them all; on any error they are
 * deleted. Memory stays flat however large the file, no write lock is held while a client uploads, and a crash
 * mid-import leaves only staged rows, which a job deletes.
 *
 * Every error in the file is found in one pass: a line that is not valid JSON (or a malformed CSV row) is reported
 * and reading goes on with the next; each record reports every field it gets wrong; ids repeated in the file or
 * already in the project are checked chunk by chunk even after an error. All are counted; the first
 * `MAX_REPORTED_ERRORS` by line are reported. A dry run does the same reading and checking and writes nothing.
 */
import type { Readable } from 'node:stream';
import { authorize, type Actor } from '../../core/permissions.js';
import { invalid, isAssayError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { itemFieldsRead, validateAnswers, validateItem, type TaskSchema } from '../../core/schema/index.js';
import { insertGoldAnswers, insertItems, findExistingExternalIds, publishStagedItems, discardStagedItems } from '../../store/items.js';
import { reserveSeq } from '../../store/projects.js';
import { toJson } from '../../store/dialect.js';
import type { NewItem } from '../../store/schema.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';
import { loadSchema } from '../projects/schema-cache.js';
import { locate, readRecords } from './parse-records.js';
import type { ImportFormat } from '../../core/data-files.js';
import { ErrorLog, importFailure, type ImportError, type ImportReport } from './import-report.js';

export { MAX_REPORTED_ERRORS } from './import-report.js';
export type { ImportError, ImportReport } from './import-report.js';

const RESERVED = new Set(['id', 'external_id', 'priority', 'gold', 'gold_explanation']);

export interface ImportResult {
  imported: number;
  gold: number;
}

type GoldRow = { item_id: string; project_id: string; answers: unknown; explanation: string | null; created_at: string };

export interface ImportOptions {
  format: ImportFormat;
  /** Items per staged write, and per duplicate lookup (default 2,000). */
  chunkRows?: number;
  /** Called every 1,000 parsed records (progress bars). */
  onProgress?: (parsed: number) => void;
}

interface ParsedItem {
  line: number;
  externalId: string | null;
  priority: number;
  data: Record<string, unknown>;
  gold: Record<string, unknown> | null;
  goldExplanation: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasGold = (record: Record<string, unknown>) => record.gold !== undefined && record.gold !== null && record.gold !== '';

/** One schema per question, so an item is checked question by question and every field it gets wrong is named. */
const singleQuestionSchemas = new WeakMap<TaskSchema, TaskSchema[]>();
function perQuestion(schema: TaskSchema): TaskSchema[] {
  let list = singleQuestionSchemas.get(schema);
  if (!list) singleQuestionSchemas.set(schema, (list = schema.questions.map((q) => ({ questions: [q] }))));
  return list;
}

/**
 * One record → an item, or every error it has. Accepts `{id?, priority?, gold?, gold_explanation?, data: {...}}`
 * or the data fields flat beside those reserved keys. `skipField` leaves out errors already reported once for the
 * whole file (a column the CSV header lacks).
 */
function toItem(schema: TaskSchema, line: number, where: string, value: unknown, skipField: (field: string | undefined) => boolean): { item?: ParsedItem; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const fail = (message: string, field?: string) => {
    if (!skipField(field)) errors.push({ line, kind: 'field', message: `${where}: ${message}`, ...(field !== undefined && { field }) });
  };
  if (!isObject(value)) {
    fail(`an item must be a JSON object; got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`);
    return { errors };
  }
  const data: Record<string, unknown> = isObject(value.data)
    ? value.data
    : Object.fromEntries(Object.entries(value).filter(([k]) => !RESERVED.has(k)));
  const rawId = value.id ?? value.external_id;
  if (rawId !== undefined && rawId !== null && rawId !== '' && typeof rawId !== 'string' && typeof rawId !== 'number') {
    fail('id must be a string', 'id');
  }
  const externalId = rawId === undefined || rawId === null || rawId === '' ? null : String(rawId);
  let priority = 0;
  if (value.priority !== undefined && value.priority !== '') {
    priority = Number(value.priority);
    if (!Number.isInteger(priority)) fail(`priority must be an integer; got ${JSON.stringify(value.priority)}`, 'priority');
  }
  let dataOk = true;
  for (const one of perQuestion(schema)) {
    try {
      validateItem(one, data);
    } catch (e) {
      if (!isAssayError(e)) throw e;
      dataOk = false;
      fail(e.message, e.field);
    }
  }
  let gold: Record<string, unknown> | null = null;
  // Gold is checked against data that fits the schema; otherwise its errors would repeat the data's.
  if (dataOk && hasGold(value)) {
    try {
      gold = validateAnswers(schema, data, value.gold);
    } catch (e) {
      if (!isAssayError(e)) throw e;
      fail(`gold: ${e.message}`, `gold${e.field ? '.' + e.field.replace(/^answers\.?/, '') : ''}`);
    }
  }
  const explanation = value.gold_explanation;
  if (explanation !== undefined && explanation !== null && typeof explanation !== 'string') {
    fail('gold_explanation must be a string', 'gold_explanation');
  }
  if (errors.length > 0) return { errors };
  return { item: { line, externalId, priority, data, gold, goldExplanation: (explanation as string | undefined) || null }, errors };
}

/** Imports the file, all-or-nothing; throws `invalid` with every error counted and the first ones listed. */
export async function importItems(deps: ServiceDeps, actor: Actor, projectId: string, input: Readable, opts: ImportOptions): Promise<ImportResult> {
  const report = await runImport(deps, actor, projectId, input, opts, false);
  return { imported: report.items, gold: report.gold };
}

/** The import's dry run: the same reading and checks, the same report, nothing written. */
export async function checkItemsImport(deps: ServiceDeps, actor: Actor, projectId: string, input: Readable, opts: ImportOptions): Promise<ImportReport> {
  return runImport(deps, actor, projectId, input, opts, true);
}

async function runImport(deps: ServiceDeps, actor: Actor, projectId: string, input: Readable, opts: ImportOptions, dryRun: boolean): Promise<ImportReport> {
  authorize(actor, 'item.import');
  const project = await requireProject(deps, actor, projectId);
  const schema = await loadSchema(deps.store.db, project.id, project.schema_version);
  const { records, columns } = readRecords(input, opts.format);

  const importId = newId('import');
  const now = nowIsoOf(deps);
  const chunkRows = opts.chunkRows ?? 2000;
  const log = new ErrorLog();
  /** Valid records of the current chunk, waiting for their duplicate lookup (and, while all is well, their write). */
  let pending: { row: NewItem; line: number; gold: GoldRow | null }[] = [];
  const seen = new Map<string, number>();
  const missingColumns = new Set<string>();
  let checkedHeader = false;
  let parsed = 0;
  let valid = 0;
  let validGold = 0;
  let staged = 0;

  const skipField = (field: string | undefined) => {
    if (field === undefined || missingColumns.size === 0) return false;
    const top = /^data\.([^.[]+)/.exec(field)?.[1];
    return top !== undefined && missingColumns.has(top);
  };

  const checkHeader = () => {
    checkedHeader = true;
    const have = columns();
    if (have === null) {
      log.add({ line: 1, kind: 'syntax', message: 'line 1: the CSV has no header row', field: 'body' });
      return;
    }
    if (have.includes('data')) return; // a `data:json` column carries the fields
    for (const path of itemFieldsRead(schema)) {
      const top = path.split('.')[0]!;
      if (!have.includes(top) && !missingColumns.has(top)) {
        missingColumns.add(top);
        log.add({ line: 1, kind: 'field', field: top, message: `line 1: the CSV header has no column "${top}", which the schema reads` });
      }
    }
  };

  /** Looks the chunk's ids up in the project (an id it already has is an error on its line), then stages the chunk while the file is clean. */
  const flush = async () => {
    if (pending.length === 0) return;
    const chunk = pending;
    pending = [];
    const ids = chunk.flatMap((p) => (p.row.external_id != null ? [p.row.external_id] : []));
    const existing = ids.length > 0 ? await findExistingExternalIds(deps.store.db, project.id, ids) : new Set<string>();
    for (const p of chunk) {
      if (p.row.external_id != null && existing.has(p.row.external_id)) {
        valid--;
        if (p.gold) validGold--;
        log.add({ line: p.line, kind: 'duplicate', field: 'id', message: `${locate(opts.format, p.line)}: the project already has an item with id "${p.row.external_id}"` });
      }
    }
    if (dryRun || !log.empty) return;
    const rows = chunk.map((p) => p.row);
    const gold = chunk.flatMap((p) => (p.gold ? [p.gold] : []));
    await deps.store.write(async (trx) => {
      // Serving positions are reserved per chunk; a failed import leaves a gap in them, which orders nothing wrong.
      const first = await reserveSeq(trx, project.id, rows.length);
      rows.forEach((r, n) => (r.seq = first + n));
      await insertItems(trx, rows);
      await insertGoldAnswers(trx, gold);
    });
    staged += rows.length;
  };

  try {
    for await (const record of records) {
      if (!checkedHeader && opts.format === 'csv' && columns() !== null) checkHeader();
      const { line } = record;
      if (++parsed % 1000 === 0) opts.onProgress?.(parsed);
      if (record.problem) {
        const p = record.problem;
        log.add({ line, kind: 'syntax', message: p.message, ...(p.column !== undefined && { column: p.column }), ...(p.field !== undefined && { field: p.field }) });
        continue;
      }
      const where = locate(opts.format, line);
      const { item, errors } = toItem(schema, line, where, record.value, skipField);
      errors.forEach((e) => log.add(e));
      // A qualification is a gold set: an item without its answer could never be scored.
      if (project.kind === 'qualification' && isObject(record.value) && !hasGold(record.value)) {
        log.add({ line, kind: 'field', field: 'gold', message: `${where}: every item of a qualification needs a gold answer ("gold")` });
        continue;
      }
      if (item?.externalId != null) {
        const first = seen.get(item.externalId);
        if (first !== undefined) {
          log.add({ line, kind: 'duplicate', field: 'id', message: `${where}: id "${item.externalId}" repeats ${locate(opts.format, first)}` });
          continue;
        }
        seen.set(item.externalId, line);
      }
      if (!item) continue;
      const id = newId('item');
      valid++;
      if (item.gold) validGold++;
      pending.push({
        line,
        row: { id, project_id: project.id, external_id: item.externalId, data: toJson(item.data), priority: item.priority, seq: 0, active_count: 0, submitted_count: 0, open: 0, import_id: importId, created_at: now },
        gold: item.gold ? { item_id: id, project_id: project.id, answers: item.gold, explanation: item.goldExplanation, created_at: now } : null,
      });
      if (pending.length >= chunkRows) await flush();
    }
    if (opts.format === 'csv' && !checkedHeader) checkHeader();
    await flush();
    if (log.empty && valid === 0) {
      if (!dryRun) throw invalid('the import holds no items', 'body');
      log.add({ line: 1, kind: 'syntax', message: 'the file holds no items' });
    }
    if (!log.empty && !dryRun) throw importFailure(log);
    if (!dryRun) await deps.store.write((trx) => publishStagedItems(trx, importId));
  } catch (err) {
    if (staged > 0) await deps.store.write((trx) => discardStagedItems(trx, importId));
    throw err;
  }
  opts.onProgress?.(parsed);
  return { items: valid, gold: validGold, errors: log.kept, errorCount: log.count, duplicates: log.duplicates };
}
