/**
 * A streaming CSV reader (RFC 4180: comma-separated, `"`-quoted, `""` inside quotes) that reports a malformed row
 * and carries on with the next one. csv-parse stops at the first such row, or (skipping errors) loses its place after
 * a stray quote; an import wants every bad row named, so the quote state is tracked here, row by row: a quote opens
 * a field only at its start, and what follows a closing quote up to the next comma or line break is one error, not
 * a new quoted field that swallows the rest of the file.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/** One row as read: its cells, or what is wrong with it. */
export interface CsvRow {
  /** The line the row starts on (1-based; a quoted cell may span lines). */
  line: number;
  cells: string[];
  /** The first problem in the row, in words; the row's cells are then not to be trusted. */
  problem?: { message: string; /** 0-based index of the cell it is in. */ cell: number };
}

type State = 'start' | 'unquoted' | 'quoted' | 'quote_in_quoted' | 'after_quote';

/** Rows of `input`, skipping blank lines; a UTF-8 byte order mark is dropped. */
export async function* readCsvRows(input: Readable): AsyncIterable<CsvRow> {
  const decoder = new StringDecoder('utf8');
  let state: State = 'start';
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quotedFrom = 1;
  let problem: CsvRow['problem'];
  let first = true;
  let touched = false; // the row has a character (so an empty line is not a row)

  const fail = (message: string) => {
    problem ??= { message, cell: cells.length };
  };
  const endCell = () => {
    cells.push(cell);
    cell = '';
    state = 'start';
  };
  const endRow = (): CsvRow | null => {
    endCell();
    const row: CsvRow | null = touched ? { line: rowLine, cells, ...(problem && { problem }) } : null;
    cells = [];
    problem = undefined;
    touched = false;
    return row;
  };

  const feed = function* (text: string): Generator<CsvRow> {
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (first) {
        first = false;
        if (c === '\uFEFF') continue;
      }
      if (!touched && c !== '\n' && c !== '\r') {
        touched = true;
        rowLine = line;
      }
      switch (state) {
        case 'quoted':
          if (c === '"') state = 'quote_in_quoted';
          else {
            if (c === '\n') line++;
            cell += c;
          }
          continue;
        case 'quote_in_quoted':
          if (c === '"') {
            cell += '"';
            state = 'quoted';
            continue;
          }
          if (c === ',' || c === '\n' || c === '\r') break; // the field ended; handled below
          fail(`cell ${cells.length + 1}: a closing quote is followed by ${showChar(c)}; quote the whole cell and write a quote inside it as ""`);
          state = 'after_quote';
          continue;
        case 'after_quote':
          if (c === ',' || c === '\n' || c === '\r') break;
          continue;
        case 'start':
          if (c === '"') {
            state = 'quoted';
            quotedFrom = line;
            continue;
          }
          break;
        case 'unquoted':
          if (c === '"') fail(`cell ${cells.length + 1}: a quote inside an unquoted cell; quote the whole cell and write a quote inside it as ""`);
          break;
      }
      // Outside quotes: separators and line ends.
      if (c === ',') endCell();
      else if (c === '\r') continue; // part of a CRLF line end
      else if (c === '\n') {
        const row = endRow();
        line++;
        if (row) yield row;
      } else {
        cell += c;
        state = 'unquoted';
      }
    }
  };

  for await (const chunk of input) yield* feed(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
  yield* feed(decoder.end());
  if ((state as State) === 'quoted') fail(`cell ${cells.length + 1}: the quote opened on line ${quotedFrom} is never closed, so the rest of the file was read as one cell`);
  const last = endRow();
  if (last) yield last;
}

const showChar = (c: string) => (c === '"' ? 'another quote' : c.trim() === '' ? 'a space' : `"${c}"`);
