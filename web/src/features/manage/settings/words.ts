/**
 * What a setting does, said in one sentence from the values being typed, so a manager reads the policy they are
 * about to save rather than a list of numbers.
 */
import { deriveGateRule } from '@core/gold/gate-rule';
import { describeGateRule } from '@core/gold/gate-words';
import { count } from './numbers';

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * The quality gate's rule for the floor and chance rate being typed (derived here with the server's own code,
 * `@core/gold/gate-rule`, so the sentence is the rule that will run), or null while the schema's chance rate is
 * still loading.
 */
export function gateSentence(g: { enabled: boolean; floor: number; chance: number | null }, schemaChance: number | undefined): string | null {
  if (!g.enabled) return 'Off: nobody is paused automatically. Gold accuracy is still measured and shown on the Quality tab.';
  const chance = g.chance ?? schemaChance;
  if (chance === undefined) return null;
  const r = deriveGateRule(g.floor, chance);
  const rule = describeGateRule({ ...r, likelihoodRatio: Number.isFinite(r.threshold) ? Math.exp(r.threshold) : null });
  return `${rule} Their open tasks go back to the pool, and a manager can reinstate them on the Quality tab.`;
}

export interface OverlapWords {
  mode: 'fixed' | 'adaptive';
  k: number;
  kMax: number;
  tau: number;
}

/** How many judgments an item gets. */
export function overlapSentence(o: OverlapWords): string {
  if (o.mode === 'fixed') return `Every item gets ${count(o.k, 'judgment')}, each from a different annotator.`;
  return `Every item starts with ${count(o.k, 'judgment')}; while the confidence of its aggregated answer stays under ${pct(o.tau)}, it gets one more, up to ${count(o.kMax, 'judgment')} in all.`;
}
