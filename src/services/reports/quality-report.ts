/**
 * The facts of a project's quality report, gathered once through the same use cases the API serves (so the report
 * says exactly what the console says): progress, vendor scorecards and the overall card, each vendor's annotators,
 * the head-to-head of every pair of vendors with gold, and the effort and fraud signals. Rendering them as HTML is
 * `src/report/`'s job. Managers and admins only: the report is the buyer's view, with every vendor side by side.
 */
import { authorize, type Actor } from '../../core/permissions.js';
import { countGold } from '../../store/item-results.js';
import { getProgress, type ProgressView } from '../annotations/progress.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/projects.js';
import { listAnnotatorAccuracy } from '../quality/annotator-accuracy.js';
import { getSignals, type FlaggedAnnotation, type SignalCounts, type SignalsView } from '../quality/signals.js';
import { headToHead } from '../vendors/head-to-head.js';
import { projectScorecards, vendorAnnotatorScorecards, type AnnotatorScorecard, type ScorecardsView } from '../vendors/scorecards.js';

/** Flagged annotations listed in full; beyond this the report gives the count and points to the API. */
export const REPORT_FLAGGED_LIMIT = 25;
/** Vendor pairs compared (every pair of the first vendors with gold: 10 pairs is five vendors). */
export const REPORT_MAX_PAIRS = 15;

export type HeadToHeadView = Awaited<ReturnType<typeof headToHead>>;

export interface ReportAnnotator extends AnnotatorScorecard {
  /** Paused by the project's quality gate. */
  status: 'active' | 'paused';
  flags: SignalCounts | null;
}

export interface QualityReportModel {
  generatedAt: string;
  project: {
    id: string;
    name: string;
    description: string;
    status: string;
    overlapMode: string;
    overlapK: number;
    overlapKMax: number;
    overlapTau: number;
    goldRate: number;
    schemaVersion: number;
    guidelineVersion: number;
    createdAt: string;
    gate: { enabled: boolean; floor: number; minGold: number; maxFailStreak: number };
  };
  progress: ProgressView;
  goldItems: number;
  scorecards: ScorecardsView;
  annotators: { vendorId: string; vendorName: string; rows: ReportAnnotator[] }[];
  headToHeads: HeadToHeadView[];
  signals: {
    policy: SignalsView['policy'];
    vendors: SignalsView['vendors'];
    flagged: (FlaggedAnnotation & { annotatorName: string })[];
    /** All flagged annotations, of which `flagged` lists the oldest. */
    flaggedTotal: number;
  };
}

/** Everything the quality report of a project shows, as of now. */
export async function gatherQualityReport(deps: ServiceDeps, actor: Actor, projectId: string): Promise<QualityReportModel> {
  authorize(actor, 'report.read');
  const project = await requireProject(deps, actor, projectId);
  const [progress, goldItems, scorecards, accuracy, signals] = await Promise.all([
    getProgress(deps, actor, project.id),
    countGold(deps.store.db, project.id),
    projectScorecards(deps, actor, project.id),
    listAnnotatorAccuracy(deps, actor, project.id),
    getSignals(deps, actor, project.id, { limit: REPORT_FLAGGED_LIMIT }),
  ]);
  const paused = new Set(accuracy.items.filter((a) => a.status === 'paused').map((a) => a.annotatorId));
  const flagsOf = new Map(signals.annotators.map((a) => [a.annotatorId, a]));
  const annotators = await Promise.all(
    scorecards.vendors.map(async (v) => {
      const view = await vendorAnnotatorScorecards(deps, actor, project.id, v.vendorId);
      const rows = view.annotators.map((a) => {
        const f = flagsOf.get(a.annotatorId);
        return { ...a, status: paused.has(a.annotatorId) ? ('paused' as const) : ('active' as const), flags: f ? { n: f.n, flagged: f.flagged, byKind: f.byKind } : null };
      });
      return { vendorId: v.vendorId, vendorName: v.name, rows };
    }),
  );
  const withGold = scorecards.vendors.filter((v) => v.gold.n > 0);
  const pairs: [string, string][] = [];
  for (let i = 0; i < withGold.length; i++) for (let j = i + 1; j < withGold.length; j++) pairs.push([withGold[i]!.vendorId, withGold[j]!.vendorId]);
  const headToHeads: HeadToHeadView[] = [];
  for (const [a, b] of pairs.slice(0, REPORT_MAX_PAIRS)) headToHeads.push(await headToHead(deps, actor, project.id, { a, b }));

  const names = new Map(annotators.flatMap((g) => g.rows.map((r) => [r.annotatorId, r.name] as const)));
  return {
    generatedAt: nowIsoOf(deps),
    project: {
      id: project.id,
      name: project.name,
      description: project.description,
      status: project.status,
      overlapMode: project.overlap_mode,
      overlapK: project.overlap_k,
      overlapKMax: project.overlap_k_max,
      overlapTau: project.overlap_tau,
      goldRate: project.gold_rate,
      schemaVersion: project.schema_version,
      guidelineVersion: project.guideline_version,
      createdAt: project.created_at,
      gate: { enabled: project.gate_enabled === 1, floor: project.gate_floor, minGold: project.gate_min_gold, maxFailStreak: project.gate_max_fail_streak },
    },
    progress,
    goldItems,
    scorecards,
    annotators,
    headToHeads,
    signals: {
      policy: signals.policy,
      vendors: signals.vendors,
      flagged: signals.items.map((f) => ({ ...f, annotatorName: names.get(f.annotatorId) ?? 'an annotator without a vendor' })),
      flaggedTotal: signals.annotators.reduce((s, a) => s + a.flagged, 0),
    },
  };
}
