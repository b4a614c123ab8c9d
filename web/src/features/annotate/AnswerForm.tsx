/**
 * The questions of a schema for one item, as the annotator sees them: each visible question as a card with its
 * prompt, required mark, help on demand, widget and error, in schema order. Used by the workspace and by the
 * schema builder's live preview, so the preview is exactly what the annotator will see. Controlled: `answers` in,
 * `onChange` out. The active question (by index among visible questions) owns the plain-key shortcuts and is
 * marked; clicking or focusing a question makes it active. With `keyHints` (the workspace), the active question
 * also carries a one-line hint of its keys, which turns into the typing rule while a text box has the focus, and
 * Esc in a text box leaves it for the question, so the shortcuts work again.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { AnswerSet, ItemData, Question, TaskSchema } from '../../schema';
import { isVisible } from '../../schema';
import { isTypingTarget } from '../../components/useHotkeys';
import { widgetFor } from './widgets/registry';
import type { Widget, WidgetProps } from './widgets/types';
import { WORKSPACE_KEYS } from './workspace/keymap';
import './widgets.css';

/** What changed with an `onChange`: which question, and whether it was a final pick (number key or click). */
export interface AnswerChange {
  questionId: string;
  chosen: boolean;
}

export interface AnswerFormProps {
  schema: TaskSchema;
  item: ItemData;
  answers: AnswerSet;
  onChange: (answers: AnswerSet, change?: AnswerChange) => void;
  /** Index into `visibleQuestions(schema, answers)` of the question that has the keyboard. */
  activeIndex: number;
  onActivate: (index: number) => void;
  /** Error messages per question id (from client-side or server validation). */
  errors?: Record<string, string>;
  /** Prefix for element ids, so two forms can share a page (preview beside the builder). */
  idPrefix?: string;
  /** Show the active question's keys under it and let Esc leave a text box (the annotator's workspace). */
  keyHints?: boolean;
}

/** Questions shown for these answers: a question hidden by `visibleWhen` is neither shown nor submitted. */
export function visibleQuestions(schema: TaskSchema, answers: AnswerSet): Question[] {
  return schema.questions.filter((q) => isVisible(q, answers));
}

/** One question's widget, typed by its question: the registry links each type to the widget for its answers. */
function QuestionWidget({ question, ...props }: Omit<WidgetProps<Question['type']>, 'question' | 'value' | 'onChange'> & { question: Question; value: unknown; onChange: (v: unknown, chosen?: boolean) => void }) {
  const { Component } = widgetFor(question) as unknown as { Component: (p: Record<string, unknown>) => React.ReactNode };
  return <Component question={question} {...props} />;
}

/** The question's keys and the workspace's, as one line: `1–3 choose · Alt+↓ next question · Ctrl+Enter submit · ? all keys`. */
export function keyHintOf(question: Question, { last }: { last: boolean }): string {
  const own = (widgetFor(question) as unknown as Widget<Question['type']>).hint(question as never);
  const next = last ? `${WORKSPACE_KEYS.nextQuestion.keys} to Submit` : `${WORKSPACE_KEYS.nextQuestion.keys} next question`;
  // "Alt+↓ when done" in a widget's own hint already says how to move on.
  const parts = own.includes(WORKSPACE_KEYS.nextQuestion.keys) ? [own] : [own, next];
  return [...parts, `${WORKSPACE_KEYS.submit.keys} submit`, '? all keys'].join(' · ');
}

/** The rule while a text box has the focus. */
export const TYPING_HINT = `Typing here: every key types, shortcuts pause · Esc leaves the box to use shortcuts · ${WORKSPACE_KEYS.submit.keys} submit`;

export function AnswerForm({ schema, item, answers, onChange, activeIndex, onActivate, errors, idPrefix = 'q', keyHints = false }: AnswerFormProps) {
  const visible = visibleQuestions(schema, answers);
  const showActive = visible.length > 1;
  /** The question whose text box has the focus. */
  const [typingIn, setTypingIn] = useState<string | null>(null);
  /**
   * A mouse button is down in the form. The marker, the key hint and the typing rule then wait for its release:
   * changing the page under a pressed button would end a text selection (a span drag) as it starts.
   */
  const pressed = useRef(false);
  const onPressed = (e: PointerEvent<HTMLDivElement>) => {
    const at = e.target instanceof Element ? e.target.closest<HTMLElement>('section.question') : null;
    const index = visible.findIndex((q) => q.id === at?.dataset.question);
    pressed.current = true;
    const release = () => {
      pressed.current = false;
      window.removeEventListener('pointerup', release, true);
      window.removeEventListener('pointercancel', release, true);
      const focused = document.activeElement;
      setTypingIn(index >= 0 && isTypingTarget(focused) && at?.contains(focused) ? (visible[index] as Question).id : null);
      if (index >= 0) onActivate(index);
    };
    window.addEventListener('pointerup', release, true);
    window.addEventListener('pointercancel', release, true);
  };
  const leaveTextBox = (e: KeyboardEvent<HTMLElement>) => {
    if (!keyHints || e.key !== 'Escape' || e.nativeEvent.isComposing || !isTypingTarget(e.target)) return;
    e.preventDefault();
    e.stopPropagation();
    // The question itself takes the focus, focusable only for this (a tabindex on it would be a stop for clicks).
    const section = e.currentTarget;
    section.tabIndex = -1;
    section.addEventListener('blur', () => section.removeAttribute('tabindex'), { once: true });
    section.focus();
  };
  return (
    <div className="answer-form" onPointerDownCapture={onPressed}>
      {visible.map((q, index) => {
        const id = `${idPrefix}-${q.id}`;
        const error = errors?.[q.id];
        const active = index === activeIndex;
        const typing = typingIn === q.id;
        return (
          <section
            key={q.id}
            className={`question ${active ? 'active' : ''} ${error ? 'has-error' : ''} ${typing ? 'typing' : ''}`}
            aria-labelledby={`${id}-prompt`}
            aria-describedby={error ? `${id}-error` : undefined}
            aria-current={active && showActive ? 'step' : undefined}
            data-question={q.id}
            onFocusCapture={(e) => {
              if (pressed.current) return;
              setTypingIn(isTypingTarget(e.target) ? q.id : null);
              if (!active) onActivate(index);
            }}
            onBlurCapture={() => !pressed.current && setTypingIn(null)}
            onKeyDown={leaveTextBox}
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
              {active && (showActive || keyHints) && (
                <span className="question-active-tag" aria-hidden="true">
                  {typing ? '⌨ Typing here' : '⌨ Keys act here'}
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
              onChange={(v, chosen) => {
                const next = { ...answers };
                if (v === undefined) delete next[q.id];
                else next[q.id] = v;
                onChange(next, { questionId: q.id, chosen: chosen === true && v !== undefined });
              }}
              active={active}
              idPrefix={id}
            />
            {error && (
              <p className="field-error" role="alert" id={`${id}-error`}>
                {error}
              </p>
            )}
            {keyHints && (active || typing) && (
              <p className={`question-keys ${typing ? 'typing' : ''}`} id={`${id}-keys`}>
                {typing ? TYPING_HINT : keyHintOf(q, { last: index === visible.length - 1 })}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
