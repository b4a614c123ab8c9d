/**
 * `span`: mark character ranges of a text with labels. Select with the mouse or the keyboard (see SpanText), then
 * press a label's number key, Enter (the current label) or click a label. Refuses what the server would refuse
 * (overlaps when not allowed, more than maxSpans, a repeat) with a message instead of a submit error later.
 */
import { useMemo, useState } from 'react';
import type { Span } from '../../../schema';
import type { Widget, WidgetProps } from './types';
import { useHotkeys } from '../../../components/useHotkeys';
import { MissingField, fieldText } from './ItemText';
import { keyRange } from './LabelWidget';
import { labelColors } from './span-colors';
import { SpanList, spanDescription } from './SpanList';
import { SpanText, type TextSelection } from './SpanText';
import { overlaps, sortSpans, spanToDelete, trimRange } from './span-text';
import '../widgets.css';

function SpanWidgetView({ question, item, value, onChange, active, idPrefix }: WidgetProps<'span'>) {
  const text = fieldText(item, question.field);
  const [selection, setSelection] = useState<TextSelection>({ anchor: 0, caret: 0 });
  const [current, setCurrent] = useState(0);
  const [message, setMessage] = useState('');
  const colors = useMemo(() => labelColors(question.labels), [question.labels]);
  const labelNames = useMemo(() => new Map(question.labels.map((l) => [l.value, l.label])), [question.labels]);
  const spans = useMemo(() => value ?? [], [value]);
  const order = question.labels.map((l) => l.value);

  const mark = (labelIndex: number) => {
    const label = question.labels[labelIndex];
    if (text === undefined || !label) return;
    const range = trimRange(text, { start: Math.min(selection.anchor, selection.caret), end: Math.max(selection.anchor, selection.caret) });
    if (!range) return setMessage('Select some text first: drag over it, or Shift+arrows in the text.');
    const span: Span = { ...range, label: label.value };
    if (spans.some((s) => s.start === span.start && s.end === span.end && s.label === span.label)) {
      return setMessage(`Already marked: ${spanDescription(text, span, labelNames)}.`);
    }
    if (question.maxSpans !== undefined && spans.length >= question.maxSpans) {
      return setMessage(`At most ${question.maxSpans} span(s): remove one first.`);
    }
    const clash = question.allowOverlap ? undefined : spans.find((s) => overlaps(s, span));
    if (clash) return setMessage(`Spans may not overlap here: this overlaps ${spanDescription(text, clash, labelNames)}.`);
    onChange(sortSpans([...spans, span], order));
    setSelection({ anchor: range.end, caret: range.end });
    setMessage(`Marked ${spanDescription(text, span, labelNames)}.`);
  };
  const remove = (index: number) => {
    const gone = spans[index];
    if (!gone || text === undefined) return;
    const next = spans.filter((_, i) => i !== index);
    // Removing the last span leaves the question unanswered; "no spans" is its own explicit choice.
    onChange(next.length > 0 ? next : undefined);
    setMessage(`Removed ${spanDescription(text, gone, labelNames)}.`);
  };
  const chooseLabel = (index: number) => {
    setCurrent(index);
    if (selection.anchor !== selection.caret) mark(index);
  };

  useHotkeys(Object.fromEntries(question.labels.slice(0, 9).map((_, i) => [String(i + 1), () => chooseLabel(i)])), active);

  if (text === undefined) return <MissingField field={question.field} />;
  const limit = question.maxSpans === undefined ? '' : ` (at most ${question.maxSpans})`;
  return (
    <div className="span-widget">
      <div className="span-labels" role="radiogroup" aria-label="Label for the selection">
        {question.labels.map((l, i) => (
          <button
            key={l.value}
            type="button"
            role="radio"
            aria-checked={i === current}
            className={`choice span-label-choice ${i === current ? 'current' : ''}`}
            style={{ ['--label-color' as string]: colors.get(l.value) }}
            onClick={() => chooseLabel(i)}
          >
            {i < 9 && <kbd aria-hidden="true">{i + 1}</kbd>}
            <span className="span-swatch" aria-hidden="true" />
            {l.label}
          </button>
        ))}
      </div>
      <p id={`${idPrefix}-keys`} className="muted small">
        Select text (drag: whole words; hold Alt while dragging for exact characters; or focus it and use Shift+arrows), then press a number or Enter to mark it with the label. Delete removes the span at the caret{limit}.
      </p>
      <SpanText
        text={text}
        spans={spans}
        colors={colors}
        labelNames={labelNames}
        selection={selection}
        onSelect={setSelection}
        onMark={() => mark(current)}
        onDelete={() => {
          const index = spanToDelete(spans, { start: Math.min(selection.anchor, selection.caret), end: Math.max(selection.anchor, selection.caret) });
          if (index === undefined) setMessage('No span at the caret.');
          else remove(index);
        }}
        id={`${idPrefix}-text`}
        labelledBy={`${idPrefix}-prompt`}
        describedBy={`${idPrefix}-keys`}
      />
      <p className="widget-message" role="status">
        {message}
      </p>
      <h3 className="visually-hidden" id={`${idPrefix}-spans`}>
        Marked spans
      </h3>
      <SpanList text={text} spans={spans} colors={colors} labelNames={labelNames} onRemove={remove} onSelect={(s) => {
          setSelection({ anchor: s.start, caret: s.end });
          document.getElementById(`${idPrefix}-text`)?.focus();
        }} labelledBy={`${idPrefix}-spans`} />
      {question.minSpans === 0 && (
        <button type="button" className={`btn small ${value?.length === 0 ? 'primary' : ''}`} aria-pressed={value?.length === 0} disabled={spans.length > 0} onClick={() => onChange(value?.length === 0 ? undefined : [])}>
          Nothing to mark
        </button>
      )}
    </div>
  );
}

export const SpanWidget: Widget<'span'> = {
  Component: SpanWidgetView,
  shortcuts: (q) => [
    { keys: `1–${Math.min(9, q.labels.length)}`, does: 'Choose a label; marks the selection if there is one' },
    { keys: '← → / Ctrl+← →', does: 'Move the caret by character / word (in the text)' },
    { keys: 'Shift+← →, Home, End', does: 'Extend the selection (in the text)' },
    { keys: 'Enter', does: 'Mark the selection with the current label' },
    { keys: 'Delete', does: 'Remove the span at the caret' },
    { keys: 'Esc', does: 'Clear the selection' },
  ],
  hint: (q) => `drag over words (hold Alt for exact characters) · ${keyRange(q.labels.length)} label it · Alt+↓ when done`,
};
