/**
 * The facts of a project's quality report, gathered once through the same computations the API serves (so the report
 * says exactly what the console says): progress, vendor scorecards and the overall card, each vendor's annotators,
 * the head-to-head of every pair of vendors with gold, the effort and fraud signals, and the reliability diagram. The scorecards, the
 * annotators' cards and the head-to-heads are computed from one load of the project's judgments (the endpoints each
 * load them: done per vendor and per pair, the report cost several times the Vendors tab; see BENCHMARKS.md).
 * Rendering them as HTML is `src/report/`'s job. Managers and admins only: the report is the buyer's view, with every
 * vendor side by side.
 */
import { authorize, type Actor } from '../../core/permissions.js';
import { pausedAnnotators } from '../../store/results-inputs.js';
import { countGold } from '../../store/item-results.js';
import type { Vendor } from '../../core/vendor.js';
import { getProgress, type ProgressView } from '../annotations/progress.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';
import type { GateRuleFigures } from '../../core/gold/gate-words.js';
import { gateRuleView } from '../quality/gates.js';
import { getCalibration, type CalibrationView } from '../quality/calibration.js';
import { getSignals, type FlaggedAnnotation, type SignalCounts, type SignalsView } from '../quality/signals.js';
import { headToHeadOf, type HeadToHeadView } from '../vendors/head-to-head.js';
import {
  annotatorScorecardsFrom,
  listScorecardVendors,
  loadScorecardMaterial,
  scorecardsFrom,
  type AnnotatorScorecard,
  type ScorecardsView,
} from '../vendors/scorecards.js';

/** Flagged annotations listed in full; beyond this the report gives the count and points to the API. */
export const REPORT_FLAGGED_LIMIT = 25;
/** Vendor pairs compared (every pair of the first vendors with gold: 10 pairs is five vendors). */
export const REPORT_MAX_PAIRS = 15;

export type { HeadToHeadView };

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
    gate: { enabled: boolean; rule: GateRuleFigures };
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
  /** The reliability diagram of the first label question (the console's "Confidence against gold"). */
  calibration: CalibrationView;
}

/** Everything the quality report of a project shows, as of now. */
export async function gatherQualityReport(deps: ServiceDeps, actor: Actor, projectId: string): Promise<QualityReportModel> {
  authorize(actor, 'report.read');
  const project = await requireProject(deps, actor, projectId);
  const [progress, goldCount, vendors, material, pausedIds, signals, calibration] = await Promise.all([
    getProgress(deps, actor, project.id),
    countGold(deps.store.db, project.id),
    listScorecardVendors(deps, actor, project),
    loadScorecardMaterial(deps, project),
    pausedAnnotators(deps.store.db, project.id),
    getSignals(deps, actor, project.id, { limit: REPORT_FLAGGED_LIMIT }),
    getCalibration(deps, actor, project.id, {}),
  ]);
  // Gold items as progress counts them (published), the count every screen shows.
  const goldItems = progress.goldItems ?? goldCount;
  const scorecards = scorecardsFrom(material, project, vendors, actor);
  // Paused as the console's annotator accuracy says it: of the annotators with a scored gold judgment.
  const withGoldScores = new Set(material.gold.map((g) => g.annotator_id));
  const paused = new Set(pausedIds.filter((id) => withGoldScores.has(id)));
  const flagsOf = new Map(signals.annotators.map((a) => [a.annotatorId, a]));
  const annotators = vendors.map((v) => {
    const rows = annotatorScorecardsFrom(material, project, v).annotators.map((a) => {
      const f = flagsOf.get(a.annotatorId);
      return { ...a, status: paused.has(a.annotatorId) ? ('paused' as const) : ('active' as const), flags: f ? { n: f.n, flagged: f.flagged, byKind: f.byKind } : null };
    });
    return { vendorId: v.id, vendorName: v.name, rows };
  });
  const withGold = vendors.filter((_, i) => scorecards.vendors[i]!.gold.n > 0);
  const pairs: [Vendor, Vendor][] = [];
  for (let i = 0; i < withGold.length; i++) for (let j = i + 1; j < withGold.length; j++) pairs.push([withGold[i]!, withGold[j]!]);
  const headToHeads = pairs.slice(0, REPORT_MAX_PAIRS).map(([a, b]) => headToHeadOf(material.gold, project.id, a, b));

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
      gate: { enabled: project.gate.enabled, rule: await gateRuleView(deps, project) },
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
    calibration,
  };
}
