/**
 * Effort and fraud flags on screen: an annotation's flags (each kind as a short badge in words and, beside it, the
 * sentence saying what fired, as text for everyone, not a tooltip), and a row's counts (flagged of n, the kinds as
 * badges with their counts) for the annotator and vendor tables.
 */
import type { ReactNode } from 'react';
import { flaggedOf, SIGNAL_KIND_LABELS } from './signal-words';
import './signals.css';
import type { SignalCounts, SignalFlag } from './types';

export function SignalFlagList({ flags }: { flags: readonly SignalFlag[] }) {
  if (flags.length === 0) return <span className="muted small">No flags</span>;
  return (
    <ul className="signal-flags">
      {flags.map((f, i) => (
        <li key={`${f.kind}-${i}`}>
          <span className={`badge signal-badge signal-${f.kind}`}>{SIGNAL_KIND_LABELS[f.kind]}</span> <span className="signal-detail">{f.detail}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A row's counts: "3 of 40 flagged" (through `link` when given, e.g. to the flagged annotations) and the kinds that
 * fired with their counts; "—" before the signals are read, "nothing checked yet" without annotations.
 */
export function FlagCounts({ counts, link }: { counts: SignalCounts | null; link?: (text: string) => ReactNode }) {
  if (!counts) return <span className="muted">—</span>;
  if (counts.n === 0) return <span className="muted">nothing checked yet</span>;
  if (counts.flagged === 0) return <span className="muted flag-count">{flaggedOf(counts)}</span>;
  return (
    <>
      <span className="flag-count">{link ? link(flaggedOf(counts)) : flaggedOf(counts)}</span>
      <KindBadges byKind={counts.byKind} />
    </>
  );
}

/** An annotation's flags as badges only (the sentences are elsewhere: SignalFlagList); "No flags" when none. */
export function FlagBadges({ flags }: { flags: readonly SignalFlag[] }) {
  if (flags.length === 0) return <span className="muted small">No flags</span>;
  return (
    <span className="signal-kinds">
      {flags.map((f, i) => (
        <span key={`${f.kind}-${i}`} className={`badge signal-badge signal-${f.kind}`}>
          {SIGNAL_KIND_LABELS[f.kind]}
        </span>
      ))}
    </span>
  );
}

/** The kinds as badges only, for a compact cell ("Too fast 2"), with the counts as text. */
export function KindBadges({ byKind }: { byKind: Partial<Record<SignalFlag['kind'], number>> }) {
  const kinds = (Object.keys(SIGNAL_KIND_LABELS) as SignalFlag['kind'][]).filter((k) => (byKind[k] ?? 0) > 0);
  if (kinds.length === 0) return null;
  return (
    <span className="signal-kinds">
      {kinds.map((k) => (
        <span key={k} className={`badge signal-badge signal-${k}`}>
          {SIGNAL_KIND_LABELS[k]} {byKind[k]!.toLocaleString()}
        </span>
      ))}
    </span>
  );
}
