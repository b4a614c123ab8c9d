/**
 * Arrow-key movement inside a group of options (WAI-ARIA radio group / list pattern): one tab stop for the group,
 * arrows move within it. Returns the index a key moves to, or undefined when the key is not a movement key.
 */
export function rovingStep(key: string, index: number, count: number, axis: 'horizontal' | 'vertical' | 'both' = 'both'): number | undefined {
  if (count === 0) return undefined;
  const back = axis === 'vertical' ? ['ArrowUp'] : axis === 'horizontal' ? ['ArrowLeft'] : ['ArrowLeft', 'ArrowUp'];
  const forward = axis === 'vertical' ? ['ArrowDown'] : axis === 'horizontal' ? ['ArrowRight'] : ['ArrowRight', 'ArrowDown'];
  if (back.includes(key)) return Math.max(0, index - 1);
  if (forward.includes(key)) return Math.min(count - 1, index + 1);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

/** Focuses the `index`-th element matching `selector` inside `container` (after React has rendered the change). */
export function focusWithin(container: HTMLElement | null, selector: string, index: number): void {
  const target = container?.querySelectorAll<HTMLElement>(selector)[index];
  target?.focus();
}
