/**
 * What went wrong with an import, line by line: the server names the line (or JSON element) and the field of
 * each bad record (`error.details.errors`, up to 20; or `details.line` for one), and imports nothing.
 */
import { ApiError } from '../../../api/client';
import { errorText } from '../../../components/Status';

interface LineError {
  line: number;
  message: string;
  field?: string;
}

/** The line-numbered errors in an import's failure, each message starting "line N:" (or "element N:"). */
export function lineErrorsOf(error: unknown): LineError[] {
  if (!(error instanceof ApiError) || !error.details) return [];
  const listed = error.details.errors;
  const raw: unknown[] = Array.isArray(listed) ? listed : typeof error.details.line === 'number' ? [{ line: error.details.line, message: error.message, field: error.field }] : [];
  return raw.flatMap((e) => {
    if (typeof e !== 'object' || e === null) return [];
    const { line, message, field } = e as Record<string, unknown>;
    if (typeof line !== 'number' || typeof message !== 'string') return [];
    const located = /^(line|element) \d+/.test(message) ? message : `line ${line}: ${message}`;
    return [{ line, message: located, ...(typeof field === 'string' && { field }) }];
  });
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
  return (
    <div className="status error import-errors" role="alert">
      <strong>
        Nothing was imported: {lines.length} {lines.length === 1 ? 'line needs' : 'lines need'} fixing
        {lines.length >= 20 ? ' (the first 20 shown)' : ''}.
      </strong>
      <ol>
        {lines.map((l, i) => (
          <li key={i}>
            {l.message}
            {l.field && <code className="field-name">{l.field}</code>}
          </li>
        ))}
      </ol>
    </div>
  );
}
