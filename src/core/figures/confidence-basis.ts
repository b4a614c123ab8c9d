/**
 * What an aggregate's confidence rests on, and the one sentence that says so wherever a confidence is shown (console,
 * API consumers, report, CLI): "calibrated on 31 gold items" or "model-based, not calibrated". The engine decides the
 * basis (`quality/aggregate/calibrated.ts`: calibrated from `MIN_CALIBRATION_GOLD` judged gold items).
 */

/**
 * Judged gold items from which confidences are calibrated (the quality engine's `MIN_CALIBRATION_GOLD`, whose comment
 * justifies it); said in the console and the report when there are fewer.
 */
export const MIN_CALIBRATION_GOLD = 80;

export interface ConfidenceBasisView {
  readonly kind: 'calibrated' | 'model';
  /** Judged gold items behind the calibration (calibrated), or those there were, too few to calibrate (model). */
  readonly nGold: number;
}

/** The basis in words. */
export function basisInWords(b: ConfidenceBasisView): string {
  return b.kind === 'calibrated' ? `calibrated on ${b.nGold.toLocaleString('en')} gold item${b.nGold === 1 ? '' : 's'}` : 'model-based, not calibrated';
}

/** Why a model-based basis with some gold is not calibrated: "12 judged gold items; calibration needs at least 80". */
export function tooFewGoldInWords(nGold: number): string {
  return `${nGold.toLocaleString('en')} judged gold item${nGold === 1 ? '' : 's'}; calibration needs at least ${MIN_CALIBRATION_GOLD}`;
}

/** The least confident question's basis among aggregates (the item's confidence is its least confident question's). */
export function itemBasis<A extends { confidence: number | null; basis?: ConfidenceBasisView | undefined }>(aggregates: readonly A[]): ConfidenceBasisView | null {
  let best: A | null = null;
  for (const a of aggregates) if (a.confidence !== null && (best === null || a.confidence < best.confidence!)) best = a;
  return best?.basis ?? null;
}
