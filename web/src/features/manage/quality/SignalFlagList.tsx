/**
 * An annotation's effort and fraud flags: each kind as a short badge in words and, beside it, the sentence saying
 * what fired (as text, for everyone, not a tooltip). "No flags" when there are none.
 */
import { SIGNAL_KIND_LABELS } from './signal-words';
import './signals.css';
import type { SignalFlag } from './types';

export function SignalFlagList({ flags }: { flags: readonly SignalFlag[] }) {
  if (flags.length === 0) return <span className="muted small">No flags</span>;
  return (
    <ul className="signal-flags">
      {flags.map((f, i) => (
        <li key={`${f.kind}-${i}`}>
          <span className={`badge signal-${f.kind}`}>{SIGNAL_KIND_LABELS[f.kind]}</span> <span className="signal-detail">{f.detail}</span>
        </li>
      ))}
    </ul>
  );
}

/** The kinds as badges only, for a compact cell ("Too fast 2"), with the counts as text. */
export function KindBadges({ byKind }: { byKind: Partial<Record<SignalFlag['kind'], number>> }) {
  const kinds = (Object.keys(SIGNAL_KIND_LABELS) as SignalFlag['kind'][]).filter((k) => (byKind[k] ?? 0) > 0);
  if (kinds.length === 0) return null;
  return (
    <span className="signal-kinds">
      {kinds.map((k) => (
        <span key={k} className={`badge signal-${k}`}>
          {SIGNAL_KIND_LABELS[k]} {byKind[k]!.toLocaleString()}
        </span>
      ))}
    </span>
  );
}
