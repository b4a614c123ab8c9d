/**
 * One row per vendor on the project, and the whole project in the foot (absent for a vendor manager, whom the server
 * gives no overall figures): gold accuracy with its 95% interval and n, agreement with the aggregate, alpha within
 * the vendor, review acceptance, throughput and median time, and cost per judgment, per accepted and per correct
 * judgment (with the reasons for rejection), and effort and fraud flags (flagged of n, by kind). A row expands to
 * the vendor's annotators (a button with aria-expanded; fetched on first expand). The sortable column headers are
 * buttons, as in the Quality tab's annotator table.
 */
import { Fragment, useMemo, useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/Status';
import { TableScroll } from '../TableScroll';
import { sumCounts } from '../quality/signal-words';
import type { SignalCounts, SignalsView } from '../quality/types';
import { COLUMN_COUNT, FigureCells } from './cells';
import { useVendorAnnotators } from './queries';
import type { OverallScorecard, VendorScorecard } from './types';

type SortKey = 'vendor' | 'accuracy' | 'n' | 'costPerCorrect';
type SortDirection = 'ascending' | 'descending';

/** `short`: what the header shows where the full label would widen its column (the full label is its abbr title). */
const COLUMNS: { label: string; short?: string; key?: SortKey; numeric?: boolean }[] = [
  { label: 'Vendor', key: 'vendor' },
  { label: 'Gold accuracy (95% interval)', key: 'accuracy' },
  { label: 'Gold n', key: 'n', numeric: true },
  { label: 'Agreement with aggregate (95% interval)' },
  { label: "Krippendorff's alpha", short: 'α', numeric: true },
  { label: 'Accepted in review (95% interval)' },
  { label: 'Effort and fraud flags' },
  { label: 'Throughput', numeric: true },
  { label: 'Cost per judgment', numeric: true },
  { label: 'Cost per accepted', numeric: true },
  { label: 'Cost per correct', key: 'costPerCorrect', numeric: true },
];

const FIRST_DIRECTION: Record<SortKey, SortDirection> = { vendor: 'ascending', accuracy: 'descending', n: 'descending', costPerCorrect: 'ascending' };

function sortValue(v: VendorScorecard, key: SortKey): string | number | null {
  switch (key) {
    case 'vendor':
      return v.name.toLocaleLowerCase();
    case 'accuracy':
      return v.gold.rate;
    case 'n':
      return v.gold.n;
    case 'costPerCorrect':
      return v.cost?.perCorrectJudgment.estimate ?? null;
  }
}

/** Sorted by the key; rows without the figure go last either way. */
export function sortVendors(rows: readonly VendorScorecard[], key: SortKey, direction: SortDirection): VendorScorecard[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (x < y ? -1 : x > y ? 1 : 0) * sign || a.name.localeCompare(b.name);
  });
}

/** The flag counts of the signals route by vendor and by annotator; undefined until it answers. */
export type SignalCountsOf = Pick<SignalsView, 'vendors' | 'annotators'> | undefined;

const ZERO: SignalCounts = sumCounts([]);
/** A row's counts: null until the signals are read, zero for a row they have nothing of. */
function countsIn<T extends SignalCounts>(rows: readonly T[] | undefined, pick: (r: T) => boolean): SignalCounts | null {
  if (!rows) return null;
  return rows.find(pick) ?? ZERO;
}

export function ScorecardTable({
  projectId,
  vendors,
  overall,
  signals,
}: {
  projectId: string;
  vendors: readonly VendorScorecard[];
  overall: OverallScorecard | null;
  signals: SignalCountsOf;
}) {
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'accuracy', direction: 'descending' });
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const sorted = useMemo(() => sortVendors(vendors, sort.key, sort.direction), [vendors, sort]);
  const sortBy = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: FIRST_DIRECTION[key] }));
  const toggle = (id: string) =>
    setOpen((o) => {
      const next = new Set(o);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <TableScroll label="Scorecard table">
      <table className="data scorecard-table">
        <caption className="visually-hidden">Vendor scorecards: gold accuracy, agreement, review, throughput and cost; column headers marked as buttons sort the table</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={c.key && sort.key === c.key ? sort.direction : undefined}>
                {c.key ? (
                  <button type="button" className="sort-button" onClick={() => sortBy(c.key!)}>
                    {c.label}
                    <span className="sort-indicator" aria-hidden="true">
                      {sort.key === c.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                ) : c.short ? (
                  <abbr className="plain-head" title={c.label}>
                    {c.short}
                    <span className="visually-hidden"> ({c.label})</span>
                  </abbr>
                ) : (
                  <span className="plain-head">{c.label}</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((v) => {
            const expanded = open.has(v.vendorId);
            const panel = `annotators-${v.vendorId}`;
            return (
              <Fragment key={v.vendorId}>
                <tr>
                  <th scope="row">
                    <button type="button" className="expand-button" aria-expanded={expanded} aria-controls={expanded ? panel : undefined} onClick={() => toggle(v.vendorId)}>
                      <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {v.name}
                      <span className="visually-hidden">: {expanded ? 'hide' : 'show'} annotators</span>
                    </button>
                    <span className="cell-note">{v.kind.replace(/_/g, ' ')}</span>
                  </th>
                  <FigureCells f={v} flags={countsIn(signals?.vendors, (c) => c.vendorId === v.vendorId)} />
                </tr>
                {expanded && (
                  <tr id={panel} className="annotator-panel">
                    <td colSpan={COLUMN_COUNT + 1}>
                      <VendorAnnotators projectId={projectId} vendor={v} signals={signals} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
        {overall && (
          <tfoot>
            <tr className="overall-row">
              <th scope="row">Whole project</th>
              <FigureCells f={overall} flags={signals ? sumCounts(signals.vendors) : null} />
            </tr>
          </tfoot>
        )}
      </table>
    </TableScroll>
  );
}

/** A vendor's annotators with the same figures, as a table of its own inside the expanded row. */
function VendorAnnotators({ projectId, vendor, signals }: { projectId: string; vendor: VendorScorecard; signals: SignalCountsOf }) {
  const q = useVendorAnnotators(projectId, vendor.vendorId, true);
  if (q.isError) return <ErrorMessage error={q.error} title={`${vendor.name}'s annotators could not be loaded`} />;
  if (!q.data) return <Loading label={`Loading ${vendor.name}'s annotators`} />;
  const rows = q.data.annotators;
  if (rows.length === 0) return <p className="muted">{vendor.name} has no annotator with judgments on this project yet.</p>;
  return (
    <table className="data scorecard-table nested">
      <caption>Annotators of {vendor.name}</caption>
      <thead>
        <tr>
          <th scope="col">Annotator</th>
          {COLUMNS.slice(1).map((c) => (
            <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
              {c.key === 'n' ? 'Gold n' : c.label === "Krippendorff's alpha" ? <span className="visually-hidden">Alpha (per vendor only)</span> : c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.annotatorId}>
            <th scope="row">
              <span className="annotator-name">{a.name}</span>
              <span className="annotator-pseudonym">{a.pseudonym}</span>
            </th>
            <FigureCells f={a} flags={countsIn(signals?.annotators, (c) => c.annotatorId === a.annotatorId)} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
