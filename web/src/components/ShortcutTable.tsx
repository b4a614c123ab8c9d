/** Keys and what each does, as the `?` help overlays list them. */
export interface ShortcutRow {
  keys: string;
  does: string;
}

export function ShortcutTable({ rows, caption, className }: { rows: readonly ShortcutRow[]; caption?: string; className?: string }) {
  return (
    <table className={className ? `data ${className}` : 'data'}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Keys</th>
          <th scope="col">Does</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.keys + r.does}>
            <td>
              <kbd>{r.keys}</kbd>
            </td>
            <td>{r.does}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
