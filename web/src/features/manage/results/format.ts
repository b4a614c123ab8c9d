/** Small formatters of the results browser. */

/** `850 ms`, `12.3 s`, `4 min 05 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** Pastes and focus losses, the signals a manager looks at first; empty when there were none. */
export function formatSignals(s: { pastes?: number; focusLosses?: number; activeMs?: number }): string {
  const parts: string[] = [];
  if (s.pastes) parts.push(`${s.pastes} paste${s.pastes === 1 ? '' : 's'}`);
  if (s.focusLosses) parts.push(`${s.focusLosses} focus loss${s.focusLosses === 1 ? '' : 'es'}`);
  return parts.join(' · ');
}

export const STATUS_LABELS = { complete: 'Complete', in_progress: 'In progress', remaining: 'Not started' } as const;
