/**
 * Annotators of the project with their status (a Paused badge where the quality gate paused them), live gold
 * accuracy (n, correct, the share correct and its Wilson 95% interval as an error bar), agreement with the consensus (the
 * share of their label answers that match the aggregated answer, with its Wilson 95% interval as an error bar) and
 * their review outcomes (reviewed, acceptance with its Wilson interval), and their effort and fraud flags (flagged of
 * their annotations, the kinds with counts, linking to the list of those annotations). Every figure is written
 * beside its bar.
 * Every column sorts: its header is a button (Enter or Space), and the sorted column says so through `aria-sort`.
 * At laptop width it fits: each interval stands under its figure; where it still cannot (a narrow window), it
 * scrolls sideways in its card with a visible cue and the annotator's name kept in view (TableScroll).
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { TableScroll } from '../TableScroll';
import { IntervalCell } from './IntervalCell';
import { FlagCounts } from './SignalFlagList';
import { FLAG_PARAMS, SIGNALS_CARD_ID } from './signal-words';
import { sortAnnotatorRows, type AnnotatorRow, type SortDirection, type SortKey } from './annotator-rows';

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'annotator', label: 'Annotator' },
  { key: 'vendor', label: 'Vendor' },
  { key: 'status', label: 'Status' },
  { key: 'gold', label: 'Gold items', numeric: true },
  { key: 'accuracy', label: 'Gold accuracy (95% interval)' },
  { key: 'agreement', label: 'Agreement with consensus (95% interval)' },
  { key: 'reviewed', label: 'Reviewed', numeric: true },
  { key: 'acceptance', label: 'Accepted in review (95% interval)' },
  { key: 'flags', label: 'Effort and fraud flags' },
];

/** Numbers first go high-to-low (the figure a lead looks for); names A to Z. */
const FIRST_DIRECTION: Record<SortKey, SortDirection> = {
  annotator: 'ascending',
  vendor: 'ascending',
  status: 'ascending',
  gold: 'descending',
  accuracy: 'ascending',
  agreement: 'ascending',
  reviewed: 'descending',
  acceptance: 'ascending',
  flags: 'descending',
};

export function AnnotatorTable({ rows }: { rows: readonly AnnotatorRow[] }) {
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'accuracy', direction: 'ascending' });
  const sorted = useMemo(() => sortAnnotatorRows(rows, sort.key, sort.direction), [rows, sort]);
  const sortBy = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: FIRST_DIRECTION[key] }));

  return (
    <TableScroll label="Annotator table">
      <table className="data annotator-table">
        <caption className="visually-hidden">Annotators by gold accuracy, agreement with the consensus and review outcome; column headers sort the table</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={sort.key === c.key ? sort.direction : undefined}>
                <button type="button" className="sort-button" onClick={() => sortBy(c.key)}>
                  {c.label}
                  <span className="sort-indicator" aria-hidden="true">
                    {sort.key === c.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <span className="annotator-name">{r.name}</span>
                <span className="annotator-pseudonym">{r.pseudonym}</span>
              </th>
              <td>{r.vendor ?? <span className="muted">none</span>}</td>
              <td>{r.status === 'paused' ? <span className="badge status-paused">Paused</span> : <span className="muted">Active</span>}</td>
              <td className="num">
                {r.gold.toLocaleString()}
                <span className="cell-note">{r.correct.toLocaleString()} correct</span>
              </td>
              <td>
                <IntervalCell stacked value={r.accuracy.rate} lower={r.accuracy.lower} upper={r.accuracy.upper} />
              </td>
              <td>
                {r.agreement ? (
                  <IntervalCell
                    stacked
                    value={r.agreement.rate}
                    lower={r.agreement.lower}
                    upper={r.agreement.upper}
                    note={`${r.agreement.agreed.toLocaleString()} of ${r.agreement.n.toLocaleString()} agree`}
                  />
                ) : (
                  <span className="muted">no consensus yet</span>
                )}
              </td>
              <td className="num">
                {r.review ? (
                  <>
                    {r.review.reviewed.toLocaleString()}
                    <span className="cell-note">
                      {r.review.rejected} rejected, {r.review.corrected} corrected
                    </span>
                  </>
                ) : (
                  <span className="muted">0</span>
                )}
              </td>
              <td>
                {r.review ? (
                  <IntervalCell stacked value={r.review.acceptance.estimate} lower={r.review.acceptance.lower} upper={r.review.acceptance.upper} />
                ) : (
                  <span className="muted">not reviewed</span>
                )}
              </td>
              <td>
                <FlagsCell row={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** "3 of 40 flagged" linking to the signals card filtered to the annotator, and the kinds with their counts. */
function FlagsCell({ row }: { row: AnnotatorRow }) {
  return (
    <FlagCounts
      counts={row.flags}
      link={(text) => (
        // The visible words start the name (label in name), the rest says where it goes.
        <Link to={{ search: `?${FLAG_PARAMS.annotator}=${encodeURIComponent(row.id)}`, hash: SIGNALS_CARD_ID }} aria-label={`${text}: list ${row.name}'s flagged annotations`}>
          {text}
        </Link>
      )}
    />
  );
}
