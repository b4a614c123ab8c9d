/**
 * Loads a project's aggregate: reads the inputs (without paused annotators' annotations when the project's
 * `exclude_paused` switch is on), computes them with `computeResults` (Bayesian Dawid–Skene on a worker
 * thread once a question has `INLINE_BELOW_LABELS` judgments or more), and keeps the result in `ResultsCache`.
 */
import type { Actor } from '../../core/permissions.js';
import { authorize } from '../../core/permissions.js';
import { AggregationWorker } from '../../threads/aggregate-in-worker.js';
import { listAnnotatedItems, listProjectAnswers, listProjectGold, pausedAnnotators, resultsInputVersion } from '../../store/results-inputs.js';
import type { Project } from '../../store/projects.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';
import { loadSchema } from '../projects/schema-cache.js';
import { computeResults } from './compute-results.js';
import { ResultsCache } from './results-cache.js';
import type { CategoricalFitter, ProjectResults } from './result-types.js';
import type { TaskSchema } from '../../core/schema/index.js';

export interface LoadedResults {
  schema: TaskSchema;
  results: ProjectResults;
  /** Items with annotations in serving order: the order results are listed in. */
  order: { id: string; external_id: string | null; seq: number }[];
}

const cache = new ResultsCache<LoadedResults>();
const pool = new AggregationWorker();
const fitOffThread: CategoricalFitter = (obs, gold) => pool.run('bds', obs, gold ? { gold } : {});

/** Results need every annotation of the project: the roles that may read items and all annotations. */
export function authorizeResults(actor: Actor): void {
  authorize(actor, 'item.read');
  authorize(actor, 'annotation.read_all');
}

/** The project's aggregate for its current inputs, computed or from the cache. The caller has checked access. */
export async function loadProjectResults(deps: ServiceDeps, project: Project): Promise<LoadedResults> {
  const db = deps.store.db;
  const v = await resultsInputVersion(db, project.id);
  // With the exclude-paused switch on, who is paused is part of the input: a pause or reinstatement recomputes.
  const excludePaused = project.exclude_paused;
  const paused = excludePaused ? (await pausedAnnotators(db, project.id)).join(',') : '*';
  const version = `${project.schema_version}:${v.annotations}:${v.latestAnnotationId ?? '-'}:${v.gold}:${v.setAside}:${paused}`;
  return cache.get(project.id, version, async () => {
    const [schema, rows, gold, order] = await Promise.all([
      loadSchema(db, project.id, project.schema_version),
      listProjectAnswers(db, project.id, excludePaused),
      listProjectGold(db, project.id),
      listAnnotatedItems(db, project.id),
    ]);
    const results = await computeResults(
      {
        schema,
        annotations: rows.map((r) => ({ itemId: r.item_id, annotatorId: r.annotator_id, answers: r.answers })),
        gold: new Map(gold.map((g) => [g.item_id, g.answers])),
      },
      fitOffThread,
    );
    return { schema, results, order };
  });
}

/** Checks access, then loads. */
export async function requireProjectResults(deps: ServiceDeps, actor: Actor, projectId: string) {
  authorizeResults(actor);
  const project = await requireProject(deps, actor, projectId);
  return { project, loaded: await loadProjectResults(deps, project) };
}
