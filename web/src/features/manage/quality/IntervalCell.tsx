/**
 * A proportion in a table cell: its error bar, the figure and its 95% interval written beside it, and an optional
 * note under them (the counts behind it). Whole percentages ("72% (58%–83%)") unless the caller words them, as the
 * qualification screens do with their own `percent` and `intervalWords`. `stacked` is the narrow form for wide
 * tables: the figure and a shorter bar on one line, the interval under them, then the note.
 */
import type { ReactNode } from 'react';
import { ErrorBar } from './ErrorBar';

const pct = (x: number) => `${Math.round(x * 100)}%`;

interface IntervalCellProps {
  value: number;
  lower: number;
  upper: number;
  /** The figure in bold; default: the value as a whole percentage. */
  figure?: string;
  /** The interval in brackets; default: "lower%–upper%". */
  interval?: string;
  note?: ReactNode;
  stacked?: boolean;
}

export function IntervalCell({ value, lower, upper, figure = pct(value), interval = `${pct(lower)}–${pct(upper)}`, note, stacked = false }: IntervalCellProps) {
  if (stacked) {
    return (
      <span className="interval-cell stacked">
        <span className="interval-line">
          <strong>{figure}</strong>
          <ErrorBar value={value} lower={lower} upper={upper} width={56} />
        </span>
        <span className="interval-range muted">
          <span className="visually-hidden">95% interval </span>
          {interval}
        </span>
        {note !== undefined && <span className="cell-note">{note}</span>}
      </span>
    );
  }
  return (
    <span className="interval-cell">
      <ErrorBar value={value} lower={lower} upper={upper} />
      <span>
        <strong>{figure}</strong> <span className="muted">({interval})</span>
        {note !== undefined && <span className="cell-note">{note}</span>}
      </span>
    </span>
  );
}
