/**
 * The live preview: the annotator's own `AnswerForm` with the schema being built and an item — the project's
 * first item when it has one, else a sample the manager can edit, pre-filled with placeholder text for every
 * field the schema reads. Interactive, with answers kept here; "Check answers" runs the server's answer
 * validation. Plain-key shortcuts are live only while focus is inside the preview, so typing in the builder
 * never answers a question.
 */
import { useId, useMemo, useState } from 'react';
import { AnswerForm } from '../../annotate/AnswerForm';
import { validateAnswers, type AnswerSet, type ItemData, type TaskSchema } from '../../../schema';
import { validateItem } from '@core/schema/validate-item';
import { itemFieldsRead } from '@core/schema/item-fields';
import { isAssayError } from '@core/errors';
import { withPlaceholders } from './sample-item';
import '../manage.css';

export interface SchemaPreviewProps {
  /** The last schema that parsed; the preview keeps showing it while the draft has problems. */
  schema: TaskSchema | undefined;
  /** True while the draft has problems, so the preview is of an earlier state. */
  stale: boolean;
  /** A real item of the project, when there is one. */
  item?: ItemData | undefined;
  /** Questions shown with a placeholder because their prompt is not written yet. */
  unwrittenPrompts?: readonly string[];
}

const asObject = (text: string): ItemData | null => {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as ItemData) : null;
  } catch {
    return null;
  }
};

export function SchemaPreview({ schema, stale, item, unwrittenPrompts = [] }: SchemaPreviewProps) {
  const sampleId = useId();
  const [answers, setAnswers] = useState<AnswerSet>({});
  const [active, setActive] = useState(-1);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState<string | null>(null);
  const fieldsKey = schema ? itemFieldsRead(schema).join('\n') : '';
  const [sample, setSample] = useState(() => JSON.stringify(schema ? withPlaceholders(schema) : {}, null, 2));
  // A field the schema starts reading gets a placeholder in the sample, keeping what the manager typed
  // (adjusted during render, React's pattern for state derived from a changing prop).
  const [fieldsSeen, setFieldsSeen] = useState(fieldsKey);
  if (fieldsSeen !== fieldsKey) {
    setFieldsSeen(fieldsKey);
    const current = asObject(sample);
    if (schema && current) setSample(JSON.stringify(withPlaceholders(schema, current), null, 2));
  }

  const sampleItem = useMemo(() => asObject(sample), [sample]);
  // A real item lacking a field the draft newly reads gets a placeholder there, so every question shows.
  const shown = useMemo(() => (item && schema ? withPlaceholders(schema, item) : (item ?? sampleItem ?? {})), [item, schema, sampleItem]);
  const itemProblem = useMemo(() => {
    if (!schema) return null;
    if (!item && !sampleItem) return 'The sample item must be a JSON object.';
    try {
      validateItem(schema, item ?? shown);
      return null;
    } catch (e) {
      const message = isAssayError(e) ? e.message : String(e);
      return item ? `The project’s first item does not fit this schema, so publishing it would be refused: ${message}` : message;
    }
  }, [schema, item, sampleItem, shown]);

  const checkAnswers = () => {
    if (!schema) return;
    try {
      validateAnswers(schema, shown, answers);
      setErrors({});
      setChecked('These answers would be accepted.');
    } catch (e) {
      if (!isAssayError(e)) throw e;
      const id = /^answers\.([a-z][a-z0-9_]*)/.exec(e.field ?? '')?.[1];
      setErrors(id ? { [id]: e.message } : {});
      setChecked(e.message);
    }
  };

  return (
    <section className="schema-preview" aria-labelledby={`${sampleId}-title`}>
      <div className="preview-head">
        <h2 id={`${sampleId}-title`}>Live preview</h2>
        <span className="muted small">{item ? 'the project’s first item' : 'a sample item'}</span>
      </div>
      {stale && schema && (
        <p className="status warn small" role="status">
          The schema has problems; the preview shows the last version that parsed.
        </p>
      )}
      {!stale && unwrittenPrompts.length > 0 && (
        <p className="status warn small" role="status">
          {unwrittenPrompts.length === 1 ? `Question ${unwrittenPrompts[0]} has` : `Questions ${unwrittenPrompts.join(', ')} have`} no prompt yet: the preview
          shows a placeholder until you write one.
        </p>
      )}
      {!schema ? (
        <p className="status empty">The preview appears once the schema parses.</p>
      ) : (
        <div
          className="preview-frame"
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setActive(-1);
          }}
        >
          {itemProblem && <p className="status warn small">{itemProblem}</p>}
          <AnswerForm
            schema={schema}
            item={shown}
            answers={answers}
            onChange={(next) => {
              setAnswers(next);
              setChecked(null);
              setErrors({});
            }}
            activeIndex={active}
            onActivate={setActive}
            errors={errors}
            idPrefix="preview"
          />
          <div className="preview-actions">
            <button type="button" className="btn small" onClick={checkAnswers}>
              Check answers
            </button>
            <button
              type="button"
              className="btn small ghost"
              onClick={() => {
                setAnswers({});
                setErrors({});
                setChecked(null);
              }}
            >
              Clear answers
            </button>
            <span role="status" className="small muted">
              {checked}
            </span>
          </div>
        </div>
      )}
      {!item && (
        <details className="sample-item">
          <summary>Sample item (JSON)</summary>
          <label htmlFor={sampleId} className="visually-hidden">
            Sample item JSON
          </label>
          <textarea
            id={sampleId}
            className="mono"
            rows={10}
            value={sample}
            spellCheck={false}
            aria-invalid={sampleItem === null || undefined}
            onChange={(e) => setSample(e.target.value)}
          />
          <button type="button" className="btn small" onClick={() => schema && setSample(JSON.stringify(withPlaceholders(schema), null, 2))}>
            Reset sample
          </button>
        </details>
      )}
    </section>
  );
}
