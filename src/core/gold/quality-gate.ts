/**
 * The quality gate's decision, pure: given a project's gate policy, the task's chance rate and an annotator's gold
 * tallies (since they started or were last reinstated), whether to pause them and why, in words a manager reads as is.
 *
 * The manager sets the accuracy floor (and, if the schema's options mislead, the chance rate of a guesser); the
 * rules follow from them (`gate-rule.ts`): a likelihood-ratio rule (guessing against floor + 0.05) after a derived
 * number of gold items, and a derived streak of misses, chosen so that an annotator at floor + 0.05 is paused with
 * probability at most 5% over their first 200 gold items, computed exactly, while a guesser is paused as early as
 * that allows (within 20 gold items in at least 95% of runs where that is possible at all; `rule.meetsTarget` says).
 */
import type { TaskSchema } from '../schema/types.js';
import { chanceOfOptions, deriveGateRule, ruleVerdict, type GateRule } from './gate-rule.js';

export interface QualityGatePolicy {
  enabled: boolean;
  /** 0..1: the accuracy an annotator must keep; the rules are derived from it. */
  floor: number;
  /** A guesser's chance of getting a gold item right; null: from the schema's options (`chanceOfSchema`). */
  chance: number | null;
}

export const DEFAULT_QUALITY_GATE: QualityGatePolicy = { enabled: true, floor: 0.6, chance: null };

export interface GoldTally {
  n: number;
  correct: number;
  /** Gold items missed in a row, up to the latest. */
  failStreak: number;
}

/**
 * A guesser's chance of answering a gold item right from the schema: every scored question right at random, the
 * product over them of 1/options (label: its options; multi_label: 2^options subsets; rating: its points; pairwise:
 * its scale's points, less the tie when ties are not allowed). Questions a gold answer leaves out count as scored.
 */
export function chanceOfSchema(schema: TaskSchema): number {
  const counts: number[] = [];
  for (const q of schema.questions) {
    if (q.type === 'label') counts.push(q.options.length);
    else if (q.type === 'multi_label') counts.push(2 ** Math.min(20, q.options.length));
    else if (q.type === 'rating') counts.push(Math.floor((q.max - q.min) / (q.step || 1)) + 1);
    else if (q.type === 'pairwise') counts.push(q.scale.max - q.scale.min + 1 - (q.allowTie ? 0 : 1));
  }
  return chanceOfOptions(counts.length > 0 ? counts : [2]);
}

/** The rule a project's policy stands for on this schema. */
export const gateRuleOf = (policy: QualityGatePolicy, schemaChance: number): GateRule => deriveGateRule(policy.floor, policy.chance ?? schemaChance);

/** The reason to pause, or null to let the annotator go on. */
export function gateVerdict(policy: QualityGatePolicy, schemaChance: number, t: GoldTally): string | null {
  if (!policy.enabled) return null;
  return ruleVerdict(gateRuleOf(policy, schemaChance), t);
}
