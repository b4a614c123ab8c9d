/**
 * A proportion in a table cell: its error bar, the figure and its 95% interval written beside it, and an optional
 * note under them (the counts behind it). Whole percentages ("72% (58%–83%)") unless the caller words them, as the
 * qualification screens do with their own `percent` and `intervalWords`.
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
}

export function IntervalCell({ value, lower, upper, figure = pct(value), interval = `${pct(lower)}–${pct(upper)}`, note }: IntervalCellProps) {
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
