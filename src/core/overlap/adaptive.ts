/**
 * Adaptive overlap's rules, pure: whether an item asks for one more judgment, and whom that judgment should
 * prefer. An item asks for one more while its aggregate's confidence is under τ and it has fewer than k_max
 * judgments (the caller selects those in SQL); the extra judgment should come from someone unlike the judges who
 * left it uncertain: of another vendor (errors within a workforce correlate: shared training, shared guidelines
 * reading, shared incentives) and more skilled than they are on average.
 */

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

/** Posterior mean of accuracy under a uniform Beta(1, 1) prior: (1 + correct) / (2 + n); 0.5 with no record. */
export const measuredSkill = (n: number, correct: number): number => (1 + correct) / (2 + n);
