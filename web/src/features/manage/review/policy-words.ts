/** The review policy in one sentence: which annotations a reviewer will be handed. */
import { count } from '../settings/numbers';
import type { ReviewPolicy } from './queries';

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** "a, b and c" */
function listOf(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function reviewPolicySentence(p: ReviewPolicy): string {
  const rules: string[] = [];
  if (p.firstN > 0) rules.push(`each annotator's first ${p.firstN === 1 ? 'annotation' : count(p.firstN, 'annotation')}`);
  if (p.sampleRate > 0) rules.push(p.sampleRate >= 1 ? 'every annotation' : `a random ${pct(p.sampleRate)} of all annotations`);
  if (p.flagged) rules.push('every annotation of a flagged item');
  if (p.lowConfidence !== null) rules.push(`every annotation of an item whose aggregated answer is less than ${pct(p.lowConfidence)} confident`);
  if (rules.length === 0) return 'Nothing goes to review: turn on at least one rule below.';
  const gold = p.gold
    ? ' Gold items are among them, shown with their gold answers.'
    : p.gold === false
      ? ' Gold items stay out of review, so no reviewer learns which items are gold.'
      : '';
  return `Reviewers are handed ${listOf(rules)}, never their own work.${gold}`;
}
