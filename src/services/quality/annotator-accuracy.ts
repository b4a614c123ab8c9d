/**
 * Live accuracy per annotator on a project's hidden gold: n gold items scored, n correct, and the accuracy as the
 * posterior of a uniform prior, Beta(1 + correct, 1 + wrong), with its mean and 95% equal-tailed interval. Scores
 * are written at submit (`submit-annotation.ts`), so the figures are current the moment an answer is acknowledged.
 * Whoever may read a project's progress may read this; a vendor manager sees only their vendor's annotators.
 */
import { authorize, vendorScopeOf, type Actor } from '../../core/permissions.js';
import { betaPosterior } from '../../quality/stats/beta-interval.js';
import { goldTallies } from '../../store/gold-scores.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/projects.js';

export const ACCURACY_LEVEL = 0.95;

export interface AnnotatorAccuracy {
  annotatorId: string;
  name: string;
  /** The stable pseudonym exports carry instead of the name. */
  pseudonym: string;
  vendorId: string | null;
  /** Gold annotations scored. */
  n: number;
  correct: number;
  /** Beta(1 + correct, 1 + n − correct): posterior mean and equal-tailed interval. */
  accuracy: { mean: number; lower: number; upper: number; level: number };
}

export interface AnnotatorAccuracyView {
  projectId: string;
  prior: 'Beta(1,1)';
  items: AnnotatorAccuracy[];
}

/** Annotators with at least one scored gold annotation in the project, by id. */
export async function listAnnotatorAccuracy(deps: ServiceDeps, actor: Actor, projectId: string): Promise<AnnotatorAccuracyView> {
  authorize(actor, 'progress.read');
  const project = await requireProject(deps, actor, projectId);
  const tallies = await goldTallies(deps.store.db, project.id, vendorScopeOf(actor));
  return {
    projectId: project.id,
    prior: 'Beta(1,1)',
    items: tallies.map((t) => {
      const p = betaPosterior(1 + t.correct, 1 + t.n - t.correct, ACCURACY_LEVEL);
      return { ...t, accuracy: { mean: p.mean, lower: p.lower, upper: p.upper, level: p.level } };
    }),
  };
}
