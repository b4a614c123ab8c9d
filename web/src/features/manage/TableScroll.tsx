/**
 * A wide table's frame: when the table fits, nothing shows; when it does not (a narrow window, many columns), the
 * table scrolls sideways inside the card instead of being cut off, and says so: a shadow on each edge that has
 * more beyond it, a line under the table ("Scroll sideways for more columns"), and the first column stays in view
 * (the row's name). The scrolling area is then a named, focusable region, so the keyboard can scroll it too.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

type Overflow = 'left' | 'right' | 'both';

/** `region`: always a named, focusable region (named `label` alone), not only while it overflows. */
export function TableScroll({ label, className, region = false, children }: { label: string; className?: string; region?: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState<Overflow | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const max = el.scrollWidth - el.clientWidth;
      if (max <= 1) return setOverflow(null);
      const left = el.scrollLeft > 1;
      const right = el.scrollLeft < max - 1;
      setOverflow(left && right ? 'both' : left ? 'left' : 'right');
    };
    update();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    observer?.observe(el);
    if (el.firstElementChild) observer?.observe(el.firstElementChild);
    el.addEventListener('scroll', update, { passive: true });
    return () => {
      observer?.disconnect();
      el.removeEventListener('scroll', update);
    };
  }, []);
  return (
    <div className={`table-scroll-frame${className ? ` ${className}` : ''}`} data-overflow={overflow ?? undefined}>
      <div
        ref={ref}
        className="table-scroll"
        data-overflow={overflow ?? undefined}
        tabIndex={overflow || region ? 0 : undefined}
        role={overflow || region ? 'region' : undefined}
        aria-label={region ? label : overflow ? `${label}, scrolls sideways` : undefined}
      >
        {children}
      </div>
      {overflow && (
        <p className="table-scroll-hint muted small" aria-hidden="true">
          {overflow === 'left' ? '← More columns to the left' : 'Scroll sideways for more columns →'}
        </p>
      )}
    </div>
  );
}
