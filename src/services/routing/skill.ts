/**
 * Measured skill: an annotator's accuracy on gold as the posterior of a Beta(1, 1) (uniform) prior after n answers of
 * which c were correct, Beta(1 + c, 1 + n − c), summarised by its mean (1 + c) / (2 + n): 0.5 with no record, and
 * pulled towards 0.5 while n is small, so one lucky answer does not make an expert.
 * - On a project (`measuredProjectSkill`): their gold scores there; adaptive overlap prefers higher skill.
 * - In a domain (`measuredDomainSkill`): the skill their passed qualifications in the domain (or a domain below it)
 *   granted plus their gold on production projects of the domain (or below it); a project's minimum skill reads it.
 */
import { betaPosterior } from '../../quality/stats/beta-interval.js';
import type { Executor } from '../../store/db.js';
import { goldTallyInDomain, goldTallyOnProject, qualificationTallyInDomain, type Tally } from '../../store/skills.js';

/** Posterior mean accuracy (1 + correct) / (2 + n) under a uniform prior. */
export const posteriorMean = (t: Tally): number => (1 + t.correct) / (2 + t.n);

/** Posterior mean with its 95% equal-tailed interval: Beta(1 + correct, 1 + n − correct). */
export function skillEstimate(t: Tally) {
  const b = betaPosterior(1 + t.correct, 1 + t.n - t.correct);
  return { n: t.n, correct: t.correct, mean: b.mean, low: b.lower, high: b.upper };
}

/** The annotator's measured accuracy on the project from their gold scores there; 0.5 with none. One indexed query. */
export async function measuredProjectSkill(db: Executor, projectId: string, annotatorId: string): Promise<number> {
  return posteriorMean(await goldTallyOnProject(db, projectId, annotatorId));
}

/** The parts of a domain skill and their sum. */
export interface DomainSkill {
  domain: string;
  fromQualification: (Tally & { passedAt: string }) | null;
  fromGold: Tally;
  total: Tally;
}

/** The annotator's measured record in the domain (see the module comment); `total.n` 0 means no record at all. */
export async function measuredDomainSkill(db: Executor, userId: string, domain: string): Promise<DomainSkill> {
  const [q, g] = await Promise.all([qualificationTallyInDomain(db, userId, domain), goldTallyInDomain(db, userId, domain)]);
  return { domain, fromQualification: q, fromGold: g, total: { n: (q?.n ?? 0) + g.n, correct: (q?.correct ?? 0) + g.correct } };
}
