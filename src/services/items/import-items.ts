/**
 * Bulk import of items (and gold answers in the same file), all-or-nothing. Items are validated against the schema
 * in force as the input streams in and written in chunks, *staged*: marked with the import's id and closed to
 * claims, progress and lookups. At the end one statement publishes them all; on any error they are deleted. Memory
 * stays flat however large the file, no write lock is held while a client uploads, and a crash mid-import leaves
 * only staged rows, which a job deletes. Errors name the line and the field; up to 20 are reported together.
 */
import type { Readable } from 'node:stream';
import { authorize, type Actor } from '../../core/permissions.js';
import type { AssayError} from '../../core/errors.js';
import { invalid, isAssayError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { itemFieldsRead, validateAnswers, validateItem, type TaskSchema } from '../../core/schema/index.js';
import { insertGoldAnswers, insertItems, findExistingExternalIds, publishStagedItems, discardStagedItems } from '../../store/items.js';
import { reserveSeq } from '../../store/projects.js';
import { toJson } from '../../store/dialect.js';
import type { NewItem } from '../../store/schema.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/projects.js';
import { loadSchema } from '../projects/schema-cache.js';
import { locate, readRecords, type ImportFormat } from './parse-records.js';

const RESERVED = new Set(['id', 'external_id', 'priority', 'gold', 'gold_explanation']);
const MAX_REPORTED_ERRORS = 20;

export interface ImportResult {
  imported: number;
  gold: number;
}

type GoldRow = { item_id: string; project_id: string; answers: unknown; explanation: string | null; created_at: string };

export interface ImportOptions {
  format: ImportFormat;
  /** Items per staged write (default 2,000). */
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

/** One record → an item. Accepts `{id?, priority?, gold?, gold_explanation?, data: {...}}` or the data fields flat. */
function toItem(schema: TaskSchema, line: number, where: string, value: unknown): ParsedItem {
  if (!isObject(value)) throw invalid(`${where}: an item must be a JSON object`, undefined, { line });
  const data: Record<string, unknown> = isObject(value.data)
    ? value.data
    : Object.fromEntries(Object.entries(value).filter(([k]) => !RESERVED.has(k)));
  const rawId = value.id ?? value.external_id;
  if (rawId !== undefined && rawId !== null && rawId !== '' && typeof rawId !== 'string' && typeof rawId !== 'number') {
    throw invalid(`${where}: id must be a string`, 'id', { line });
  }
  const externalId = rawId === undefined || rawId === null || rawId === '' ? null : String(rawId);
  let priority = 0;
  if (value.priority !== undefined && value.priority !== '') {
    priority = Number(value.priority);
    if (!Number.isInteger(priority)) throw invalid(`${where}: priority must be an integer`, 'priority', { line });
  }
  try {
    validateItem(schema, data);
  } catch (e) {
    if (isAssayError(e)) throw invalid(`${where}: ${e.message}`, e.field, { line });
    throw e;
  }
  let gold: Record<string, unknown> | null = null;
  if (value.gold !== undefined && value.gold !== null && value.gold !== '') {
    try {
      gold = validateAnswers(schema, data, value.gold);
    } catch (e) {
      if (isAssayError(e)) throw invalid(`${where}: gold: ${e.message}`, `gold${e.field ? '.' + e.field.replace(/^answers\.?/, '') : ''}`, { line });
      throw e;
    }
  }
  const explanation = value.gold_explanation;
  if (explanation !== undefined && explanation !== null && typeof explanation !== 'string') {
    throw invalid(`${where}: gold_explanation must be a string`, 'gold_explanation', { line });
  }
  return { line, externalId, priority, data, gold, goldExplanation: (explanation as string | undefined) || null };
}

export async function importItems(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: Readable,
  opts: ImportOptions,
): Promise<ImportResult> {
  authorize(actor, 'item.import');
  const project = await requireProject(deps, actor, projectId);
  const schema = await loadSchema(deps.store.db, project.id, project.schema_version);
  const { records, columns } = readRecords(input, opts.format);

  const importId = newId('import');
  const now = nowIsoOf(deps);
  const chunkRows = opts.chunkRows ?? 2000;
  let rows: NewItem[] = [];
  let lines: number[] = [];
  let gold: GoldRow[] = [];
  const errors: { line: number; message: string; field?: string | undefined }[] = [];
  const seen = new Map<string, number>();
  let checkedHeader = false;
  let parsed = 0;
  let staged = 0;
  let goldCount = 0;

  /** Writes the chunk as staged rows; an id the project already has is reported with its line. */
  const flush = async () => {
    if (rows.length === 0 || errors.length > 0) return;
    const ids = rows.flatMap((r) => (r.external_id != null ? [r.external_id] : []));
    const existing = ids.length > 0 ? await findExistingExternalIds(deps.store.db, project.id, ids) : new Set<string>();
    if (existing.size > 0) {
      rows.forEach((r, n) => {
        if (r.external_id != null && existing.has(r.external_id) && errors.length < MAX_REPORTED_ERRORS) {
          errors.push({ line: lines[n]!, message: `${locate(opts.format, lines[n]!)}: the project already has an item with id "${r.external_id}"`, field: 'id' });
        }
      });
      return;
    }
    const [chunk, chunkGold] = [rows, gold];
    await deps.store.write(async (trx) => {
      // Serving positions are reserved per chunk; a failed import leaves a gap in them, which orders nothing wrong.
      const first = await reserveSeq(trx, project.id, chunk.length);
      chunk.forEach((r, n) => (r.seq = first + n));
      await insertItems(trx, chunk);
      await insertGoldAnswers(trx, chunkGold);
    });
    staged += chunk.length;
    goldCount += chunkGold.length;
    rows = [];
    lines = [];
    gold = [];
  };

  try {
    for await (const { line, value } of records) {
      if (!checkedHeader && opts.format === 'csv') {
        checkedHeader = true;
        checkCsvHeader(schema, columns());
      }
      const where = locate(opts.format, line);
      try {
        const item = toItem(schema, line, where, value);
        // A qualification is a gold set: an item without its answer could never be scored.
        if (project.kind === 'qualification' && !item.gold) throw invalid(`${where}: every item of a qualification needs a gold answer ("gold")`, 'gold', { line });
        if (item.externalId !== null) {
          const first = seen.get(item.externalId);
          if (first !== undefined) throw invalid(`${where}: id "${item.externalId}" repeats ${locate(opts.format, first)}`, 'id', { line });
          seen.set(item.externalId, line);
        }
        if (errors.length === 0) {
          const id = newId('item');
          rows.push({ id, project_id: project.id, external_id: item.externalId, data: toJson(item.data), priority: item.priority, seq: 0, active_count: 0, submitted_count: 0, open: 0, import_id: importId, created_at: now });
          lines.push(line);
          if (item.gold) gold.push({ item_id: id, project_id: project.id, answers: item.gold, explanation: item.goldExplanation, created_at: now });
          if (rows.length >= chunkRows) await flush();
        }
      } catch (e) {
        if (!isAssayError(e)) throw e;
        errors.push({ line, message: e.message, field: e.field });
      }
      if (errors.length >= MAX_REPORTED_ERRORS) break;
      if (++parsed % 1000 === 0) opts.onProgress?.(parsed);
    }
    if (opts.format === 'csv' && !checkedHeader) checkCsvHeader(schema, columns());
    await flush();
    if (errors.length > 0) throw importError(errors);
    if (staged === 0) throw invalid('the import holds no items', 'body');
    await deps.store.write((trx) => publishStagedItems(trx, importId));
  } catch (err) {
    if (staged > 0) await deps.store.write((trx) => discardStagedItems(trx, importId));
    throw err;
  }
  opts.onProgress?.(parsed);
  return { imported: staged, gold: goldCount };
}

function checkCsvHeader(schema: TaskSchema, columns: string[] | null) {
  if (columns === null) throw invalid('line 1: the CSV has no header row', 'body', { line: 1 });
  const have = new Set(columns);
  if (have.has('data')) return; // a `data:json` column carries the fields
  for (const path of itemFieldsRead(schema)) {
    const top = path.split('.')[0]!;
    if (!have.has(top)) {
      throw invalid(`line 1: the CSV header has no column "${top}", which the schema reads`, top, { line: 1 });
    }
  }
}

function importError(errors: { line: number; message: string; field?: string | undefined }[]): AssayError {
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''})` : '';
  return invalid(`${first.message}${more}; nothing was imported`, first.field, { line: first.line, errors });
}
