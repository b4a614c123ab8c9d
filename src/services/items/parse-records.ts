/**
 * Turns an import body (JSON array, JSON Lines or CSV) into records, each with the line it came from, streaming
 * where the format allows. Malformed input is reported with its line; nothing here knows about items or schemas.
 */
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import { invalid } from '../../core/errors.js';

export const IMPORT_FORMATS = ['json', 'jsonl', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface SourceRecord {
  /** 1-based line in the input (for a JSON array: the element's index + 1, reported as "element"). */
  line: number;
  value: unknown;
}

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
      throw invalid(`line ${line}: not valid JSON (${(e as Error).message})`, undefined, { line });
    }
    yield { line, value };
  }
}

/** JSON arrays are parsed whole (bounded by the body limit); use JSON Lines for very large imports. */
async function* readJsonArray(input: Readable): AsyncIterable<SourceRecord> {
  const chunks: Buffer[] = [];
  for await (const c of input) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (e) {
    throw invalid(`body is not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw invalid('a JSON import must be an array of items');
  for (let i = 0; i < parsed.length; i++) yield { line: i + 1, value: parsed[i] };
}

/**
 * CSV with a header row. A column named `NAME:json` holds JSON (arrays, objects) and lands in the record as
 * `NAME`; every other cell is a string.
 */
function readCsv(input: Readable): RecordStream {
  let header: string[] | null = null;
  const csv = input.pipe(
    parseCsv({
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
      columns: (h: string[]) => {
        header = h.map((c) => c.trim());
        return header;
      },
    }),
  );
  // pipe() does not pass a source's error on; without this a failing body would leave the parser waiting forever.
  input.on('error', (e) => csv.destroy(e));
  const parser = csv;
  async function* records(): AsyncIterable<SourceRecord> {
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
        const value: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(record)) {
          if (k.endsWith(':json')) {
            const name = k.slice(0, -':json'.length);
            try {
              value[name] = v === '' ? null : JSON.parse(v);
            } catch {
              throw invalid(`line ${info.lines}: column "${k}" is not valid JSON`, name, { line: info.lines });
            }
          } else {
            value[k] = v;
          }
        }
        yield { line: info.lines, value };
      }
    } catch (e) {
      const err = e as { code?: string; lines?: number; message: string };
      if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
        throw invalid(`line ${err.lines ?? '?'}: ${err.message}`, undefined, { line: err.lines });
      }
      throw e;
    }
  }
  return { columns: () => header?.map((c) => (c.endsWith(':json') ? c.slice(0, -5) : c)) ?? null, records: records() };
}
