/**
 * `multi_label`: any subset of N options, as toggle checkboxes; keys 1–9 toggle while the question is active, and
 * 0 says "none apply" when the schema accepts an empty answer. At `maxSelected` further picks are refused with
 * a message rather than silently replacing an earlier one.
 */
import { useState } from 'react';
import type { Widget, WidgetProps } from './types';
import { useHotkeys, type Hotkeys } from '../../../components/useHotkeys';
import { ItemText } from './ItemText';
import { keyRange } from './LabelWidget';
import '../widgets.css';

function MultiLabelWidgetView({ question, item, value, onChange, active, idPrefix }: WidgetProps<'multi_label'>) {
  const [message, setMessage] = useState('');
  const chosen = new Set(value ?? []);
  const atLimit = chosen.size >= question.maxSelected;
  const noneAllowed = question.minSelected === 0;

  const toggle = (index: number) => {
    const option = question.options[index];
    if (!option) return;
    if (chosen.has(option.value)) {
      setMessage('');
      const next = question.options.filter((o) => o !== option && chosen.has(o.value)).map((o) => o.value);
      // Unselecting the last option clears the answer; "none apply" is its own explicit choice.
      onChange(next.length > 0 ? next : undefined);
      return;
    }
    if (atLimit) {
      setMessage(`You can choose at most ${question.maxSelected}. Unselect one first.`);
      return;
    }
    setMessage('');
    onChange(question.options.filter((o) => o === option || chosen.has(o.value)).map((o) => o.value));
  };
  const chooseNone = () => {
    setMessage('');
    onChange(value !== undefined && value.length === 0 ? undefined : []);
  };

  const keys: Hotkeys = Object.fromEntries(question.options.slice(0, 9).map((_, i) => [String(i + 1), () => toggle(i)]));
  if (noneAllowed) keys['0'] = chooseNone;
  useHotkeys(keys, active);

  const range =
    question.minSelected === question.maxSelected
      ? `Choose ${question.maxSelected}.`
      : question.minSelected > 0
        ? `Choose ${question.minSelected} to ${question.maxSelected}.`
        : `Choose up to ${question.maxSelected}, or none.`;
  return (
    <div>
      {question.field && <ItemText item={item} field={question.field} />}
      <p className="muted small" id={`${idPrefix}-range`}>
        {range}
      </p>
      <div className="choices" role="group" aria-labelledby={`${idPrefix}-prompt`} aria-describedby={`${idPrefix}-range`}>
        {question.options.map((o, i) => {
          const checked = chosen.has(o.value);
          return (
            <button
              key={o.value}
              type="button"
              role="checkbox"
              aria-checked={checked}
              aria-disabled={!checked && atLimit}
              className={`choice ${checked ? 'selected' : ''} ${!checked && atLimit ? 'at-limit' : ''}`}
              onClick={() => toggle(i)}
              title={o.hint}
            >
              {i < 9 && <kbd aria-hidden="true">{i + 1}</kbd>}
              <span className="check" aria-hidden="true">
                {checked ? '✓' : ''}
              </span>
              <span>{o.label}</span>
              {o.hint && <span className="hint">{o.hint}</span>}
            </button>
          );
        })}
        {noneAllowed && (
          <button type="button" aria-pressed={value !== undefined && value.length === 0} className={`choice none ${value?.length === 0 ? 'selected' : ''}`} onClick={chooseNone}>
            <kbd aria-hidden="true">0</kbd>
            <span>None apply</span>
          </button>
        )}
      </div>
      <p className="widget-message" role="status">
        {message}
      </p>
    </div>
  );
}

export const MultiLabelWidget: Widget<'multi_label'> = {
  Component: MultiLabelWidgetView,
  shortcuts: (q) => [
    { keys: `1–${Math.min(9, q.options.length)}`, does: `Toggle an option (at most ${q.maxSelected})` },
    ...(q.minSelected === 0 ? [{ keys: '0', does: 'None apply' }] : []),
  ],
  // Several answers: a pick does not move on, so the hint says how to.
  hint: (q) => `${keyRange(q.options.length)} toggle${q.minSelected === 0 ? ' · 0 none apply' : ''} · several allowed: Alt+↓ when done`,
};
