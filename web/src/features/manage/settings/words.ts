/**
 * What a setting does, said in one sentence from the values being typed, so a manager reads the policy they are
 * about to save rather than a list of numbers.
 */
import { count } from './numbers';

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

export interface GateWords {
  enabled: boolean;
  floor: number;
  minGold: number;
  maxFailStreak: number;
}

/** The quality gate's rule. */
export function gateSentence(g: GateWords): string {
  if (!g.enabled) return 'Off: nobody is paused automatically. Gold accuracy is still measured and shown on the Quality tab.';
  const rules = [`the upper end of their 95% accuracy interval on hidden gold falls below ${pct(g.floor)} after ${count(g.minGold, 'gold item')}`];
  if (g.maxFailStreak > 0) rules.push(`they miss ${count(g.maxFailStreak, 'gold item')} in a row`);
  return `Pause an annotator when ${rules.join(', or when ')}. Their open tasks go back to the pool, and a manager can reinstate them on the Quality tab.`;
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
