/**
 * Live accuracy per annotator on a project's hidden gold: n gold items scored, n correct, and the accuracy as the
 * observed share correct / n with its Wilson 95% interval: the one definition every surface shows
 * (`quality/stats/proportion.ts`; the vendor scorecards, the report and the console read the same). Scores are written
 * at submit (`submit-annotation.ts`), so the figures are current the moment an answer is acknowledged.
 * Beside it: whether the quality gate has them paused, and their agreement with the consensus, the share of their
 * answers to `label` questions on normal items that match the item's aggregated answer (Wilson 95% interval). The
 * consensus includes their own judgment, so agreement is flattering for items with few judgments; it measures
 * fit with the crowd, where gold accuracy measures truth.
 * Whoever may read a project's progress may read this; a vendor manager sees only their vendor's annotators.
 */
import { authorize, vendorScopeOf, type Actor } from '../../core/permissions.js';
import { FIGURE_LEVEL, PROPORTION_METHOD, proportionOf } from '../../quality/stats/proportion.js';
import { goldTallies } from '../../store/gold-scores.js';
import { listProjectAnswers, listProjectGold, pausedAnnotators } from '../../store/results-inputs.js';
import type { Project } from '../../store/projects.js';
import { loadProjectResults } from '../results/project-results.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';

export const ACCURACY_LEVEL = FIGURE_LEVEL;

export interface AnnotatorAccuracy {
  annotatorId: string;
  name: string;
  /** The stable pseudonym exports carry instead of the name. */
  pseudonym: string;
  vendorId: string | null;
  /** Gold annotations scored. */
  n: number;
  correct: number;
  /** correct / n with its Wilson 95% interval (n ≥ 1: annotators appear with their first scored gold item). */
  accuracy: { rate: number; lower: number; upper: number; level: number };
  /** `paused` while the project's quality gate has them paused. */
  status: 'active' | 'paused';
  /** Agreement with the aggregated answer on `label` questions of normal items; null before any such answer. */
  agreement: { n: number; agreed: number; rate: number; lower: number; upper: number } | null;
}

export interface AnnotatorAccuracyView {
  projectId: string;
  /** How the intervals are made (the same words the scorecards use). */
  interval: string;
  items: AnnotatorAccuracy[];
}

/** Annotators with at least one scored gold annotation in the project, by id. */
export async function listAnnotatorAccuracy(deps: ServiceDeps, actor: Actor, projectId: string): Promise<AnnotatorAccuracyView> {
  authorize(actor, 'progress.read');
  const project = await requireProject(deps, actor, projectId);
  const tallies = await goldTallies(deps.store.db, project.id, vendorScopeOf(actor));
  const [paused, agreement] = await Promise.all([pausedAnnotators(deps.store.db, project.id), agreementWithConsensus(deps, project)]);
  const pausedSet = new Set(paused);
  return {
    projectId: project.id,
    interval: PROPORTION_METHOD,
    items: tallies.map((t) => {
      const p = proportionOf(t.correct, t.n);
      const a = agreement.get(t.annotatorId);
      const w = a && a.n > 0 ? proportionOf(a.agreed, a.n) : null;
      return {
        ...t,
        accuracy: { rate: p.rate ?? 0, lower: p.lower ?? 0, upper: p.upper ?? 1, level: ACCURACY_LEVEL },
        status: pausedSet.has(t.annotatorId) ? ('paused' as const) : ('active' as const),
        agreement: a && w ? { n: a.n, agreed: a.agreed, rate: w.rate!, lower: w.lower!, upper: w.upper! } : null,
      };
    }),
  };
}

/** Per annotator: answers to `label` questions on normal items, and how many match the item's aggregated answer. */
export async function agreementWithConsensus(deps: ServiceDeps, project: Project): Promise<Map<string, { n: number; agreed: number }>> {
  const [{ schema, results }, answers] = await Promise.all([loadProjectResults(deps, project), listProjectAnswers(deps.store.db, project.id)]);
  const labelQuestions = schema.questions.filter((q) => q.type === 'label').map((q) => q.id);
  const out = new Map<string, { n: number; agreed: number }>();
  if (labelQuestions.length === 0) return out;
  const gold = new Set((await listProjectGold(deps.store.db, project.id)).map((g) => g.item_id));
  for (const row of answers) {
    if (gold.has(row.item_id)) continue;
    const consensus = results.byItem.get(row.item_id);
    if (!consensus) continue;
    const given = row.answers;
    for (const q of labelQuestions) {
      const agg = consensus.find((c) => c.questionId === q);
      if (!agg || given[q] === undefined || agg.answer === null) continue;
      const t = out.get(row.annotator_id) ?? { n: 0, agreed: 0 };
      t.n++;
      if (given[q] === agg.answer) t.agreed++;
      out.set(row.annotator_id, t);
    }
  }
  return out;
}
