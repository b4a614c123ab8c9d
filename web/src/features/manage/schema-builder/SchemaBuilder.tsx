/**
 * The schema builder: questions edited as forms (or the raw JSON in a second tab), checked live by the server's
 * parser with each message at its field and all of them listed above, and beside it the live preview of exactly
 * what the annotator will see. Controlled: the draft lives with the page that publishes it.
 */
import { useId, useMemo, useState } from 'react';
import { QUESTION_TYPES, type ItemData, type QuestionType, type TaskSchema } from '../../../schema';
import { checkSchemaDraft, draftQuestions, moved, newQuestion, previewDraft, QUESTION_TYPE_NAMES, type SchemaDraft, type SchemaProblem } from './draft';
import { QuestionEditor } from './QuestionEditor';
import { SchemaPreview } from './SchemaPreview';
import './schema-builder.css';

export interface SchemaBuilderProps {
  draft: SchemaDraft;
  onChange: (draft: SchemaDraft) => void;
  /** A real item for the preview (the project's first), when there is one. */
  sampleItem?: ItemData | undefined;
}

type Mode = 'form' | 'json';

export function SchemaBuilder({ draft, onChange, sampleItem }: SchemaBuilderProps) {
  const id = useId();
  const [mode, setMode] = useState<Mode>('form');
  const [jsonText, setJsonText] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [addType, setAddType] = useState<QuestionType>('label');
  const check = useMemo(() => checkSchemaDraft(draft), [draft]);
  // The preview follows the draft with unwritten prompts filled in, so a question just added shows at once.
  const preview = useMemo(() => {
    if (check.ok) return { check, placeholders: [] as string[] };
    const filled = previewDraft(draft);
    return { check: filled.placeholders.length > 0 ? checkSchemaDraft(filled.draft) : check, placeholders: filled.placeholders };
  }, [check, draft]);
  const [lastValid, setLastValid] = useState<TaskSchema | undefined>(undefined);
  if (preview.check.ok && preview.check.schema !== lastValid) setLastValid(preview.check.schema);

  const switchTo = (next: Mode) => {
    if (next === mode) return;
    if (next === 'json') {
      setJsonText(JSON.stringify(draft, null, 2));
      setJsonError(null);
    }
    setMode(next);
  };
  const questions = draftQuestions(draft);
  const setQuestions = (qs: SchemaDraft['questions']) => onChange({ ...draft, questions: qs });

  const tab = (m: Mode, label: string) => (
    <button
      type="button"
      role="tab"
      id={`${id}-tab-${m}`}
      aria-selected={mode === m}
      aria-controls={`${id}-panel`}
      tabIndex={mode === m ? 0 : -1}
      className={mode === m ? 'active' : ''}
      onClick={() => switchTo(m)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          const other: Mode = m === 'form' ? 'json' : 'form';
          switchTo(other);
          document.getElementById(`${id}-tab-${other}`)?.focus();
        }
      }}
    >
      {label}
    </button>
  );

  return (
    <div className="schema-builder">
      <div className="builder-editor">
        <div className="builder-toolbar">
          <div role="tablist" aria-label="Edit the schema as" className="segmented">
            {tab('form', 'Form')}
            {tab('json', 'JSON')}
          </div>
          <SchemaStatus problems={check.problems} count={questions?.length ?? 0} />
        </div>
        <ProblemList problems={check.problems} onGo={(field) => focusField(field, () => switchTo('form'))} />
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${mode}`}>
          {mode === 'json' ? (
            <div className="field">
              <label htmlFor={`${id}-json`}>Task schema (JSON)</label>
              <textarea
                id={`${id}-json`}
                className="mono json-editor"
                spellCheck={false}
                rows={24}
                value={jsonText}
                aria-invalid={jsonError !== null || undefined}
                aria-describedby={jsonError ? `${id}-json-err` : undefined}
                onChange={(e) => {
                  setJsonText(e.target.value);
                  try {
                    const parsed: unknown = JSON.parse(e.target.value);
                    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('The schema must be a JSON object: { "questions": [...] }');
                    setJsonError(null);
                    onChange(parsed as SchemaDraft);
                  } catch (err) {
                    setJsonError((err as Error).message);
                  }
                }}
              />
              {jsonError && (
                <span className="input-error" id={`${id}-json-err`}>
                  Not valid JSON yet: {jsonError}. The form and preview show the last JSON that parsed.
                </span>
              )}
            </div>
          ) : questions === null ? (
            <p className="status error">The JSON has no list of questions the form can edit; fix it in the JSON tab.</p>
          ) : (
            <>
              {questions.length === 0 && <p className="status empty">No questions yet: add the first one below.</p>}
              <ol className="question-list">
                {questions.map((q, i) => (
                  <li key={i}>
                    <QuestionEditor
                      q={q}
                      index={i}
                      count={questions.length}
                      earlier={questions.slice(0, i)}
                      problems={check.problems}
                      onChange={(next) => setQuestions(questions.map((x, j) => (j === i ? next : x)))}
                      onMove={(to) => setQuestions(moved(questions, i, to))}
                      onRemove={() => setQuestions(questions.filter((_, j) => j !== i))}
                    />
                  </li>
                ))}
              </ol>
              <div className="add-question card">
                <label htmlFor={`${id}-add`}>New question of type</label>
                <select id={`${id}-add`} value={addType} onChange={(e) => setAddType(e.target.value as QuestionType)}>
                  {QUESTION_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {QUESTION_TYPE_NAMES[t]}
                    </option>
                  ))}
                </select>
                <button type="button" className="btn" onClick={() => setQuestions([...questions, newQuestion(addType, questions)])}>
                  + Add question
                </button>
              </div>
            </>
          )}
        </div>
      </div>
      <SchemaPreview schema={lastValid} stale={!preview.check.ok} unwrittenPrompts={preview.check.ok ? preview.placeholders : []} item={sampleItem} />
    </div>
  );
}

function SchemaStatus({ problems, count }: { problems: readonly SchemaProblem[]; count: number }) {
  return (
    <span className={`schema-status ${problems.length === 0 ? 'ok' : 'bad'}`} role="status">
      {problems.length === 0
        ? `✓ Valid: ${count} question${count === 1 ? '' : 's'}`
        : `${problems.length} problem${problems.length === 1 ? '' : 's'}`}
    </span>
  );
}

/** Every message the parser gave, each with a button to the field it names when the form shows that field. */
function ProblemList({ problems, onGo }: { problems: readonly SchemaProblem[]; onGo: (field: string) => void }) {
  if (problems.length === 0) return null;
  return (
    <ul className="problem-list" aria-label="Problems in the schema">
      {problems.map((p, i) => (
        <li key={i}>
          <span>{p.message}</span>
          {p.field && (
            <button type="button" className="btn ghost small" onClick={() => onGo(p.field)}>
              <code>{p.field}</code>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Focuses the input for an error path (or the nearest enclosing one), opening its folded question first. */
function focusField(field: string, showForm: () => void) {
  showForm();
  requestAnimationFrame(() => {
    let path = field;
    for (;;) {
      const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
      if (el) {
        const details = el.closest('details');
        if (details) details.open = true;
        el.focus();
        return;
      }
      const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      if (cut <= 0) return;
      path = path.slice(0, cut);
    }
  });
}
