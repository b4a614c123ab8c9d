/** A confidence in 0..1 as a short bar with its percentage; the colour says low / medium / high at a glance. */
export function levelOf(value: number): 'low' | 'mid' | 'high' {
  return value < 0.6 ? 'low' : value < 0.85 ? 'mid' : 'high';
}

export function ConfidenceBar({ value, label, meaning }: { value: number | null; label: string; meaning?: string }) {
  if (value === null) return <span className="muted" aria-label={`${label}: none`}>—</span>;
  const pct = Math.round(value * 100);
  return (
    <span className="confidence" title={meaning}>
      <span className="confidence-track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={`${pct}%`}>
        <span className={`confidence-fill ${levelOf(value)}`} style={{ width: `${pct}%` }} />
      </span>
      <span className="confidence-value" aria-hidden="true">
        {pct}%
      </span>
    </span>
  );
}
