/**
 * Span answers: character ranges over an item's text. Offsets are UTF-16 code units (JavaScript string indices,
 * what the browser's Selection API gives), `end` exclusive, so `text.slice(start, end)` is the marked text.
 */
import { answerError, findUnknownKey } from './answer-context.js';
import type { AnswerContext } from './answer-context.js';
import { isPlainObject, readFieldPath } from './field-path.js';
import { listValues, show } from './messages.js';
import type { Span, SpanQuestion } from './types.js';

/** Returns copies of the spans sorted by start, then end, then label order. */
export function checkSpanAnswer(question: SpanQuestion, value: unknown, context: AnswerContext): Span[] {
  const fail = (rule: string, ...at: (string | number)[]) => answerError(question, context, rule, ...at);
  if (!Array.isArray(value)) throw fail(`answer must be an array of {start, end, label} spans; got ${show(value)}`);
  const lookup = readFieldPath(context.data, question.field);
  const text = lookup.found && typeof lookup.value === 'string' ? lookup.value : '';
  const labelOrder = new Map(question.labels.map((l, i) => [l.value, i]));

  const spans = value.map((raw, i): Span => {
    if (!isPlainObject(raw)) throw fail(`answer[${i}] must be a {start, end, label} object; got ${show(raw)}`, i);
    const unknown = findUnknownKey(raw, ['start', 'end', 'label']);
    if (unknown !== undefined) throw fail(`answer[${i}] has unknown property "${unknown}"`, i, unknown);
    const { start, end, label } = raw;
    if (!Number.isInteger(start) || (start as number) < 0) {
      throw fail(`answer[${i}].start must be an integer >= 0; got ${show(start)}`, i, 'start');
    }
    if (!Number.isInteger(end)) throw fail(`answer[${i}].end must be an integer; got ${show(end)}`, i, 'end');
    const [s, e] = [start as number, end as number];
    if (s >= e) throw fail(`answer[${i}] must have start < end; got start ${s}, end ${e}`, i, 'end');
    if (e > text.length) {
      throw fail(`answer[${i}].end (${e}) is past the end of item field "${question.field}" (${text.length} characters)`, i, 'end');
    }
    for (const [name, offset] of [['start', s], ['end', e]] as const) {
      if (splitsSurrogatePair(text, offset)) {
        throw fail(`answer[${i}].${name} (${offset}) falls between the two halves of one character`, i, name);
      }
    }
    if (typeof label !== 'string' || !labelOrder.has(label)) {
      throw fail(`answer[${i}].label must be one of ${listValues([...labelOrder.keys()])}; got ${show(label)}`, i, 'label');
    }
    return { start: s, end: e, label };
  });

  if (spans.length < question.minSpans) throw fail(`mark at least ${question.minSpans} span(s); got ${spans.length}`);
  if (question.maxSpans !== undefined && spans.length > question.maxSpans) {
    throw fail(`mark at most ${question.maxSpans} span(s); got ${spans.length}`);
  }

  const order = spans.map((_, i) => i);
  const rank = (span: Span) => labelOrder.get(span.label) ?? 0;
  order.sort((a, b) => {
    const [x, y] = [spans[a] as Span, spans[b] as Span];
    return x.start - y.start || x.end - y.end || rank(x) - rank(y);
  });
  checkNoRepeatsOrOverlaps(question, spans, order, fail);
  return order.map((i) => ({ ...(spans[i] as Span) }));
}

/** Walks the spans in start order, keeping the one reaching furthest right; any later start before its end overlaps. */
function checkNoRepeatsOrOverlaps(
  question: SpanQuestion,
  spans: Span[],
  order: number[],
  fail: (rule: string, ...at: (string | number)[]) => Error,
): void {
  let furthest: number | undefined;
  let previous: number | undefined;
  for (const i of order) {
    const span = spans[i] as Span;
    if (previous !== undefined) {
      const prev = spans[previous] as Span;
      if (prev.start === span.start && prev.end === span.end && prev.label === span.label) {
        throw fail(`answer[${i}] repeats answer[${previous}]`, i);
      }
    }
    if (!question.allowOverlap && furthest !== undefined && span.start < (spans[furthest] as Span).end) {
      const other = spans[furthest] as Span;
      throw fail(
        `answer[${i}] [${span.start}, ${span.end}) overlaps answer[${furthest}] [${other.start}, ${other.end}), ` +
          'and this question does not allow overlapping spans',
        i,
      );
    }
    if (furthest === undefined || span.end > (spans[furthest] as Span).end) furthest = i;
    previous = i;
  }
}

/** Whether `offset` sits between a high and a low surrogate, i.e. inside one emoji or other astral character. */
function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
