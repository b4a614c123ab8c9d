/**
 * Vendor scorecards: per vendor on a project (and over all of it), and per annotator within a vendor, the evidence a
 * buyer of labels needs to say whose data is better and what a correct label costs. What each figure is and how it
 * is computed is in `scorecard-figures.ts`; this module loads a project's rows once per request (`ScorecardMaterial`),
 * groups them by vendor once and by annotator once per vendor, and scopes the result to the caller. The quality
 * report computes the project's cards and every vendor's annotator cards from one such load.
 * Whoever may read progress may read scorecards; a vendor manager sees only their own vendor's card, never `overall`
 * (it holds other vendors' work), and a 404 for another vendor's annotators.
 */
import { notFound } from '../../core/errors.js';
import { authorize, requireInOrg, vendorScopeOf, type Actor } from '../../core/permissions.js';
import { listGoldJudgments, listJudgments, listProjectVendorIds, listReviewDecisions } from '../../store/scorecards.js';
import type { Vendor } from '../../core/vendor.js';
import type { Project } from '../../store/projects.js';
import { getVendor } from '../../store/vendors.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';
import { loadSchema } from '../projects/schema-cache.js';
import { agreementWithConsensus } from '../quality/annotator-accuracy.js';
import { hasAgreement, type AgreementQuestion } from '../../core/agreement.js';
import type { PayTerms, VendorKind } from '../../core/vendor.js';
import {
  agreementOver,
  alphaOf,
  costOf,
  exactCostMinor,
  figuresOf,
  groupRows,
  rowsOf,
  SCORECARD_LEVEL,
  type AlphaFigure,
  type Figures,
  type Judgment,
  type Rows,
} from './scorecard-figures.js';

export { costOf, finiteMinor, proportion, SCORECARD_LEVEL, SMALL_SAMPLE_GOLD, weekStartOf } from './scorecard-figures.js';
export type { AlphaFigure, Figures, MinorEstimate, Proportion } from './scorecard-figures.js';

export interface VendorScorecard extends Figures {
  vendorId: string;
  name: string;
  kind: VendorKind;
  payTerms: PayTerms | null;
  alpha: AlphaFigure | null;
}

export interface ScorecardsView {
  projectId: string;
  level: number;
  intervals: string;
  rounding: string;
  vendors: VendorScorecard[];
  /** Every judgment of the project, whoever's; null for a vendor manager. */
  overall: (Figures & { alpha: AlphaFigure | null }) | null;
}

export interface AnnotatorScorecard extends Figures {
  annotatorId: string;
  name: string;
  pseudonym: string;
}

export interface AnnotatorScorecardsView {
  projectId: string;
  vendor: { id: string; name: string; kind: VendorKind; payTerms: PayTerms | null };
  level: number;
  intervals: string;
  rounding: string;
  annotators: AnnotatorScorecard[];
}

/** A project's raw material, loaded once per request, with its rows grouped by vendor once. */
export interface ScorecardMaterial extends Rows {
  agreement: Map<string, { n: number; agreed: number }>;
  question: AgreementQuestion | undefined;
  /** The rows of each vendor recorded on them (null: no vendor), in load order. */
  byVendor: Map<string | null, Rows>;
}

const INTERVALS = 'Wilson score 95% for proportions; percentile bootstrap over units (1,000 replicates, seeded, as the Quality tab) for alpha';
const ROUNDING = 'Costs are kept exact, in fractional minor units from the integer rate, and rounded only when shown (to a hundredth of a minor unit under 10 minor units: $0.0174, not $0.02); an interval always contains its estimate';

/** Every judgment, gold score and review decision of the project, and agreement with the consensus. The caller has checked access. */
export async function loadScorecardMaterial(deps: ServiceDeps, project: Project): Promise<ScorecardMaterial> {
  const db = deps.store.db;
  const [judgments, gold, decisions, agreement, schema] = await Promise.all([
    listJudgments(db, project.id),
    listGoldJudgments(db, project.id),
    listReviewDecisions(db, project.id),
    agreementWithConsensus(deps, project),
    loadSchema(db, project.id, project.schema_version),
  ]);
  const rows = { judgments, gold, decisions };
  return { ...rows, agreement, question: schema.questions.find(hasAgreement), byVendor: groupRows(rows, 'vendor_id') };
}

/** The vendors enabled or used on the project in the actor's scope, by id. The caller has checked access to the project. */
export async function listScorecardVendors(deps: ServiceDeps, actor: Actor, project: Project): Promise<Vendor[]> {
  const scope = vendorScopeOf(actor);
  const ids = (await listProjectVendorIds(deps.store.db, project.id)).filter((id) => scope === undefined || id === scope);
  return (await Promise.all(ids.map((id) => getVendor(deps.store.db, id)))).filter((v): v is Vendor => v !== undefined && v.org_id === project.org_id);
}

/** The annotators who made any of the judgments (agreement is per annotator: an annotator who changed vendor counts in both). */
function annotatorsOf(judgments: Judgment[]): Set<string> {
  return new Set(judgments.map((j) => j.annotator_id));
}

/** The scorecards of these vendors and, unless the actor is scoped to a vendor, of the whole project, from loaded material. */
export function scorecardsFrom(m: ScorecardMaterial, project: Project, vendors: Vendor[], actor: Actor): ScorecardsView {
  const cards = vendors.map((v): VendorScorecard => {
    const terms = v.payTerms;
    const rows = rowsOf(m.byVendor, v.id);
    const figures = figuresOf({ ...rows, agreement: agreementOver(m.agreement, annotatorsOf(rows.judgments)) }, terms);
    return { vendorId: v.id, name: v.name, kind: v.kind, payTerms: terms, ...figures, alpha: alphaOf(m.question, rows.judgments) };
  });
  let overall: ScorecardsView['overall'] = null;
  if (vendorScopeOf(actor) === undefined) {
    // A project-wide cost exists only when every judgment was made under pay terms of one currency.
    const termsById = new Map(vendors.map((v) => [v.id, v.payTerms]));
    const currencies = new Set(m.judgments.map((j) => (j.vendor_id === null ? null : (termsById.get(j.vendor_id)?.currency ?? null))));
    const base = figuresOf({ judgments: m.judgments, gold: m.gold, decisions: m.decisions, agreement: agreementOver(m.agreement, annotatorsOf(m.judgments)) }, null);
    const currency = currencies.size === 1 ? [...currencies][0] : null;
    if (currency) {
      // Total cost is the sum of the vendors' exact totals, so the overall rate is a blend: cost it as per_task at the
      // blended rate (total / judgments), which gives the same per-judgment figures.
      const exactTotal = vendors.reduce((s, v) => {
        const t = v.payTerms;
        if (!t) return s;
        const js = rowsOf(m.byVendor, v.id).judgments;
        return s + exactCostMinor(t, js.length, js.reduce((a, j) => a + j.time_spent_ms, 0));
      }, 0);
      const n = m.judgments.length;
      const blended = costOf({ model: 'per_task', rateMinor: n === 0 ? 0 : exactTotal / n, currency }, n, 0, base.review.acceptance, base.gold);
      base.cost = blended && { ...blended, payModel: 'per_task', total: exactTotal };
    }
    overall = { ...base, alpha: alphaOf(m.question, m.judgments) };
  }
  return { projectId: project.id, level: SCORECARD_LEVEL, intervals: INTERVALS, rounding: ROUNDING, vendors: cards, overall };
}

/** One vendor's annotators, each with the vendor's figures over their own judgments, from loaded material. */
export function annotatorScorecardsFrom(m: ScorecardMaterial, project: Project, vendor: Vendor): AnnotatorScorecardsView {
  const terms = vendor.payTerms;
  const rows = rowsOf(m.byVendor, vendor.id);
  const byAnnotator = groupRows(rows, 'annotator_id');
  const people = new Map<string, { name: string; pseudonym: string }>();
  for (const j of rows.judgments) people.set(j.annotator_id, { name: j.name, pseudonym: j.pseudonym });
  const annotators: AnnotatorScorecard[] = [...people]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, who]) => ({ annotatorId: id, ...who, ...figuresOf({ ...rowsOf(byAnnotator, id), agreement: agreementOver(m.agreement, [id]) }, terms) }));
  return {
    projectId: project.id,
    vendor: { id: vendor.id, name: vendor.name, kind: vendor.kind, payTerms: terms },
    level: SCORECARD_LEVEL,
    intervals: INTERVALS,
    rounding: ROUNDING,
    annotators,
  };
}

/** Scorecards of every vendor on the project and of the project as a whole. */
export async function projectScorecards(deps: ServiceDeps, actor: Actor, projectId: string): Promise<ScorecardsView> {
  authorize(actor, 'progress.read');
  const project = await requireProject(deps, actor, projectId);
  const vendors = await listScorecardVendors(deps, actor, project);
  return scorecardsFrom(await loadScorecardMaterial(deps, project), project, vendors, actor);
}

/** The vendor in the actor's scope, or 404 (a vendor manager gets 404 for every vendor but their own). */
export async function requireVendorInScope(deps: ServiceDeps, actor: Actor, vendorId: string): Promise<Vendor> {
  const v = requireInOrg(actor, await getVendor(deps.store.db, vendorId), 'Vendor');
  const scope = vendorScopeOf(actor);
  if (scope !== undefined && scope !== v.id) throw notFound('Vendor');
  return v;
}

/** One vendor's annotators on the project, each with the vendor's figures computed over their own judgments. */
export async function vendorAnnotatorScorecards(deps: ServiceDeps, actor: Actor, projectId: string, vendorId: string): Promise<AnnotatorScorecardsView> {
  authorize(actor, 'progress.read');
  const project = await requireProject(deps, actor, projectId);
  const vendor = await requireVendorInScope(deps, actor, vendorId);
  return annotatorScorecardsFrom(await loadScorecardMaterial(deps, project), project, vendor);
}
