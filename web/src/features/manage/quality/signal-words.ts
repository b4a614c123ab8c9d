/**
 * The effort and fraud signals in words: each kind's short name (the badge) and the thresholds in force as sentences
 * (both from `src/core/figures/signal-words.ts`, shared with the HTML report), and a row's counts ("3 of 40 flagged", "Too fast 2 · Pasted 1").
 */
import { SIGNAL_KIND_LABELS, SIGNAL_KIND_NAMES } from '@core/figures/signal-words';
import type { SignalCounts, SignalKind } from './types';

export { SIGNAL_KIND_LABELS, signalPolicySentences } from '@core/figures/signal-words';
export const SIGNAL_KINDS: readonly SignalKind[] = SIGNAL_KIND_NAMES;

/** The URL parameters of the signals card's filters, which the annotator table's flag counts set. */
export const FLAG_PARAMS = { kind: 'flagKind', annotator: 'flagAnnotator' } as const;
/** The signals card's element id, the target of those links. */
export const SIGNALS_CARD_ID = 'signals';

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
