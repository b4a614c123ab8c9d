/**
 * One line per answer, per question type, for the annotations table and the aggregate: what a manager scanning
 * twenty annotations needs to compare them at a glance (option labels, not values; span text, not offsets).
 */
import { pairwisePointLabel, ratingPointLabel, readFieldPath, type ItemData, type Question } from '../../../schema';
import { candidateName, readCandidates } from '../../annotate/widgets/ranking-candidates';
import type { QuestionAggregate } from './types';

const shorten = (s: string, max = 80) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

const optionLabel = (q: Extract<Question, { options: unknown }>, value: unknown) => q.options.find((o) => o.value === value)?.label ?? String(value);

function spanText(q: Extract<Question, { type: 'span' }>, item: ItemData, spans: { start: number; end: number; label: string }[]): string {
  if (spans.length === 0) return 'No spans';
  const found = readFieldPath(item, q.field);
  const text = found.found && typeof found.value === 'string' ? found.value : '';
  return spans
    .map((s) => {
      const label = q.labels.find((l) => l.value === s.label)?.label ?? s.label;
      return `${label} “${shorten(text.slice(s.start, s.end), 40)}”`;
    })
    .join('; ');
}

function rankingText(q: Extract<Question, { type: 'ranking' }>, item: ItemData, order: number[]): string {
  const candidates = readCandidates(item, q.field);
  return order.map((i) => (candidates?.[i] ? candidateName(candidates[i]) : `#${i + 1}`)).join(' › ');
}

const isSpanList = (v: unknown): v is { start: number; end: number; label: string }[] => Array.isArray(v) && v.every((s) => typeof s === 'object' && s !== null && 'start' in s);
const isIndexList = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');

/** An annotator's answer to `q`, in one line; `—` when not answered. */
export function summariseAnswer(q: Question, value: unknown, item: ItemData): string {
  if (value === undefined || value === null) return '—';
  switch (q.type) {
    case 'label':
      return optionLabel(q, value);
    case 'multi_label':
      return Array.isArray(value) && value.length > 0 ? value.map((v) => optionLabel(q, v)).join(', ') : 'None';
    case 'span':
      return isSpanList(value) ? spanText(q, item, value) : '—';
    case 'rating':
      return typeof value === 'number' ? (q.labels?.[String(value)] ? `${value} · ${ratingPointLabel(q, value)}` : String(value)) : '—';
    case 'pairwise':
      return typeof value === 'number' ? pairwisePointLabel(q, value) : '—';
    case 'ranking':
      return isIndexList(value) ? rankingText(q, item, value) : '—';
    case 'rubric': {
      const scores = (value as { scores?: Record<string, number> }).scores ?? {};
      return q.criteria.map((c) => `${c.label} ${scores[c.id] ?? '—'}`).join(' · ');
    }
    case 'text':
      return typeof value === 'string' ? shorten(value) || '(empty)' : '—';
    case 'conversation': {
      if (!Array.isArray(value) || value.length === 0) return '—';
      const first = value[0] as { role?: string; content?: string };
      return `${value.length} turn${value.length === 1 ? '' : 's'}: ${first.role ?? ''} “${shorten(first.content ?? '', 60)}”`;
    }
  }
}

const round = (x: number, digits = 2) => Number(x.toFixed(digits)).toString();

/** The aggregated answer of `q`, in one line. */
export function summariseAggregate(q: Question, a: QuestionAggregate, item: ItemData): string {
  const answer = a.answer;
  switch (q.type) {
    case 'rating': {
      if (typeof answer !== 'number') return '—';
      const point = Math.min(q.max, Math.max(q.min, q.min + Math.round((answer - q.min) / q.step) * q.step));
      return `${round(answer)} (≈ ${q.labels?.[String(point)] ? `${point} · ${ratingPointLabel(q, point)}` : point})`;
    }
    case 'pairwise': {
      const p = answer as { prefers?: string; strength?: number } | null;
      if (!p || typeof p.strength !== 'number') return '—';
      if (p.prefers === 'tie') return `Tie (strength ${round(p.strength)})`;
      return `${p.prefers === 'left' ? 'Left' : 'Right'} preferred, strength ${round(Math.abs(p.strength))} of ${q.scale.max}`;
    }
    case 'rubric': {
      const r = answer as { scores?: Record<string, number>; weightedScore?: number } | null;
      if (!r?.scores) return '—';
      const parts = q.criteria.map((c) => `${c.label} ${r.scores![c.id] === undefined ? '—' : round(r.scores![c.id]!)}`);
      return `${parts.join(' · ')} — overall ${Math.round((r.weightedScore ?? 0) * 100)}%`;
    }
    case 'span':
      return isSpanList(answer) ? spanText(q, item, answer) : '—';
    case 'text':
    case 'conversation':
      return 'No aggregate for free text';
    default:
      return summariseAnswer(q, answer, item);
  }
}

/** What a method name means, for the aggregate's tooltip and screen readers. */
export const METHOD_LABELS: Record<QuestionAggregate['method'], string> = {
  bayesian_dawid_skene: 'Bayesian Dawid–Skene',
  bayesian_dawid_skene_binary_relevance: 'Bayesian Dawid–Skene per option',
  dawid_skene: 'Dawid–Skene',
  dawid_skene_binary_relevance: 'Dawid–Skene per option',
  gaussian_annotators: 'Gaussian annotators',
  mean: 'Mean',
  borda: 'Borda count',
  span_consensus: 'Character majority',
  mean_per_criterion: 'Mean per criterion',
  none: '—',
};

/** What the confidence figure is, per method (they are not all probabilities). */
export const CONFIDENCE_MEANING: Record<QuestionAggregate['method'], string> = {
  bayesian_dawid_skene: 'Probability that the chosen option is right',
  bayesian_dawid_skene_binary_relevance: 'Probability that the whole set of options is right',
  dawid_skene: 'Posterior probability of the chosen option',
  dawid_skene_binary_relevance: 'Probability that the whole set of options is right',
  gaussian_annotators: 'Probability that the true value rounds to the same point',
  mean: 'Probability that the true value rounds to the same point',
  borda: 'Agreement among annotators (Kendall’s W)',
  span_consensus: 'Agreement with the consensus over marked characters',
  mean_per_criterion: 'Weakest criterion: probability it rounds to the same score',
  none: '',
};
