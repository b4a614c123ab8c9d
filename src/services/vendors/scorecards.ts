/**
 * Vendor scorecards: per vendor on a project (and over all of it), and per annotator within a vendor, the evidence a
 * buyer of labels needs to say whose data is better and what a correct label costs.
 * - Gold accuracy: correct / scored gold judgments, Wilson 95% interval (the interval Newcombe's difference, used by
 *   the head-to-head, is built from); `smallSample` under 30 gold judgments.
 * - Agreement with the aggregated answer (`agreementWithConsensus`, Wilson interval) and Krippendorff's alpha among
 *   the vendor's own judgments on the schema's first label/multi_label/rating/pairwise question (seeded bootstrap).
 * - Review: decided reviews by outcome, acceptance (accepted / decided, Wilson) and rejection reasons with counts.
 * - Throughput: judgments per active hour (hours = Σ time_spent_ms) and the median time per judgment.
 * - Cost, from the vendor's pay terms: total = rate × judgments (per_task) or rate × active hours (per_hour); per
 *   judgment = total / judgments; per accepted judgment = per judgment / acceptance; per *correct* judgment = per
 *   judgment / accuracy, its interval [per judgment / accuracy upper, per judgment / accuracy lower] (the map is
 *   decreasing, so the bounds swap; an accuracy bound of 0 leaves that end open: null). Every figure is carried in
 *   exact floating minor units from the integer rate, and rounded once at the end to the nearest integer minor unit
 *   (half up), so no rounding compounds.
 * - Trend: gold accuracy per ISO week (Monday 00:00 UTC), each week on its own (not cumulative), Wilson interval.
 * Whoever may read progress may read scorecards; a vendor manager sees only their own vendor's card, never `overall`
 * (it holds other vendors' work), and a 404 for another vendor's annotators.
 */
import { notFound } from '../../core/errors.js';
import { authorize, requireInOrg, vendorScopeOf, type Actor } from '../../core/permissions.js';
import { krippendorffAlphaInterval } from '../../quality/agreement/krippendorff.js';
import { wilsonInterval } from '../../quality/stats/wilson.js';
import { fromJson } from '../../store/dialect.js';
import { listGoldJudgments, listJudgments, listProjectVendorIds, listReviewDecisions } from '../../store/scorecards.js';
import type { VendorRow } from '../../store/schema.js';
import { getVendor } from '../../store/vendors.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/projects.js';
import { loadSchema } from '../projects/schema-cache.js';
import { agreementWithConsensus } from '../quality/annotator-accuracy.js';
import { AGREEMENT_SEED } from '../quality/agreement.js';
import { createReliabilityBuilder, hasAgreement, LEVEL_OF, type AgreementQuestion } from '../quality/reliability-data.js';
import { payTermsOf, type PayTerms, type VendorKind } from '../workforce/vendors.js';

export const SCORECARD_LEVEL = 0.95;
/** Under this many gold judgments a card is labelled a small sample. */
export const SMALL_SAMPLE_GOLD = 30;
const ALPHA_REPLICATES = 500;
const HOUR_MS = 3_600_000;

/** A proportion with its Wilson interval; rate and bounds null when n is 0. */
export interface Proportion {
  n: number;
  k: number;
  rate: number | null;
  lower: number | null;
  upper: number | null;
}

/** An amount in integer minor units with its interval (null where an end is unbounded or undefined). */
export interface MinorEstimate {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}

export interface Figures {
  gold: Proportion;
  smallSample: boolean;
  agreement: Proportion | null;
  review: { decided: number; accepted: number; rejected: number; corrected: number; acceptance: Proportion; rejectionReasons: { reason: string; n: number }[] };
  throughput: { judgments: number; activeHours: number; perActiveHour: number | null; medianTimeMs: number | null };
  cost: {
    currency: string;
    payModel: PayTerms['model'];
    /** All judgments' cost, rounded to the minor unit. */
    total: number;
    perJudgment: number | null;
    perAcceptedJudgment: MinorEstimate;
    perCorrectJudgment: MinorEstimate;
  } | null;
  trend: { weekStart: string; n: number; correct: number; rate: number | null; lower: number | null; upper: number | null }[];
}

export interface VendorScorecard extends Figures {
  vendorId: string;
  name: string;
  kind: VendorKind;
  payTerms: PayTerms | null;
  alpha: AlphaFigure | null;
}

export interface AlphaFigure {
  questionId: string;
  alpha: number | null;
  lower: number | null;
  upper: number | null;
  units: number;
  values: number;
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

type Judgment = Awaited<ReturnType<typeof listJudgments>>[number];
type GoldJudgment = Awaited<ReturnType<typeof listGoldJudgments>>[number];
type Decision = Awaited<ReturnType<typeof listReviewDecisions>>[number];

/** A project's raw material, loaded once per request. */
interface Material {
  judgments: Judgment[];
  gold: GoldJudgment[];
  decisions: Decision[];
  agreement: Map<string, { n: number; agreed: number }>;
  question: AgreementQuestion | undefined;
}

const INTERVALS = 'Wilson score 95% for proportions; percentile bootstrap over units (500 replicates, seeded) for alpha';
const ROUNDING = 'Costs are computed in exact minor units from the integer rate and rounded once, at the end, to the nearest minor unit (half up)';

export function proportion(k: number, n: number): Proportion {
  if (n === 0) return { n, k, rate: null, lower: null, upper: null };
  const w = wilsonInterval(k, n, SCORECARD_LEVEL);
  return { n, k, rate: w.estimate, lower: w.lower, upper: w.upper };
}

export const roundMinor = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : Math.floor(x + 0.5));

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Monday 00:00 UTC of the week an ISO timestamp falls in. */
export function weekStartOf(iso: string): string {
  const t = Date.parse(iso);
  const day = Math.floor(t / 86_400_000);
  const monday = day - ((day + 3) % 7); // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays
  return new Date(monday * 86_400_000).toISOString();
}

/**
 * Cost figures from pay terms. `total` exact in minor units; per accepted/correct judgment divide the per-judgment
 * cost by a rate and by its interval's bounds (swapped: the division is decreasing).
 */
export function costOf(
  terms: PayTerms | null,
  judgments: number,
  activeMs: number,
  acceptance: Proportion,
  accuracy: Proportion,
): Figures['cost'] {
  if (terms === null) return null;
  const total = terms.model === 'per_task' ? terms.rateMinor * judgments : (terms.rateMinor * activeMs) / HOUR_MS;
  const perJudgment = judgments === 0 ? null : total / judgments;
  const divided = (p: Proportion): MinorEstimate =>
    perJudgment === null || p.rate === null
      ? { estimate: null, lower: null, upper: null }
      : {
          estimate: p.rate === 0 ? null : roundMinor(perJudgment / p.rate),
          lower: roundMinor(perJudgment / p.upper!),
          upper: p.lower === 0 ? null : roundMinor(perJudgment / p.lower!),
        };
  return {
    currency: terms.currency,
    payModel: terms.model,
    total: roundMinor(total)!,
    perJudgment: roundMinor(perJudgment),
    perAcceptedJudgment: divided(acceptance),
    perCorrectJudgment: divided(accuracy),
  };
}

/** The figures of one group of judgments (a vendor, an annotator, the whole project). */
function figuresOf(m: { judgments: Judgment[]; gold: GoldJudgment[]; decisions: Decision[]; agreement: Proportion | null }, terms: PayTerms | null): Figures {
  const gold = proportion(m.gold.reduce((s, g) => s + g.correct, 0), m.gold.length);
  const count = (o: string) => m.decisions.filter((d) => d.outcome === o).reduce((s, d) => s + d.n, 0);
  const accepted = count('accept');
  const rejected = count('reject');
  const corrected = count('correct');
  const decided = accepted + rejected + corrected;
  const reasons = new Map<string, number>();
  for (const d of m.decisions) {
    if (d.outcome !== 'reject') continue;
    const reason = d.reason ?? '(none given)';
    reasons.set(reason, (reasons.get(reason) ?? 0) + d.n);
  }
  const acceptance = proportion(accepted, decided);
  const activeMs = m.judgments.reduce((s, j) => s + j.time_spent_ms, 0);
  const activeHours = activeMs / HOUR_MS;
  const weeks = new Map<string, { n: number; correct: number }>();
  for (const g of m.gold) {
    const w = weekStartOf(g.created_at);
    const t = weeks.get(w) ?? { n: 0, correct: 0 };
    t.n++;
    t.correct += g.correct;
    weeks.set(w, t);
  }
  return {
    gold,
    smallSample: gold.n < SMALL_SAMPLE_GOLD,
    agreement: m.agreement,
    review: {
      decided,
      accepted,
      rejected,
      corrected,
      acceptance,
      rejectionReasons: [...reasons].map(([reason, n]) => ({ reason, n })).sort((a, b) => b.n - a.n || a.reason.localeCompare(b.reason)),
    },
    throughput: {
      judgments: m.judgments.length,
      activeHours,
      perActiveHour: activeMs > 0 ? m.judgments.length / activeHours : null,
      medianTimeMs: median(m.judgments.map((j) => j.time_spent_ms)),
    },
    cost: costOf(terms, m.judgments.length, activeMs, acceptance, gold),
    trend: [...weeks]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([weekStart, t]) => {
        const p = proportion(t.correct, t.n);
        return { weekStart, n: t.n, correct: t.correct, rate: p.rate, lower: p.lower, upper: p.upper };
      }),
  };
}

function alphaOf(question: AgreementQuestion | undefined, judgments: Judgment[]): AlphaFigure | null {
  if (question === undefined) return null;
  const builder = createReliabilityBuilder(question);
  for (const j of judgments) builder.add(j.item_id, fromJson<Record<string, unknown>>(j.answers)[question.id]);
  const r = krippendorffAlphaInterval(builder.snapshot(), { level: LEVEL_OF[question.type], replicates: ALPHA_REPLICATES, confidence: SCORECARD_LEVEL, seed: AGREEMENT_SEED });
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  const alpha = finite(r.alpha);
  return { questionId: question.id, alpha, lower: alpha === null ? null : finite(r.lower), upper: alpha === null ? null : finite(r.upper), units: r.nUnits, values: r.nValues };
}

/** Agreement with the consensus summed over a set of annotators. */
function agreementOver(agreement: Map<string, { n: number; agreed: number }>, annotators: Iterable<string>): Proportion | null {
  let n = 0;
  let agreed = 0;
  for (const id of annotators) {
    const a = agreement.get(id);
    if (a) {
      n += a.n;
      agreed += a.agreed;
    }
  }
  return n === 0 ? null : proportion(agreed, n);
}

async function loadMaterial(deps: ServiceDeps, project: Parameters<typeof agreementWithConsensus>[1]): Promise<Material> {
  const db = deps.store.db;
  const [judgments, gold, decisions, agreement, schema] = await Promise.all([
    listJudgments(db, project.id),
    listGoldJudgments(db, project.id),
    listReviewDecisions(db, project.id),
    agreementWithConsensus(deps, project),
    loadSchema(db, project.id, project.schema_version),
  ]);
  return { judgments, gold, decisions, agreement, question: schema.questions.find(hasAgreement) };
}

/** The annotators who made any of the judgments (agreement is per annotator: an annotator who changed vendor counts in both). */
function annotatorsOf(judgments: Judgment[]): Set<string> {
  return new Set(judgments.map((j) => j.annotator_id));
}

const vendorFigures = (m: Material, vendorId: string | null, terms: PayTerms | null) => {
  const judgments = m.judgments.filter((j) => j.vendor_id === vendorId);
  return figuresOf(
    {
      judgments,
      gold: m.gold.filter((g) => g.vendor_id === vendorId),
      decisions: m.decisions.filter((d) => d.vendor_id === vendorId),
      agreement: agreementOver(m.agreement, annotatorsOf(judgments)),
    },
    terms,
  );
};

/** Scorecards of every vendor on the project and of the project as a whole. */
export async function projectScorecards(deps: ServiceDeps, actor: Actor, projectId: string): Promise<ScorecardsView> {
  authorize(actor, 'progress.read');
  const project = await requireProject(deps, actor, projectId);
  const scope = vendorScopeOf(actor);
  const ids = (await listProjectVendorIds(deps.store.db, project.id)).filter((id) => scope === undefined || id === scope);
  const vendors = (await Promise.all(ids.map((id) => getVendor(deps.store.db, id)))).filter((v): v is VendorRow => v !== undefined && v.org_id === project.org_id);
  const m = await loadMaterial(deps, project);
  const cards = vendors.map((v) => {
    const terms = payTermsOf(v);
    const judgments = m.judgments.filter((j) => j.vendor_id === v.id);
    return { vendorId: v.id, name: v.name, kind: v.kind as VendorKind, payTerms: terms, ...vendorFigures(m, v.id, terms), alpha: alphaOf(m.question, judgments) };
  });
  let overall: ScorecardsView['overall'] = null;
  if (scope === undefined) {
    // A project-wide cost exists only when every judgment was made under pay terms of one currency.
    const termsById = new Map(vendors.map((v) => [v.id, payTermsOf(v)]));
    const currencies = new Set(m.judgments.map((j) => (j.vendor_id === null ? null : (termsById.get(j.vendor_id)?.currency ?? null))));
    const base = figuresOf({ judgments: m.judgments, gold: m.gold, decisions: m.decisions, agreement: agreementOver(m.agreement, annotatorsOf(m.judgments)) }, null);
    const currency = currencies.size === 1 ? [...currencies][0] : null;
    if (currency) {
      // Total cost is the sum of the vendors' exact totals, so the overall rate is a blend: cost it as per_task at the
      // blended rate (total / judgments), which gives the same per-judgment figures.
      const exactTotal = vendors.reduce((s, v) => {
        const t = payTermsOf(v);
        if (!t) return s;
        const js = m.judgments.filter((j) => j.vendor_id === v.id);
        return s + (t.model === 'per_task' ? t.rateMinor * js.length : (t.rateMinor * js.reduce((a, j) => a + j.time_spent_ms, 0)) / HOUR_MS);
      }, 0);
      const n = m.judgments.length;
      const blended = costOf({ model: 'per_task', rateMinor: n === 0 ? 0 : exactTotal / n, currency }, n, 0, base.review.acceptance, base.gold);
      base.cost = blended && { ...blended, payModel: 'per_task', total: roundMinor(exactTotal)! };
    }
    overall = { ...base, alpha: alphaOf(m.question, m.judgments) };
  }
  return { projectId: project.id, level: SCORECARD_LEVEL, intervals: INTERVALS, rounding: ROUNDING, vendors: cards, overall };
}

export interface AnnotatorScorecard extends Figures {
  annotatorId: string;
  name: string;
  pseudonym: string;
}

/** The vendor in the actor's scope, or 404 (a vendor manager gets 404 for every vendor but their own). */
export async function requireVendorInScope(deps: ServiceDeps, actor: Actor, vendorId: string): Promise<VendorRow> {
  const v = requireInOrg(actor, await getVendor(deps.store.db, vendorId), 'Vendor');
  const scope = vendorScopeOf(actor);
  if (scope !== undefined && scope !== v.id) throw notFound('Vendor');
  return v;
}

/** One vendor's annotators on the project, each with the vendor's figures computed over their own judgments. */
export async function vendorAnnotatorScorecards(deps: ServiceDeps, actor: Actor, projectId: string, vendorId: string) {
  authorize(actor, 'progress.read');
  const project = await requireProject(deps, actor, projectId);
  const vendor = await requireVendorInScope(deps, actor, vendorId);
  const terms = payTermsOf(vendor);
  const m = await loadMaterial(deps, project);
  const judgments = m.judgments.filter((j) => j.vendor_id === vendor.id);
  const people = new Map<string, { name: string; pseudonym: string }>();
  for (const j of judgments) people.set(j.annotator_id, { name: j.name, pseudonym: j.pseudonym });
  const annotators: AnnotatorScorecard[] = [...people]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, who]) => ({
      annotatorId: id,
      ...who,
      ...figuresOf(
        {
          judgments: judgments.filter((j) => j.annotator_id === id),
          gold: m.gold.filter((g) => g.vendor_id === vendor.id && g.annotator_id === id),
          decisions: m.decisions.filter((d) => d.vendor_id === vendor.id && d.annotator_id === id),
          agreement: agreementOver(m.agreement, [id]),
        },
        terms,
      ),
    }));
  return {
    projectId: project.id,
    vendor: { id: vendor.id, name: vendor.name, kind: vendor.kind as VendorKind, payTerms: terms },
    level: SCORECARD_LEVEL,
    intervals: INTERVALS,
    rounding: ROUNDING,
    annotators,
  };
}
