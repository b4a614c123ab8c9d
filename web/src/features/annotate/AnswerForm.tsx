/**
 * The questions of a schema for one item, as the annotator sees them: each visible question with its prompt,
 * help, required mark and widget, in schema order. Used by the workspace and by the schema builder's live
 * preview, so the preview is exactly what the annotator will see. Controlled: `answers` in, `onChange` out.
 * The active question (by index among visible questions) owns the plain-key shortcuts; clicking or focusing a
 * question makes it active.
 */
import type { AnswerSet, ItemData, Question, TaskSchema } from '../../schema';
import { isVisible } from '../../schema';
import { WIDGETS } from './widgets/registry';
import type { WidgetProps } from './widgets/types';

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

export function AnswerForm({ schema, item, answers, onChange, activeIndex, onActivate, errors, idPrefix = 'q' }: AnswerFormProps) {
  const visible = visibleQuestions(schema, answers);
  return (
    <div className="answer-form">
      {visible.map((q, index) => {
        const widget = WIDGETS[q.type] as { Component: (p: WidgetProps<typeof q.type>) => React.ReactNode } | undefined;
        const id = `${idPrefix}-${q.id}`;
        const error = errors?.[q.id];
        return (
          <section
            key={q.id}
            className={`question ${index === activeIndex ? 'active' : ''}`}
            aria-labelledby={`${id}-prompt`}
            onFocusCapture={() => index !== activeIndex && onActivate(index)}
            onPointerDown={() => index !== activeIndex && onActivate(index)}
          >
            <h2 id={`${id}-prompt`} className="question-prompt">
              <span className="question-number">{index + 1}.</span> {q.prompt}
              {q.required && <span className="required" aria-label="required">*</span>}
            </h2>
            {q.help && <p className="question-help">{q.help}</p>}
            {widget ? (
              <widget.Component
                question={q as never}
                item={item}
                value={answers[q.id] as never}
                onChange={(v: unknown) => {
                  const next = { ...answers };
                  if (v === undefined) delete next[q.id];
                  else next[q.id] = v;
                  onChange(next);
                }}
                active={index === activeIndex}
                idPrefix={id}
              />
            ) : (
              <p className="status error">No widget for question type “{q.type}”.</p>
            )}
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
