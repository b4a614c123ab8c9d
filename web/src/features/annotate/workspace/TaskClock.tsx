/**
 * The timer (active time on this task) and the lease: a countdown appears when less than LEASE_WARN_MS is left,
 * and screen readers hear about it only when it crosses a threshold, not every second.
 */
import { useEffect, useState } from 'react';

export const LEASE_WARN_MS = 5 * 60_000;

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(t);
  }, [intervalMs]);
  return now;
}

export function ActiveTimer({ activeMs }: { activeMs: number }) {
  return (
    <span className="ws-timer" title="Active time on this task: it pauses when you are away or idle for a minute">
      <span className="ws-timer-label">Active </span>
      {formatDuration(activeMs)}
    </span>
  );
}

export function LeaseClock({ leaseExpiresAt }: { leaseExpiresAt: string }) {
  const now = useNow(1000);
  const left = Date.parse(leaseExpiresAt) - now;
  const level = left <= 0 ? 'expired' : left <= 60_000 ? 'minute' : left <= LEASE_WARN_MS ? 'soon' : 'fine';
  const said =
    level === 'expired'
      ? 'The lease on this task has expired; submitting will hand you a fresh task.'
      : level === 'minute'
        ? 'Less than a minute left on this task’s lease.'
        : level === 'soon'
          ? 'Less than five minutes left on this task’s lease.'
          : '';
  return (
    <>
      <span className="visually-hidden" role="status">
        {said}
      </span>
      {level !== 'fine' && (
        <span className={`ws-lease ${level}`} aria-hidden="true" title="When the lease ends, the item goes back to the pool">
          {level === 'expired' ? 'Lease expired' : `Lease ends in ${formatDuration(left)}`}
        </span>
      )}
    </>
  );
}
