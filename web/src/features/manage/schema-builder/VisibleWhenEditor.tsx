/**
 * `visibleWhen`: show a question only when an earlier label, multi-label, rating or pairwise answer matches.
 * One chosen value is written as `equals`, several as `in`, as a person would write them by hand.
 */
import { useId } from 'react';
import { CheckField, FieldProblems, SelectField } from './inputs';
import type { DraftQuestion } from './draft';
import type { TypeEditorProps } from './type-editor-props';

const CONDITION_TARGETS = new Set(['label', 'multi_label', 'rating', 'pairwise']);

type Value = string | number;

function chosenValues(condition: Record<string, unknown>): Value[] {
  if (Array.isArray(condition.in)) return condition.in as Value[];
  return condition.equals === undefined ? [] : [condition.equals as Value];
}

function conditionOf(question: string, values: Value[]) {
  return values.length === 1 ? { question, equals: values[0] } : { question, in: values };
}

export function VisibleWhenEditor({ q, path, problems, set, earlier }: TypeEditorProps & { earlier: readonly DraftQuestion[] }) {
  const valuesId = useId();
  const targets = earlier.filter((e) => CONDITION_TARGETS.has(String(e.type)) && typeof e.id === 'string' && e.id !== '');
  const condition = typeof q.visibleWhen === 'object' && q.visibleWhen !== null ? (q.visibleWhen as Record<string, unknown>) : undefined;
  const at = `${path}.visibleWhen`;
  if (!condition) {
    return (
      <CheckField
        label="Show only when an earlier answer matches"
        path={at}
        problems={problems}
        checked={false}
        onChange={() => set('visibleWhen', { question: targets.at(-1)?.id ?? '', in: [] })}
      />
    );
  }
  const targetId = typeof condition.question === 'string' ? condition.question : '';
  const target = earlier.find((e) => e.id === targetId);
  const chosen = chosenValues(condition);
  const options = Array.isArray(target?.options) ? (target.options as { value?: unknown; label?: unknown }[]) : null;
  const targetOptions = targets.map((t) => ({ value: String(t.id), label: `${String(t.id)} (${String(t.type)})` }));
  if (targetId !== '' && !targets.some((t) => t.id === targetId)) targetOptions.push({ value: targetId, label: `${targetId} (not an earlier choice question)` });
  return (
    <fieldset className="visible-when">
      <legend>
        <CheckField label="Show only when an earlier answer matches" path={at} problems={[]} checked onChange={() => set('visibleWhen', undefined)} />
      </legend>
      <FieldProblems problems={problems} path={at} />
      {targets.length === 0 && <p className="muted small">No earlier label, multi-label, rating or pairwise question to depend on.</p>}
      <SelectField
        label="Earlier question"
        path={`${at}.question`}
        problems={problems}
        value={targetId}
        options={targetOptions}
        onChange={(id) => set('visibleWhen', conditionOf(id, []))}
      />
      {options ? (
        <fieldset className="condition-values">
          <legend>Shown when the answer is any of</legend>
          {options.map((o, i) => {
            const value = typeof o.value === 'string' ? o.value : String(o.value);
            return (
              <label key={`${i}-${value}`} className="inline-check">
                <input
                  type="checkbox"
                  checked={chosen.includes(value)}
                  onChange={(e) => set('visibleWhen', conditionOf(targetId, e.target.checked ? [...chosen, value] : chosen.filter((c) => c !== value)))}
                />{' '}
                {typeof o.label === 'string' && o.label !== '' ? o.label : value}
              </label>
            );
          })}
        </fieldset>
      ) : (
        <div className="field">
          <label htmlFor={valuesId}>Shown when the answer is any of (points, comma-separated)</label>
          <input
            id={valuesId}
            type="text"
            className="mono"
            defaultValue={chosen.join(', ')}
            key={targetId}
            onChange={(e) => {
              const points = e.target.value.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number).filter((n) => Number.isFinite(n));
              set('visibleWhen', conditionOf(targetId, points));
            }}
          />
        </div>
      )}
      <FieldProblems problems={problems} path={`${at}.equals`} />
      {chosen.map((_, j) => (
        <FieldProblems key={j} problems={problems} path={`${at}.in[${j}]`} />
      ))}
      <FieldProblems problems={problems} path={`${at}.in`} />
    </fieldset>
  );
}
