/**
 * The text of a span question, rendered raw (whitespace kept) so offsets are exact, cut into segments at every
 * span boundary: a character under several spans shows every one of them as a tint plus an underline in its own
 * lane. Focusable: the caret moves with the arrows (by grapheme; Ctrl by word), Shift extends the selection, and
 * a mouse selection becomes the same selection, widened to whole words unless Alt was held while selecting.
 */
import { useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent, type MouseEvent, type Ref } from 'react';
import type { Span } from '../../../schema';
import { tint } from './span-colors';
import {
  assignLanes,
  graphemeBoundaries,
  lineEnd,
  lineStart,
  nextBoundary,
  previousBoundary,
  segmentText,
  snapToBoundary,
  snapToWords,
  wordEndAfter,
  wordStartBefore,
  type Segment,
} from './span-text';
import '../widgets.css';

/** The anchor stays put while Shift+arrows move the caret; the selection is the range between them. */
export interface TextSelection {
  anchor: number;
  caret: number;
}

export interface SpanTextProps {
  text: string;
  spans: Span[];
  colors: Map<string, string>;
  labelNames: Map<string, string>;
  selection: TextSelection;
  onSelect: (selection: TextSelection) => void;
  /** Enter: mark the selection with the current label. */
  onMark: () => void;
  /** Delete / Backspace: remove the span at the caret. */
  onDelete: () => void;
  /** Element id, so the span list can return the focus to the text. */
  id: string;
  labelledBy: string;
  describedBy: string;
}

const LANE = 4; // px per underline lane

function segmentStyle(segment: Segment, spans: Span[], lanes: number[], colors: Map<string, string>): CSSProperties | undefined {
  if (segment.covering.length === 0) return undefined;
  const layers: string[] = [];
  const positions: string[] = [];
  const sizes: string[] = [];
  for (const i of segment.covering) {
    const color = colors.get((spans[i] as Span).label) ?? '#888';
    layers.push(`linear-gradient(${color}, ${color})`);
    positions.push(`0 calc(100% - ${(lanes[i] as number) * LANE}px)`);
    sizes.push('100% 3px');
  }
  // Tints stack: a character under two spans is visibly darker than one under one.
  for (const i of segment.covering) {
    const color = tint(colors.get((spans[i] as Span).label) ?? '#888888', 0.16);
    layers.push(`linear-gradient(${color}, ${color})`);
    positions.push('0 0');
    sizes.push('100% 100%');
  }
  const deepest = Math.max(...segment.covering.map((i) => lanes[i] as number));
  return {
    backgroundImage: layers.join(', '),
    backgroundPosition: positions.join(', '),
    backgroundSize: sizes.join(', '),
    backgroundRepeat: 'no-repeat',
    paddingBottom: `${(deepest + 1) * LANE}px`,
  };
}

/** The text offset of a DOM selection point inside the rendered segments. */
function offsetOf(node: Node | null, nodeOffset: number, root: HTMLElement): number | undefined {
  if (!node || !root.contains(node)) return undefined;
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const segment = element?.closest<HTMLElement>('[data-start]');
  if (segment) return Number(segment.dataset.start) + (node.nodeType === Node.TEXT_NODE ? nodeOffset : nodeOffset > 0 ? (segment.textContent?.length ?? 0) : 0);
  // A point between segments (on the root, or in a caret mark): the start of the next segment, or the end.
  const after = element === root ? [...root.children].slice(nodeOffset) : [...root.children].slice([...root.children].indexOf(element as Element) + 1);
  const next = after.find((n): n is HTMLElement => n instanceof HTMLElement && n.dataset.start !== undefined);
  return next ? Number(next.dataset.start) : Number(root.dataset.length);
}

export function SpanText({ text, spans, colors, labelNames, selection, onSelect, onMark, onDelete, id, labelledBy, describedBy }: SpanTextProps) {
  const root = useRef<HTMLDivElement>(null);
  const caretRef = useRef<HTMLSpanElement>(null);
  /** Alt held when the drag began (some systems report it only then). */
  const altAtStart = useRef(false);
  const bounds = useMemo(() => graphemeBoundaries(text), [text]);
  const lanes = useMemo(() => assignLanes(spans), [spans]);
  const laneCount = lanes.length === 0 ? 0 : Math.max(...lanes) + 1;
  const { anchor, caret } = selection;
  const [from, to] = [Math.min(anchor, caret), Math.max(anchor, caret)];
  const segments = segmentText(text.length, spans, [anchor, caret]);

  // Keep the caret in view as it moves. Focus itself changes nothing on the page (the focus look is CSS's
  // :focus): a re-render while the click that focused the text is still down ends the browser's selection, and
  // the drag would select nothing.
  useEffect(() => {
    if (root.current !== null && root.current === document.activeElement) caretRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [caret]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const word = e.ctrlKey || e.altKey;
    let target: number | undefined;
    if (e.key === 'ArrowLeft') target = word ? wordStartBefore(text, caret) : !e.shiftKey && from < to ? from : previousBoundary(bounds, caret);
    else if (e.key === 'ArrowRight') target = word ? wordEndAfter(text, caret) : !e.shiftKey && from < to ? to : nextBoundary(bounds, caret);
    else if (e.key === 'Home') target = e.ctrlKey ? 0 : lineStart(text, caret);
    else if (e.key === 'End') target = e.ctrlKey ? text.length : lineEnd(text, caret);
    if (target !== undefined) {
      e.preventDefault();
      onSelect({ anchor: e.shiftKey ? anchor : target, caret: target });
      return;
    }
    if (e.key === 'a' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSelect({ anchor: 0, caret: text.length });
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      onMark();
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      onDelete();
    } else if (e.key === 'Escape' && from < to) {
      e.preventDefault();
      onSelect({ anchor: caret, caret });
    }
  };

  const onMouseUp = (e: MouseEvent<HTMLDivElement>) => {
    const exact = e.altKey || altAtStart.current;
    altAtStart.current = false;
    const sel = window.getSelection();
    const el = root.current;
    if (!sel || sel.rangeCount === 0 || !el) return;
    const a = offsetOf(sel.anchorNode, sel.anchorOffset, el);
    const c = offsetOf(sel.focusNode, sel.focusOffset, el);
    if (a === undefined || c === undefined) return;
    // Our own highlight replaces the browser's, which would not survive the re-render into new segments.
    sel.removeAllRanges();
    const [anchorAt, caretAt] = [snapToBoundary(bounds, a), snapToBoundary(bounds, c)];
    if (exact || anchorAt === caretAt) return onSelect({ anchor: anchorAt, caret: caretAt });
    const words = snapToWords(text, { start: anchorAt, end: caretAt });
    onSelect(anchorAt < caretAt ? { anchor: words.start, caret: words.end } : { anchor: words.end, caret: words.start });
  };

  return (
    <div
      ref={root}
      id={id}
      className="span-text"
      role="textbox"
      aria-readonly="true"
      aria-multiline="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      tabIndex={0}
      data-length={text.length}
      style={{ lineHeight: `calc(1.7em + ${laneCount * LANE}px)` }}
      onKeyDown={onKeyDown}
      onMouseDown={(e) => (altAtStart.current = e.altKey)}
      onMouseUp={onMouseUp}
    >
      {segments.map((segment) => (
        <SegmentView
          key={segment.start}
          segment={segment}
          text={text}
          title={segment.covering.map((i) => labelNames.get((spans[i] as Span).label)).join(' + ') || undefined}
          style={segmentStyle(segment, spans, lanes, colors)}
          selected={segment.start >= from && segment.end <= to && from < to}
          caretBefore={segment.start === caret ? caretRef : undefined}
        />
      ))}
      {caret === text.length && <span ref={caretRef} className="span-caret" aria-hidden="true" />}
    </div>
  );
}

function SegmentView({ segment, text, title, style, selected, caretBefore }: { segment: Segment; text: string; title?: string; style?: CSSProperties; selected: boolean; caretBefore?: Ref<HTMLSpanElement> }) {
  return (
    <>
      {caretBefore && <span ref={caretBefore} className="span-caret" aria-hidden="true" />}
      <span data-start={segment.start} className={`seg ${segment.covering.length > 0 ? 'marked' : ''} ${selected ? 'selected' : ''}`} title={title} style={style}>
        {text.slice(segment.start, segment.end)}
      </span>
    </>
  );
}
