/**
 * Turns an import body (JSON array, JSON Lines or CSV) into records, each with the line it came from, streaming
 * where the format allows. A malformed line (JSON Lines) or row (CSV) becomes an error record with its line and
 * column, and reading goes on with the next one, so one pass finds every syntax error. A JSON array is one value:
 * its first syntax error ends the reading, named by line and column. Nothing here knows about items or schemas.
 */
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { describeJsonError, lineAndColumn } from './json-syntax.js';
import { readCsvRows } from './read-csv.js';

import type { ImportFormat } from '../../core/data-files.js';

/** What is wrong with a record that could not be read. */
export interface SyntaxProblem {
  /** The whole message, starting with where: "line 3, column 35: not valid JSON: a string is not closed". */
  message: string;
  /** 1-based character column, when known. */
  column?: number;
  /** The CSV column (header name) it is in, when known. */
  field?: string;
  /** 'file': the whole input is unusable (no CSV header, not a JSON array); nothing after it was read. */
  scope: 'record' | 'file';
}

/** A record read, or (with `problem`) one that could not be. */
export type SourceRecord =
  | {
      /** 1-based line in the input (for a JSON array: the element's index + 1, reported as "element"). */
      line: number;
      value: unknown;
      problem?: undefined;
    }
  | { line: number; value?: undefined; problem: SyntaxProblem };

export interface RecordStream {
  /** For CSV: the header's column names, known after the first record or at the end of an empty file. */
  columns: () => string[] | null;
  records: AsyncIterable<SourceRecord>;
}

/** Where a record is, in words: "line 14" or "element 3". */
export const locate = (format: ImportFormat, line: number) => (format === 'json' ? `element ${line}` : `line ${line}`);

export function readRecords(input: Readable, format: ImportFormat): RecordStream {
  switch (format) {
    case 'jsonl':
      return { columns: () => null, records: readJsonLines(input) };
    case 'json':
      return { columns: () => null, records: readJsonArray(input) };
    case 'csv':
      return readCsv(input);
  }
}

async function* readJsonLines(input: Readable): AsyncIterable<SourceRecord> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const { position, reason } = describeJsonError(e, text);
      const column = position === undefined ? undefined : Math.min(position, text.length) + 1;
      const where = column === undefined ? `line ${line}` : `line ${line}, column ${column}`;
      yield { line, problem: { message: `${where}: not valid JSON: ${reason}`, ...(column !== undefined && { column }), scope: 'record' } };
      continue;
    }
    yield { line, value };
  }
}

/** JSON arrays are parsed whole (bounded by the body limit); use JSON Lines for very large imports. */
async function* readJsonArray(input: Readable): AsyncIterable<SourceRecord> {
  const chunks: Buffer[] = [];
  for await (const c of input) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  const text = Buffer.concat(chunks).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const { position, reason } = describeJsonError(e, text);
    if (position === undefined) {
      yield { line: 1, problem: { message: `not valid JSON: ${reason}; a JSON array is read whole, so nothing else in it was checked`, scope: 'file' } };
      return;
    }
    const at = lineAndColumn(text, position);
    yield {
      line: at.line,
      problem: {
        message: `line ${at.line}, column ${at.column}: not valid JSON: ${reason}; a JSON array is read whole, so nothing after this point was checked (JSON Lines reports every bad line)`,
        column: at.column,
        scope: 'file',
      },
    };
    return;
  }
  if (!Array.isArray(parsed)) {
    yield { line: 1, problem: { message: 'a JSON import must be an array of items (or use JSON Lines: one item per line)', scope: 'file' } };
    return;
  }
  for (let i = 0; i < parsed.length; i++) yield { line: i + 1, value: parsed[i] };
}

/**
 * CSV with a header row. A column named `NAME:json` holds JSON (arrays, objects) and lands in the record as
 * `NAME`; every other cell is a string.
 */
function readCsv(input: Readable): RecordStream {
  let header: string[] | null = null;
  async function* records(): AsyncIterable<SourceRecord> {
    for await (const row of readCsvRows(input)) {
      if (header === null) {
        if (row.problem) {
          yield { line: row.line, problem: { message: `line ${row.line} (the header row): ${row.problem.message}`, scope: 'file' } };
          return;
        }
        header = row.cells.map((c) => c.trim());
        continue;
      }
      const name = (cell: number) => header![cell] ?? `cell ${cell + 1}`;
      if (row.problem) {
        const field = header[row.problem.cell];
        yield { line: row.line, problem: { message: `line ${row.line}: ${row.problem.message}`, ...(field !== undefined && { field: stripJson(field) }), scope: 'record' } };
        continue;
      }
      if (row.cells.length !== header.length) {
        const extra = row.cells.length > header.length ? `; the extra cell holds "${clip(row.cells[header.length]!)}" (a comma in a cell needs the cell in quotes)` : '';
        yield {
          line: row.line,
          problem: { message: `line ${row.line}: the row has ${row.cells.length} cell${row.cells.length === 1 ? '' : 's'}, the header ${header.length}${extra}`, scope: 'record' },
        };
        continue;
      }
      const value: Record<string, unknown> = {};
      let bad: SyntaxProblem | undefined;
      row.cells.forEach((v, n) => {
        const k = name(n);
        if (!k.endsWith(':json')) {
          value[k] = v;
          return;
        }
        const field = stripJson(k);
        try {
          value[field] = v === '' ? null : JSON.parse(v);
        } catch (e) {
          const { reason } = describeJsonError(e, v);
          bad ??= { message: `line ${row.line}: column "${k}" is not valid JSON: ${reason}`, field, scope: 'record' };
        }
      });
      yield bad ? { line: row.line, problem: bad } : { line: row.line, value };
    }
  }
  return { columns: () => header?.map(stripJson) ?? null, records: records() };
}

const stripJson = (c: string) => (c.endsWith(':json') ? c.slice(0, -':json'.length) : c);
const clip = (s: string) => (s.length > 30 ? `${s.slice(0, 30)}…` : s);
