/**
 * `span` questions: consensus spans by character-level majority (`aggregateSpans` in `quality/aggregate/spans.ts`),
 * one label at a time. Every annotation that answered the question votes on every character, an empty answer
 * voting "nothing here". An item's text length is not needed: characters past the last marked one get no votes.
 *
 * Confidence is the annotators' agreement with the consensus over the characters anyone marked: for each label and
 * such character, the share of annotators on the consensus side, max(share, 1 − share), averaged over those
 * (character, label) pairs. 1 when everyone marked the same (or nothing at all).
 */
import type { Span, SpanQuestion } from '../../core/schema/index.js';
import { aggregateSpans, type ConsensusSpan } from '../../quality/aggregate/spans.js';
import type { QuestionAggregate } from './result-types.js';

const isSpanList = (v: unknown): v is Span[] =>
  Array.isArray(v) &&
  v.every(
    (s) =>
      s !== null &&
      typeof s === 'object' &&
      Number.isInteger((s as Span).start) &&
      Number.isInteger((s as Span).end) &&
      (s as Span).start >= 0 &&
      (s as Span).end >= (s as Span).start &&
      typeof (s as Span).label === 'string',
  );

interface ItemJudgments {
  spans: Span[][];
}

/** Votes per character for one label: how many judgments cover it (a judgment's overlapping spans count once). */
function coverage(judgments: readonly Span[][], label: string, length: number): Int32Array {
  const votes = new Int32Array(length);
  for (const spans of judgments) {
    const mine = new Uint8Array(length);
    for (const s of spans) if (s.label === label) mine.fill(1, s.start, s.end);
    for (let c = 0; c < length; c++) votes[c]! += mine[c]!;
  }
  return votes;
}

export function aggregateSpanQuestion(q: SpanQuestion, answers: readonly { itemId: string; annotatorId: string; value: unknown }[]): Map<string, QuestionAggregate> {
  const byItem = new Map<string, ItemJudgments>();
  for (const a of answers) {
    if (!isSpanList(a.value)) continue;
    const entry = byItem.get(a.itemId) ?? { spans: [] };
    entry.spans.push(a.value);
    byItem.set(a.itemId, entry);
  }
  const itemIds = [...byItem.keys()];
  const lengths = itemIds.map((id) => Math.max(0, ...byItem.get(id)!.spans.flat().map((s) => s.end)));
  const labels = [...new Set([...q.labels.map((l) => l.value), ...[...byItem.values()].flatMap((e) => e.spans.flat().map((s) => s.label))])];

  const consensus: (ConsensusSpan & { label: string })[] = [];
  for (const label of labels) {
    const judgmentItem: number[] = [];
    const judgmentWorker: number[] = [];
    const spanJudgment: number[] = [];
    const spanStart: number[] = [];
    const spanEnd: number[] = [];
    itemIds.forEach((id, i) => {
      for (const spans of byItem.get(id)!.spans) {
        const j = judgmentItem.length;
        judgmentItem.push(i);
        judgmentWorker.push(0);
        for (const s of spans) {
          if (s.label !== label) continue;
          spanJudgment.push(j);
          spanStart.push(s.start);
          spanEnd.push(s.end);
        }
      }
    });
    const found = aggregateSpans({
      judgmentItem: Int32Array.from(judgmentItem),
      judgmentWorker: Int32Array.from(judgmentWorker),
      spanJudgment: Int32Array.from(spanJudgment),
      spanStart: Int32Array.from(spanStart),
      spanEnd: Int32Array.from(spanEnd),
      textLength: Int32Array.from(lengths),
      nWorkers: 1,
    });
    for (const s of found) consensus.push({ ...s, label });
  }

  const out = new Map<string, QuestionAggregate>();
  itemIds.forEach((itemId, i) => {
    const judgments = byItem.get(itemId)!.spans;
    let agree = 0;
    let marked = 0;
    for (const label of labels) {
      const votes = coverage(judgments, label, lengths[i]!);
      for (const v of votes) {
        if (v === 0) continue;
        const share = v / judgments.length;
        agree += Math.max(share, 1 - share);
        marked++;
      }
    }
    out.set(itemId, {
      questionId: q.id,
      type: 'span',
      method: 'span_consensus',
      n: judgments.length,
      answer: consensus
        .filter((s) => s.item === i)
        .sort((a, b) => a.start - b.start || a.end - b.end)
        .map((s) => ({ start: s.start, end: s.end, label: s.label, support: s.support })),
      confidence: marked === 0 ? 1 : agree / marked,
    });
  });
  return out;
}
