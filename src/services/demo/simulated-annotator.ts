/**
 * How a simulated annotator answers, from a seeded generator: an honest one gives the truth with a planted
 * probability (otherwise a plausible mistake); a straight-liner always gives the same answer; a spammer answers at
 * random. Used by the demo's history (demo-history.ts) and by the test suites' vendor simulations
 * (test/support/vendor-simulation.ts), so both plant accuracy the same way.
 */
import type { Rng } from '../../quality/random.js';
import type { DemoTruth, Sentiment } from './demo-items.js';

export const BEHAVIOURS = ['honest', 'straight_liner', 'spammer'] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

/**
 * One label among `classes`: the truth with probability `accuracy`, else another class uniformly; a straight-liner
 * always the first class, a spammer one at random.
 */
export function simulatedLabel<T>(rng: Rng, accuracy: number, truth: T, classes: readonly T[], behaviour: Behaviour = 'honest'): T {
  if (behaviour === 'straight_liner') return classes[0]!;
  if (behaviour === 'spammer') return classes[rng.nextInt(classes.length)]!;
  if (rng.next() < accuracy) return truth;
  const others = classes.filter((c) => c !== truth);
  return others[rng.nextInt(others.length)]!;
}

export const SENTIMENTS: readonly Sentiment[] = ['positive', 'neutral', 'negative'];
const PREFERENCE_MIN = -3;
const PREFERENCE_MAX = 3;

/**
 * A demo task's answers. Honest: both questions right with probability `accuracy` (what a gold item scores: every
 * question exact); otherwise one mistake, as people make them: half the time the sentiment (a neighbouring class),
 * else the strength of the preference off by one point, or now and then the wrong side. A straight-liner answers
 * "positive" and "about the same" to everything; a spammer anything.
 */
export function simulatedDemoAnswers(rng: Rng, accuracy: number, truth: DemoTruth, behaviour: Behaviour): { sentiment: Sentiment; preference: number } {
  if (behaviour === 'straight_liner') return { sentiment: 'positive', preference: 0 };
  if (behaviour === 'spammer') return { sentiment: SENTIMENTS[rng.nextInt(3)]!, preference: PREFERENCE_MIN + rng.nextInt(PREFERENCE_MAX - PREFERENCE_MIN + 1) };
  if (rng.next() < accuracy) return { ...truth };
  if (rng.next() < 0.5) {
    // Neutral is the neighbour of both; a positive review is misread as neutral more often than as negative.
    const wrong: Sentiment = truth.sentiment === 'neutral' ? (rng.next() < 0.5 ? 'positive' : 'negative') : rng.next() < 0.75 ? 'neutral' : truth.sentiment === 'positive' ? 'negative' : 'positive';
    return { sentiment: wrong, preference: truth.preference };
  }
  const p = truth.preference;
  if (rng.next() < 0.15) return { sentiment: truth.sentiment, preference: p === 0 ? (rng.next() < 0.5 ? -1 : 1) : -p };
  const step = p === PREFERENCE_MAX || p === PREFERENCE_MIN ? -Math.sign(p) : p === 0 ? (rng.next() < 0.5 ? -1 : 1) : rng.next() < 0.5 ? -1 : 1;
  return { sentiment: truth.sentiment, preference: p + step };
}
