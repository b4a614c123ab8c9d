/**
 * An editable list of rows (options, span labels, rubric criteria): each row's fields, with buttons to move
 * it up or down and remove it, and one to add a row. A fieldset with a legend names the group for screen readers.
 */
import { FieldProblems } from './inputs';
import { moved, type SchemaProblem } from './draft';

export type Row = Record<string, unknown>;

export interface RowListProps {
  legend: string;
  /** Error path of the array, e.g. `questions[0].options`. */
  path: string;
  problems: readonly SchemaProblem[];
  rows: unknown;
  onChange: (rows: Row[]) => void;
  /** A row's fields; `set` replaces the row. */
  renderRow: (row: Row, index: number, set: (row: Row) => void) => React.ReactNode;
  newRow: (rows: readonly Row[]) => Row;
  /** What one row is called in button names ("option", "label", "criterion"). */
  rowName: string;
}

export function RowList({ legend, path, problems, rows: raw, onChange, renderRow, newRow, rowName }: RowListProps) {
  const rows: Row[] = Array.isArray(raw) ? raw.map((r) => (typeof r === 'object' && r !== null ? (r as Row) : {})) : [];
  const set = (index: number) => (row: Row) => onChange(rows.map((r, i) => (i === index ? row : r)));
  return (
    <fieldset className="row-list">
      <legend>{legend}</legend>
      <FieldProblems problems={problems} path={path} />
      <ol>
        {rows.map((row, i) => (
          <li key={i} className="row">
            <div className="row-fields">{renderRow(row, i, set(i))}</div>
            <div className="row-actions">
              <button type="button" className="btn ghost small" aria-label={`Move ${rowName} ${i + 1} up`} disabled={i === 0} onClick={() => onChange(moved(rows, i, i - 1))}>
                ↑
              </button>
              <button
                type="button"
                className="btn ghost small"
                aria-label={`Move ${rowName} ${i + 1} down`}
                disabled={i === rows.length - 1}
                onClick={() => onChange(moved(rows, i, i + 1))}
              >
                ↓
              </button>
              <button type="button" className="btn ghost small danger" aria-label={`Remove ${rowName} ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                ✕
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className="btn small" onClick={() => onChange([...rows, newRow(rows)])}>
        + Add {rowName}
      </button>
    </fieldset>
  );
}
