/**
 * Adaptive overlap's rules, pure: whether an item asks for one more judgment, and whom that judgment should
 * prefer. An item asks for one more while its aggregate's confidence is under τ and it has fewer than k_max
 * judgments (the caller selects those in SQL); the extra judgment should come from someone unlike the judges who
 * left it uncertain: of another vendor (errors within a workforce correlate: shared training, shared guidelines
 * reading, shared incentives) and more skilled than they are on average.
 *
 * A preference must never leave work idle. It holds the extra judgment for a preferred annotator only while one
 * exists (`preferredAvailable`: someone working on the project, not paused, never given the item, of another vendor
 * and of enough skill) and at most `PREFERENCE_WINDOW_MS`; after that whoever asks gets it. And a request stands
 * only while the item's aggregate is under τ: one raised from an aggregate that has since caught up is withdrawn
 * (`store/item-results.ts`, `withdrawSettledRequests`).
 */

/**
 * How long an extra judgment waits for a preferred annotator before anyone eligible may take it. Annotators ask for
 * their next task every few seconds while they work; ten seconds lets a preferred one who is working take it, and
 * costs an item at most ten seconds when none comes (it was five minutes, in which every other annotator was told
 * there was nothing to do while the project's last items waited).
 */
export const PREFERENCE_WINDOW_MS = 10_000;

export interface Judge {
  annotatorId: string;
  vendorId: string | null;
  /** Measured accuracy on the project (posterior mean on gold). */
  skill: number;
}

export interface Preference {
  /** The vendor to avoid: the one that gave a strict majority of the item's judgments; null when none did. */
  avoidVendor: string | null;
  /** The least measured skill preferred: the judges' mean; null without judges. */
  preferSkill: number | null;
}

export function preferenceFor(judges: readonly Judge[]): Preference {
  if (judges.length === 0) return { avoidVendor: null, preferSkill: null };
  const byVendor = new Map<string, number>();
  for (const j of judges) if (j.vendorId !== null) byVendor.set(j.vendorId, (byVendor.get(j.vendorId) ?? 0) + 1);
  let avoidVendor: string | null = null;
  for (const [vendor, n] of byVendor) if (2 * n > judges.length) avoidVendor = vendor;
  const preferSkill = judges.reduce((s, j) => s + j.skill, 0) / judges.length;
  return { avoidVendor, preferSkill };
}

/** Someone who may claim on the project (has worked on it, is not paused), as the claim sees them. */
export interface Candidate {
  annotatorId: string;
  vendorId: string | null;
  /** Measured accuracy on the project, as `Judge.skill`. */
  skill: number;
}

/**
 * Whether any candidate satisfies the preference for an item, as the claim tests it (`preferenceAllows` in
 * store/assignments.ts: not of `avoidVendor`, no vendor counting as none, and skill at least `preferSkill`),
 * leaving out those the item was already given to (`given`: judged, skipped, leased or lapsed). Without one, the
 * extra judgment is not held at all.
 */
export function preferredAvailable(p: Preference, candidates: readonly Candidate[], given: ReadonlySet<string>): boolean {
  return candidates.some(
    (c) => !given.has(c.annotatorId) && (p.avoidVendor === null || (c.vendorId ?? '') !== p.avoidVendor) && c.skill >= (p.preferSkill ?? 0),
  );
}

/** Posterior mean of accuracy under a uniform Beta(1, 1) prior: (1 + correct) / (2 + n); 0.5 with no record. */
export const measuredSkill = (n: number, correct: number): number => (1 + correct) / (2 + n);
