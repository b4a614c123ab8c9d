/** The marked spans under the text, in text order: label, the quoted text and a remove button each. */
import type { Span } from '../../../schema';
import '../widgets.css';

export interface SpanListProps {
  text: string;
  spans: Span[];
  colors: Map<string, string>;
  labelNames: Map<string, string>;
  onRemove: (index: number) => void;
  /** Select a span's text, so the keyboard can act on it. */
  onSelect: (span: Span) => void;
  labelledBy: string;
}

export function spanDescription(text: string, span: Span, labelNames: Map<string, string>): string {
  return `${labelNames.get(span.label) ?? span.label} “${text.slice(span.start, span.end)}”`;
}

export function SpanList({ text, spans, colors, labelNames, onRemove, onSelect, labelledBy }: SpanListProps) {
  if (spans.length === 0) return null;
  return (
    <ul className="span-list" aria-labelledby={labelledBy}>
      {spans.map((span, i) => (
        <li key={`${span.start}-${span.end}-${span.label}`}>
          <span className="span-swatch" style={{ background: colors.get(span.label) }} aria-hidden="true" />
          <span className="span-label">{labelNames.get(span.label) ?? span.label}</span>
          <button type="button" className="span-quote" onClick={() => onSelect(span)} aria-label={`Select ${spanDescription(text, span, labelNames)} in the text`}>
            “{text.slice(span.start, span.end)}”
          </button>
          <span className="muted small span-offsets">
            {span.start}–{span.end}
          </span>
          <button type="button" className="btn small ghost danger" aria-label={`Remove ${spanDescription(text, span, labelNames)}`} onClick={() => onRemove(i)}>
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}
