/**
 * The effort and fraud signals in words, shared by the console and the HTML report: each kind's short name (the
 * badge) and the thresholds in force as one sentence per kind.
 */

import { SIGNAL_KINDS, type SignalKind, type SignalPolicy } from '../signals.js';

export const SIGNAL_KIND_LABELS: Record<SignalKind, string> = {
  too_fast: 'Too fast',
  pasted: 'Pasted',
  near_duplicate: 'Near-duplicate',
  straight_lining: 'Straight-lining',
  gold_fail_streak: 'Gold misses in a row',
};
/** The kinds in the order the console and the report list them. */
export const SIGNAL_KIND_NAMES: readonly SignalKind[] = SIGNAL_KINDS;

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** One sentence per kind: when it fires, with the project's thresholds. */
export function signalPolicySentences(p: SignalPolicy): Record<SignalKind, string> {
  return {
    too_fast: `Under ${pct(p.tooFastRatio)} of the item's median time (from at least ${count(p.tooFastMinOthers, 'other annotation')}, else the project's median) and of the annotator's own median.`,
    pasted: `${pct(p.pastedShare)} or more of the free-text answers pasted in.`,
    near_duplicate: `Free text of ${count(p.duplicateMinWords, 'word')} or more, at least ${pct(p.duplicateJaccard)} similar to another annotator's (estimated Jaccard similarity of word 3-grams).`,
    straight_lining: `One answer to a label question in ${pct(p.straightShare)} or more of at least ${count(p.straightMinN, 'answer')}, far above the other annotators' share (one-sided binomial p under ${p.straightAlpha}).`,
    gold_fail_streak:
      p.goldFailStreak === null
        ? "As many gold items missed in a row as the quality gate's streak (off when the gate's is 0)."
        : p.goldFailStreak === 0
          ? 'Off.'
          : `${count(p.goldFailStreak, 'gold item')} or more missed in a row.`,
  };
}
