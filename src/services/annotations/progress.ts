/**
 * A project's progress: its counts (items, judgments, gold items; what each counts is defined once in
 * `core/figures/counts.ts`), live leases and skips. Every screen, the report and the API read the counts from here.
 */
import { countsSentence, itemsSentence, plural, type ProjectCounts } from '../../core/figures/counts.js';
import { authorize, can, vendorScopeOf, type Actor } from '../../core/permissions.js';
import { projectProgress, vendorProgress } from '../../store/project-progress.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';

export interface ProgressView extends Omit<ProjectCounts, 'goldItems'> {
  /** Hidden gold items, counted apart from the items; null for a role that may not know about gold (reviewers, vendor managers). */
  goldItems: number | null;
  projectId: string;
  overlapK: number;
  /** Judgments still needed to finish every item (planned minus made; leased ones count as still needed). */
  judgmentsNeeded: number;
  activeLeases: number;
  skips: number;
  /**
   * The counts in one line: "24 of 33 items complete · 40 of 66 judgments · 3 gold items" (for a vendor manager, the
   * items and their own vendor's judgments: "24 of 33 items complete · 12 judgments by this vendor").
   */
  summary: string;
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
  const counts: ProjectCounts = {
    totalItems: p.totalItems,
    completeItems: p.completeItems,
    itemsInProgress: p.itemsInProgress,
    remainingItems: p.remainingItems,
    judgments: p.judgments,
    judgmentsPlanned: p.judgmentsPlanned,
    goldItems: p.goldItems,
  };
  const seesGold = can(actor, 'gold.manage');
  const summary = own
    ? `${itemsSentence(counts)} · ${plural(own.judgments, 'judgment')} by this vendor`
    : countsSentence({ ...counts, goldItems: seesGold ? counts.goldItems : undefined });
  return {
    projectId: project.id,
    overlapK: project.overlap_k,
    ...counts,
    goldItems: seesGold ? counts.goldItems : null,
    judgments: own?.judgments ?? p.judgments,
    judgmentsNeeded: Math.max(0, p.judgmentsPlanned - p.judgments),
    activeLeases: own?.activeLeases ?? p.activeLeases,
    skips: own?.skips ?? p.skips,
    summary,
    vendorId: scope ?? null,
  };
}
