/**
 * A table's head row of plain column headers; a numeric column is right-aligned (`num`) like its cells. Tables whose
 * headers sort (the annotator table) draw their own.
 */
export type Column = string | { label: string; numeric: true };

export function ColumnHeads({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <th key={c} scope="col">
              {c}
            </th>
          ) : (
            <th key={c.label} scope="col" className="num">
              {c.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
