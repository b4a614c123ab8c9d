/**
 * The errors of one import: every one is counted, the first ones (by line) are kept to report, and the whole is
 * summed up in one sentence. Shared by the import and its dry run, so both say the same.
 */
import type { AssayError } from '../../core/errors.js';
import { invalid } from '../../core/errors.js';
import type { ImportErrorKind } from '../../core/data-files.js';

/** The most errors an import reports one by one; all of them are counted. */
export const MAX_REPORTED_ERRORS = 20;


export interface ImportError {
  /** The line (JSON Lines, CSV, or a JSON array's syntax error) or element (a JSON array's record), 1-based. */
  line: number;
  /** 1-based character column, when known (JSON syntax errors). */
  column?: number;
  /** The field (`data.text`, `gold.sentiment`, `id`) or CSV column the error is in, when known. */
  field?: string;
  kind: ImportErrorKind;
  /** The whole message in words, starting with where: "line 7: …". */
  message: string;
}

/** What an import found, written or not. */
export interface ImportReport {
  /** Records that pass every check: the items an import creates when no error is left. */
  items: number;
  /** Of those, the ones with a gold answer riding along. */
  gold: number;
  /** The first errors by line, at most `MAX_REPORTED_ERRORS`. */
  errors: ImportError[];
  /** Every error in the file. */
  errorCount: number;
  /** Errors of kind `duplicate` (an id repeated in the file, or one the project already has). */
  duplicates: number;
}

/** Collects errors: counts all, keeps the first `cap` by line (errors found out of order, like a duplicate found at a chunk's end, still sort in). */
export class ErrorLog {
  readonly kept: ImportError[] = [];
  count = 0;
  duplicates = 0;
  constructor(private readonly cap = MAX_REPORTED_ERRORS) {}

  add(error: ImportError) {
    this.count++;
    if (error.kind === 'duplicate') this.duplicates++;
    if (this.kept.length === this.cap && byPlace(error, this.kept[this.cap - 1]!) >= 0) return;
    this.kept.push(error);
    this.kept.sort(byPlace);
    if (this.kept.length > this.cap) this.kept.pop();
  }

  get empty() {
    return this.count === 0;
  }
}

const byPlace = (a: ImportError, b: ImportError) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0);

/** "3 errors" / "first 20 of 57 errors shown; 57 errors in all". */
export function summarizeErrors(shown: number, count: number): string {
  if (count <= shown) return `${count} error${count === 1 ? '' : 's'}`;
  return `first ${shown} of ${count} errors shown; ${count} errors in all`;
}

/** The error an import that found errors throws: the first one's message, the count, and every kept error in `details`. */
export function importFailure(log: ErrorLog): AssayError {
  const first = log.kept[0]!;
  const more = log.count > 1 ? ` (${summarizeErrors(log.kept.length, log.count)})` : '';
  return invalid(`${first.message}${more}; nothing was imported`, first.field, {
    line: first.line,
    errors: log.kept,
    errorCount: log.count,
    duplicates: log.duplicates,
  });
}
