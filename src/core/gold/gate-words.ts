/**
 * The quality gate's derived rule in words, one sentence shared by the console's Settings and the quality report, so
 * both say the same thing (what pauses an annotator, and the error rates behind it, including where the 20-item
 * target for guessers cannot be met).
 */

/** What the sentence needs (the API's `rule` satisfies it). */
export interface GateRuleFigures {
  floor: number;
  honest: number;
  chance: number;
  likelihoodRatio: number | null;
  minItems: number;
  maxFailStreak: number;
  falsePause: number;
  pausedWithin: number;
  within95: number | null;
  meetsTarget: boolean;
}

const pct = (x: number) => (x >= 0.9995 ? 'over 99.9%' : `${Math.round(x * 1000) / 10}%`);
const items = (n: number) => `${n} gold ${n === 1 ? 'item' : 'items'}`;

/** "An annotator is paused when …" and the guarantees, for an enabled gate. */
export function describeGateRule(r: GateRuleFigures): string {
  const rules: string[] = [];
  if (r.likelihoodRatio !== null) {
    const ratio = r.likelihoodRatio >= 100 ? String(Math.round(r.likelihoodRatio)) : r.likelihoodRatio.toFixed(1);
    const likelier = r.likelihoodRatio < 1.05 ? 'likelier' : `at least ${ratio} times likelier`;
    rules.push(`their gold answers are ${likelier} from guessing (right ${pct(r.chance)} of the time) than from ${pct(r.honest)} accuracy${r.minItems > 1 ? `, from their ${ordinal(r.minItems)} gold item on` : ''}`);
  }
  if (r.maxFailStreak > 0) rules.push(`they miss ${items(r.maxFailStreak)} in a row`);
  const when = rules.length > 0 ? `An annotator is paused when ${rules.join(', or when ')}.` : 'No rule can pause an annotator here: a guesser is right as often as the floor asks.';
  const honest = `Derived from the floor of ${pct(r.floor)}: someone at ${pct(r.honest)} is paused within their first 200 gold items with probability ${pct(r.falsePause)} (at most 5%)`;
  const guesser = r.meetsTarget
    ? `a guesser within 20 gold items with probability ${pct(r.pausedWithin)}.`
    : `a guesser within 20 gold items with probability only ${pct(r.pausedWithin)}, short of 95%: with a chance rate this close to the floor, accuracy on gold cannot tell a guesser that fast without pausing honest annotators; ${r.within95 === null ? 'even 200 gold items do not reach 95%.' : `95% of guessers are paused within ${items(r.within95)}.`}`;
  return `${when} ${honest}; ${guesser}`;
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
}

/** The `annotator.paused` event's message, for managers (it names the gate's reason, which the annotator never sees). */
export function gatePausedMessage(reason: string, leasesReleased: number): string {
  return `Paused by the quality gate: ${reason}` + (leasesReleased > 0 ? `; ${leasesReleased} open task(s) released` : '');
}

/** The `annotator.reinstated` event's message. */
export const GATE_REINSTATED_MESSAGE = 'Reinstated: may take tasks again; the gate counts gold from now on';
