/**
 * A row of points on an ordinal scale as one radio group (rating, pairwise): a single tab stop, ←/→ move the
 * choice, and, while the question is active, number keys pick a point (scales of up to nine points) and ←/→ work
 * wherever the focus is inside the question.
 */
import { useRef } from 'react';
import { useHotkeys, type Hotkeys } from '../../../components/useHotkeys';
import { focusWithin, rovingStep } from './roving';
import '../widgets.css';

export interface ScaleChoicesProps {
  points: number[];
  labelOf: (point: number) => string;
  value: number | undefined;
  /** `chosen`: a number key or a click (a final pick), not an arrow step. */
  onChange: (value: number, chosen: boolean) => void;
  active: boolean;
  labelledBy: string;
  /** Where ←/→ land when nothing is chosen yet: index of the point for each direction. */
  entry: { left: number; right: number };
  /** Extra class per point (e.g. which side of a pairwise scale it favours). */
  classOf?: (point: number) => string;
  /** Show the number under the label (rating), or only the label (pairwise). */
  showNumbers?: boolean;
}

/** Whether number keys can address every point. */
export function hasNumberKeys(points: number[]): boolean {
  return points.length <= 9;
}

export function ScaleChoices({ points, labelOf, value, onChange, active, labelledBy, entry, classOf, showNumbers }: ScaleChoicesProps) {
  const group = useRef<HTMLDivElement>(null);
  const selected = value === undefined ? -1 : points.indexOf(value);

  const pick = (index: number, focus: boolean, chosen = true) => {
    const point = points[index];
    if (point === undefined) return;
    onChange(point, chosen);
    if (focus && group.current?.contains(document.activeElement)) focusWithin(group.current, '[role=radio]', index);
  };
  const move = (direction: -1 | 1) => {
    if (selected < 0) pick(direction < 0 ? entry.left : entry.right, true, false);
    else pick(Math.max(0, Math.min(points.length - 1, selected + direction)), true, false);
  };

  const keys: Hotkeys = { arrowleft: () => move(-1), arrowright: () => move(1) };
  if (hasNumberKeys(points)) points.forEach((_, i) => (keys[String(i + 1)] = () => pick(i, true)));
  useHotkeys(keys, active);

  return (
    <div className="scale" role="radiogroup" aria-labelledby={labelledBy} ref={group}>
      {points.map((point, i) => {
        const checked = i === selected;
        return (
          <button
            key={point}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked || (selected < 0 && i === 0) ? 0 : -1}
            className={`scale-point ${checked ? 'selected' : ''} ${classOf?.(point) ?? ''}`}
            onClick={() => pick(i, false)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
                e.preventDefault();
                move(e.key === 'ArrowLeft' ? -1 : 1);
                return;
              }
              const to = rovingStep(e.key, i, points.length, 'vertical');
              if (to === undefined) return;
              e.preventDefault();
              pick(to, true, false);
            }}
          >
            {hasNumberKeys(points) && <kbd aria-hidden="true">{i + 1}</kbd>}
            <span className="scale-label">{labelOf(point)}</span>
            {showNumbers && labelOf(point) !== String(point) && <span className="scale-number">{point}</span>}
          </button>
        );
      })}
    </div>
  );
}
