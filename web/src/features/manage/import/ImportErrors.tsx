/**
 * What is wrong with an import file, error by error: the server names the line (or JSON element), the column or
 * field, and what is wrong in words; it counts every error and lists the first 20 by line (`details.errors`,
 * `details.errorCount`; or `details.line` alone for a gold file), and imports nothing. A dry run's report lists
 * them the same way.
 */
import { ApiError } from '../../../api/client';
import { errorText } from '../../../components/Status';

export interface LineError {
  line: number;
  message: string;
  field?: string;
  kind?: string;
}

/** The line-numbered errors in an import's failure (or a dry run's report), each message starting "line N" (or "element N"). */
export function lineErrorsOf(error: unknown): LineError[] {
  if (!(error instanceof ApiError) || !error.details) return [];
  const listed = error.details.errors;
  const raw: unknown[] = Array.isArray(listed) ? listed : typeof error.details.line === 'number' ? [{ line: error.details.line, message: error.message, field: error.field }] : [];
  return toLineErrors(raw);
}

export function toLineErrors(raw: unknown[]): LineError[] {
  return raw.flatMap((e) => {
    if (typeof e !== 'object' || e === null) return [];
    const { line, message, field, kind } = e as Record<string, unknown>;
    if (typeof line !== 'number' || typeof message !== 'string') return [];
    const located = /^(line|element) \d+/.test(message) ? message : `line ${line}: ${message}`;
    return [{ line, message: located, ...(typeof field === 'string' && { field }), ...(typeof kind === 'string' && { kind }) }];
  });
}

/** "2 errors need fixing" / "first 20 of 57 errors shown; 57 errors in all". */
export function countText(shown: number, count: number): string {
  if (count > shown) return `first ${shown} of ${count.toLocaleString()} errors shown; ${count.toLocaleString()} errors in all`;
  return `${count.toLocaleString()} ${count === 1 ? 'error needs' : 'errors need'} fixing`;
}

/** The list itself, with each error's field beside its message. */
export function ErrorList({ errors }: { errors: LineError[] }) {
  return (
    <ol>
      {errors.map((l, i) => (
        <li key={i}>
          {l.message}
          {l.field && <code className="field-name">{l.field}</code>}
        </li>
      ))}
    </ol>
  );
}

export function ImportErrors({ error }: { error: unknown }) {
  const lines = lineErrorsOf(error);
  if (lines.length === 0) {
    return (
      <div className="status error" role="alert">
        <strong>Nothing was imported. </strong>
        {errorText(error)}
      </div>
    );
  }
  const counted = error instanceof ApiError ? error.details?.errorCount : undefined;
  const count = typeof counted === 'number' ? counted : lines.length;
  return (
    <div className="status error import-errors" role="alert">
      <strong>Nothing was imported: {countText(lines.length, count)}.</strong>
      <ErrorList errors={lines} />
    </div>
  );
}
