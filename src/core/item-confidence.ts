/**
 * An item's confidence, the one figure that results filter by, live results store, and adaptive overlap's τ and the
 * review triggers compare against. Pure and typed on the one field it reads, so the results service, the live
 * aggregate on its thread and any later reader share it without importing each other.
 */

/** The lowest confidence over the item's questions that have one; null when none has. */
export function itemConfidence(aggregates: readonly { readonly confidence: number | null }[]): number | null {
  let min: number | null = null;
  for (const a of aggregates) if (a.confidence !== null && (min === null || a.confidence < min)) min = a.confidence;
  return min;
}
