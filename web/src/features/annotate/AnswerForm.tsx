/**
 * The questions of a schema for one item, as the annotator sees them: each visible question as a card with its
 * prompt, required mark, help on demand, widget and error, in schema order. Used by the workspace and by the
 * schema builder's live preview, so the preview is exactly what the annotator will see. Controlled: `answers` in,
 * `onChange` out. The active question (by index among visible questions) owns the plain-key shortcuts and is
 * marked; clicking or focusing a question makes it active.
 */
import type { AnswerSet, ItemData, Question, TaskSchema } from '../../schema';
import { isVisible } from '../../schema';
import { widgetFor } from './widgets/registry';
import type { WidgetProps } from './widgets/types';
import './widgets.css';

export interface AnswerFormProps {
  schema: TaskSchema;
  item: ItemData;
  answers: AnswerSet;
  onChange: (answers: AnswerSet) => void;
  /** Index into `visibleQuestions(schema, answers)` of the question that has the keyboard. */
  activeIndex: number;
  onActivate: (index: number) => void;
  /** Error messages per question id (from client-side or server validation). */
  errors?: Record<string, string>;
  /** Prefix for element ids, so two forms can share a page (preview beside the builder). */
  idPrefix?: string;
}

/** Questions shown for these answers: a question hidden by `visibleWhen` is neither shown nor submitted. */
export function visibleQuestions(schema: TaskSchema, answers: AnswerSet): Question[] {
  return schema.questions.filter((q) => isVisible(q, answers));
}

/** One question's widget, typed by its question: the registry links each type to the widget for its answers. */
function QuestionWidget({ question, ...props }: Omit<WidgetProps<Question['type']>, 'question' | 'value' | 'onChange'> & { question: Question; value: unknown; onChange: (v: unknown) => void }) {
  const { Component } = widgetFor(question) as unknown as { Component: (p: Record<string, unknown>) => React.ReactNode };
  return <Component question={question} {...props} />;
}

export function AnswerForm({ schema, item, answers, onChange, activeIndex, onActivate, errors, idPrefix = 'q' }: AnswerFormProps) {
  const visible = visibleQuestions(schema, answers);
  const showActive = visible.length > 1;
  return (
    <div className="answer-form">
      {visible.map((q, index) => {
        const id = `${idPrefix}-${q.id}`;
        const error = errors?.[q.id];
        const active = index === activeIndex;
        return (
          <section
            key={q.id}
            className={`question ${active ? 'active' : ''} ${error ? 'has-error' : ''}`}
            aria-labelledby={`${id}-prompt`}
            aria-describedby={error ? `${id}-error` : undefined}
            aria-current={active && showActive ? 'step' : undefined}
            data-question={q.id}
            onFocusCapture={() => !active && onActivate(index)}
            onPointerDown={() => !active && onActivate(index)}
          >
            <header className="question-header">
              <h2 id={`${id}-prompt`} className="question-prompt">
                <span className="question-number">{index + 1}.</span> {q.prompt}
                {q.required && (
                  <>
                    <span className="required" aria-hidden="true">
                      *
                    </span>
                    <span className="visually-hidden"> (required)</span>
                  </>
                )}
              </h2>
              {active && showActive && (
                <span className="question-active-tag" aria-hidden="true">
                  ⌨ active
                </span>
              )}
            </header>
            {q.help && (
              <details className="question-help">
                <summary>Help</summary>
                <p>{q.help}</p>
              </details>
            )}
            <QuestionWidget
              question={q}
              item={item}
              value={answers[q.id]}
              onChange={(v) => {
                const next = { ...answers };
                if (v === undefined) delete next[q.id];
                else next[q.id] = v;
                onChange(next);
              }}
              active={active}
              idPrefix={id}
            />
            {error && (
              <p className="field-error" role="alert" id={`${id}-error`}>
                {error}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
