/**
 * Pure text geometry for the span widget. Offsets are UTF-16 code units into the raw field string (what the
 * server validates); the caret moves by grapheme (an emoji with a skin tone is one step, never split) and by
 * word with Intl.Segmenter.
 */
import type { Span } from '../../../schema';

export interface TextRange {
  start: number;
  end: number;
}

/** Every offset a caret may rest at: 0, each grapheme boundary, the text's length. */
export function graphemeBoundaries(text: string): number[] {
  const bounds = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.index);
  bounds.push(text.length);
  return bounds;
}

/** The largest boundary at or before `offset` (a mouse offset inside a grapheme snaps to its start). */
export function snapToBoundary(bounds: number[], offset: number): number {
  let snapped = 0;
  for (const b of bounds) {
    if (b > offset) break;
    snapped = b;
  }
  return snapped;
}

export function nextBoundary(bounds: number[], offset: number): number {
  return bounds.find((b) => b > offset) ?? offset;
}

export function previousBoundary(bounds: number[], offset: number): number {
  return bounds.findLast((b) => b < offset) ?? offset;
}

function words(text: string): TextRange[] {
  return [...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)]
    .filter((s) => s.isWordLike)
    .map((s) => ({ start: s.index, end: s.index + s.segment.length }));
}

/** Ctrl+→: the end of the word the caret is in, or of the next one. */
export function wordEndAfter(text: string, offset: number): number {
  return words(text).find((w) => w.end > offset)?.end ?? text.length;
}

/** Ctrl+←: the start of the word the caret is in, or of the previous one. */
export function wordStartBefore(text: string, offset: number): number {
  return words(text).findLast((w) => w.start < offset)?.start ?? 0;
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function lineEnd(text: string, offset: number): number {
  const next = text.indexOf('\n', offset);
  return next < 0 ? text.length : next;
}

/** The range without leading and trailing whitespace (a double-click often takes the space after a word). */
export function trimRange(text: string, range: TextRange): TextRange | undefined {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return start < end ? { start, end } : undefined;
}

/**
 * A mouse selection widened to whole words, as annotators expect from a drag that starts or ends mid-word
 * ("Usually ye" becomes "Usually yes", "caffein" becomes "caffeine"). An end strictly inside a word moves out to
 * that word's edge; words are Intl.Segmenter's (Unicode word boundaries, UAX #29), so "don't", "It’s" and "3.5"
 * are one word each, a combining accent stays with its letter, and CJK text splits by the segmenter's dictionary.
 * Punctuation and emoji the selection reaches are kept (they are not inside a word); whitespace at either end is
 * trimmed. A collapsed selection (a click) is returned as it is.
 */
export function snapToWords(text: string, range: TextRange): TextRange {
  const [from, to] = [Math.min(range.start, range.end), Math.max(range.start, range.end)];
  if (from === to) return { start: from, end: to };
  let [start, end] = [from, to];
  for (const w of words(text)) {
    if (w.start < start && start < w.end) start = w.start;
    if (w.start < end && end < w.end) end = w.end;
  }
  return trimRange(text, { start, end }) ?? { start: from, end: to };
}

export function overlaps(a: TextRange, b: TextRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A run of text covered by the same spans (indices into `spans`). */
export interface Segment extends TextRange {
  covering: number[];
}

/** The text cut at every span boundary and at `cuts` (caret, selection ends), each piece with the spans over it. */
export function segmentText(length: number, spans: readonly TextRange[], cuts: number[] = []): Segment[] {
  const points = new Set([0, length, ...cuts.filter((c) => c >= 0 && c <= length)]);
  for (const s of spans) points.add(s.start).add(s.end);
  const sorted = [...points].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [start, end] = [sorted[i] as number, sorted[i + 1] as number];
    const covering = spans.flatMap((s, j) => (s.start < end && start < s.end ? [j] : []));
    segments.push({ start, end, covering });
  }
  return segments;
}

/**
 * A lane (0, 1, …) per span such that spans sharing characters never share a lane: each span's underline sits at
 * the same height along its whole length, so nested and crossing spans read as separate bars.
 */
export function assignLanes(spans: readonly TextRange[]): number[] {
  const order = spans.map((_, i) => i).sort((a, b) => (spans[a] as TextRange).start - (spans[b] as TextRange).start || (spans[b] as TextRange).end - (spans[a] as TextRange).end);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(spans.length).fill(0);
  for (const i of order) {
    const span = spans[i] as TextRange;
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = span.end;
    lanes[i] = lane;
  }
  return lanes;
}

/** The span Delete removes: one matching the selection exactly, else the innermost span at (or ending at) the caret. */
export function spanToDelete(spans: readonly Span[], selection: TextRange): number | undefined {
  const exact = spans.findIndex((s) => s.start === selection.start && s.end === selection.end);
  if (exact >= 0 && selection.start < selection.end) return exact;
  const caret = selection.end;
  const candidates = spans.flatMap((s, i) => (s.start <= caret && caret <= s.end ? [i] : []));
  if (candidates.length === 0) return undefined;
  return candidates.reduce((best, i) => {
    const [a, b] = [spans[i] as Span, spans[best] as Span];
    return a.end - a.start < b.end - b.start ? i : best;
  });
}

/** Spans in the order the server normalises them to: by start, then end, then label order. */
export function sortSpans(spans: Span[], labelOrder: string[]): Span[] {
  return [...spans].sort((a, b) => a.start - b.start || a.end - b.end || labelOrder.indexOf(a.label) - labelOrder.indexOf(b.label));
}
