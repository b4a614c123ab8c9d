/** `label`: one of N options, as a radio group of buttons; keys 1–9 pick an option while the question is active. */
import type { Widget, WidgetProps } from './types';
import { useHotkeys } from '../../../components/useHotkeys';
import { ItemText } from './ItemText';

function LabelWidgetView({ question, item, value, onChange, active, idPrefix }: WidgetProps<'label'>) {
  const keys = Object.fromEntries(
    question.options.slice(0, 9).map((o, i) => [String(i + 1), () => onChange(value === o.value && !question.required ? undefined : o.value)]),
  );
  useHotkeys(keys, active);
  return (
    <div>
      {question.field && <ItemText item={item} field={question.field} />}
      <div className="choices" role="radiogroup" aria-labelledby={`${idPrefix}-prompt`}>
        {question.options.map((o, i) => {
          const checked = value === o.value;
          return (
            <button
              key={o.value}
              type="button"
              role="radio"
              aria-checked={checked}
              className={`choice ${checked ? 'selected' : ''}`}
              onClick={() => onChange(o.value)}
              title={o.hint}
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
  shortcuts: (q) => [{ keys: `1–${Math.min(9, q.options.length)}`, does: 'Pick an option' }],
};
