/**
 * The quality gate's decision, pure: given a project's gate policy and an annotator's gold tallies (since they
 * started or were last reinstated), whether to pause them and why, in words a manager reads as is.
 *
 * Two rules, either one pauses:
 * - accuracy: after at least `minGold` gold items, the upper end of the 95% equal-tailed interval of the posterior
 *   Beta(1 + correct, 1 + wrong) is below `floor`: even the optimistic reading of their record is not good enough;
 * - streak: the last `maxFailStreak` gold items were all missed (0 turns the rule off).
 * The streak is checked first (it needs no quantile), and the quantile is computed only once `minGold` is reached.
 */
import { betaPosterior } from '../../quality/stats/beta-interval.js';

export interface QualityGatePolicy {
  enabled: boolean;
  /** 0..1: the accuracy the upper bound must reach. */
  floor: number;
  /** Gold items needed before the accuracy rule applies. */
  minGold: number;
  /** Gold items missed in a row that pause the annotator; 0: no streak rule. */
  maxFailStreak: number;
}

export const DEFAULT_QUALITY_GATE: QualityGatePolicy = { enabled: true, floor: 0.6, minGold: 10, maxFailStreak: 5 };

export const GATE_LEVEL = 0.95;

export interface GoldTally {
  n: number;
  correct: number;
  /** Gold items missed in a row, up to the latest. */
  failStreak: number;
}

/** The reason to pause, or null to let the annotator go on. */
export function gateVerdict(policy: QualityGatePolicy, t: GoldTally): string | null {
  if (!policy.enabled) return null;
  if (policy.maxFailStreak > 0 && t.failStreak >= policy.maxFailStreak) {
    return `${t.failStreak} gold items missed in a row (limit ${policy.maxFailStreak})`;
  }
  if (t.n > 0 && t.n >= policy.minGold) {
    const { upper } = betaPosterior(1 + t.correct, 1 + t.n - t.correct, GATE_LEVEL);
    if (upper < policy.floor) {
      return `accuracy upper bound ${upper.toFixed(2)} < floor ${policy.floor.toFixed(2)} after ${t.n} gold items (${t.correct} correct)`;
    }
  }
  return null;
}
