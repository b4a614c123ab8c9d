/**
 * `label`: one of N options, as a radio group of buttons (one tab stop, arrows move); keys 1–9 pick an option
 * while the question is active. Picking the chosen option again clears an optional question.
 */
import { useRef } from 'react';
import type { Widget, WidgetProps } from './types';
import { useHotkeys } from '../../../components/useHotkeys';
import { ItemText } from './ItemText';
import { focusWithin, rovingStep } from './roving';
import '../widgets.css';

function LabelWidgetView({ question, item, value, onChange, active, idPrefix }: WidgetProps<'label'>) {
  const group = useRef<HTMLDivElement>(null);
  const selected = question.options.findIndex((o) => o.value === value);
  const pick = (index: number) => {
    const option = question.options[index];
    if (!option) return;
    const cleared = option.value === value && !question.required;
    onChange(cleared ? undefined : option.value, !cleared);
  };
  useHotkeys(Object.fromEntries(question.options.slice(0, 9).map((_, i) => [String(i + 1), () => pick(i)])), active);
  return (
    <div>
      {question.field && <ItemText item={item} field={question.field} />}
      <div className="choices" role="radiogroup" aria-labelledby={`${idPrefix}-prompt`} ref={group}>
        {question.options.map((o, i) => {
          const checked = i === selected;
          return (
            <button
              key={o.value}
              type="button"
              role="radio"
              aria-checked={checked}
              tabIndex={checked || (selected < 0 && i === 0) ? 0 : -1}
              className={`choice ${checked ? 'selected' : ''}`}
              onClick={() => pick(i)}
              onKeyDown={(e) => {
                const to = rovingStep(e.key, i, question.options.length);
                if (to === undefined) return;
                e.preventDefault();
                const target = question.options[to];
                if (target) onChange(target.value);
                focusWithin(group.current, '[role=radio]', to);
              }}
            >
              {i < 9 && <kbd aria-hidden="true">{i + 1}</kbd>}
              <span>{o.label}</span>
              {o.hint && <span className="hint">{o.hint}</span>}
            </button>
          );
        })}
      </div>
    </div>
  );
}

export const LabelWidget: Widget<'label'> = {
  Component: LabelWidgetView,
  shortcuts: (q) => [
    { keys: `1–${Math.min(9, q.options.length)}`, does: q.required ? 'Pick an option' : 'Pick an option (again to clear)' },
    { keys: '← →', does: 'Move between options (when focused)' },
  ],
  hint: (q) => `${keyRange(q.options.length)} choose`,
};

/** `1–3` for the number keys that reach `count` options (at most nine). */
export function keyRange(count: number): string {
  const top = Math.min(9, count);
  return top <= 1 ? '1' : `1–${top}`;
}
