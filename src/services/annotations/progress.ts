import { authorize, vendorScopeOf, type Actor } from '../../core/permissions.js';
import { projectProgress, vendorProgress } from '../../store/assignments.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/projects.js';

export interface ProgressView {
  projectId: string;
  overlapK: number;
  totalItems: number;
  /** Items with all k judgments. */
  completeItems: number;
  /** Items with at least one live lease. */
  itemsInProgress: number;
  /** Items with neither: not complete and nobody on them. */
  remainingItems: number;
  judgments: number;
  /** Judgments still needed to finish at k per item (leased ones count as still needed). */
  judgmentsNeeded: number;
  activeLeases: number;
  skips: number;
  /** Set for a vendor manager: `judgments`, `activeLeases` and `skips` count this vendor's work only (the rest is the project's state). */
  vendorId: string | null;
}

export async function getProgress(deps: ServiceDeps, actor: Actor, projectId: string): Promise<ProgressView> {
  authorize(actor, 'progress.read');
  const project = await requireProject(deps, actor, projectId);
  const now = nowIsoOf(deps);
  const p = await projectProgress(deps.store.db, project.id, now, project.overlap_k);
  // A vendor manager sees how far the project is, but never how much other vendors did.
  const scope = vendorScopeOf(actor);
  const own = scope === undefined ? null : await vendorProgress(deps.store.db, project.id, scope, now);
  return {
    projectId: project.id,
    overlapK: project.overlap_k,
    totalItems: p.totalItems,
    completeItems: p.completeItems,
    itemsInProgress: p.itemsInProgress,
    remainingItems: Math.max(0, p.totalItems - p.completeItems - p.itemsInProgress),
    judgments: own?.judgments ?? p.judgments,
    judgmentsNeeded: Math.max(0, p.judgmentsPlanned - p.judgments),
    activeLeases: own?.activeLeases ?? p.activeLeases,
    skips: own?.skips ?? p.skips,
    vendorId: scope ?? null,
  };
}
