/**
 * The effort and fraud signals in words: each kind's short name (the badge), the thresholds in force as sentences a
 * manager reads before changing them, and a row's counts ("3 of 40 flagged", "Too fast 2 · Pasted 1").
 */
import { count } from '../settings/numbers';
import type { SignalCounts, SignalKind, SignalPolicy } from './types';

export const SIGNAL_KIND_LABELS: Record<SignalKind, string> = {
  too_fast: 'Too fast',
  pasted: 'Pasted',
  near_duplicate: 'Near-duplicate',
  straight_lining: 'Straight-lining',
  gold_fail_streak: 'Gold misses in a row',
};
export const SIGNAL_KINDS = Object.keys(SIGNAL_KIND_LABELS) as SignalKind[];

/** The URL parameters of the signals card's filters, which the annotator table's flag counts set. */
export const FLAG_PARAMS = { kind: 'flagKind', annotator: 'flagAnnotator' } as const;
/** The signals card's element id, the target of those links. */
export const SIGNALS_CARD_ID = 'signals';

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

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

/** "3 of 40 flagged". */
export const flaggedOf = (c: Pick<SignalCounts, 'n' | 'flagged'>) => `${c.flagged.toLocaleString()} of ${c.n.toLocaleString()} flagged`;

/** The kinds that fired with their counts, in the kinds' order: "Too fast 2 · Pasted 1"; empty when none did. */
export function kindCounts(byKind: SignalCounts['byKind']): string {
  return SIGNAL_KINDS.filter((k) => byKind[k] > 0)
    .map((k) => `${SIGNAL_KIND_LABELS[k]} ${byKind[k].toLocaleString()}`)
    .join(' · ');
}

/** Counts summed over rows (a vendor's annotators, or every vendor for the whole project). */
export function sumCounts(rows: readonly SignalCounts[]): SignalCounts {
  const byKind = Object.fromEntries(SIGNAL_KINDS.map((k) => [k, 0])) as SignalCounts['byKind'];
  let n = 0;
  let flagged = 0;
  for (const r of rows) {
    n += r.n;
    flagged += r.flagged;
    for (const k of SIGNAL_KINDS) byKind[k] += r.byKind[k];
  }
  return { n, flagged, byKind };
}
