/**
 * Head-to-head of two vendors on a project's gold, so "vendor A is worse" is a statement with a p-value:
 * - paired: the gold items both vendors judged, with *every* judgment each vendor made of them (a vendor's accuracy
 *   there is its correct judgments over its judgments, as gold accuracy is counted everywhere); the difference, its
 *   95% interval and p-value from a paired cluster bootstrap-t that resamples whole gold items with all their
 *   judgments (`quality/stats/paired-cluster-bootstrap.ts`), so that neither the item's difficulty nor one annotator's
 *   many judgments are taken for independent evidence. It replaced McNemar's test on each vendor's *first* judgment,
 *   which left most judgments out, let the fastest annotators speak for the vendor and missed a 0.16 gap on 60 items
 *   more often than not (power and false positives in BENCHMARKS.md);
 * - independent: every gold judgment of each vendor, the difference with Newcombe's hybrid score interval (1998,
 *   method 10) and the pooled two-proportion z-test. Judgments by one annotator are not independent of each other,
 *   so with few annotators per vendor this p-value is optimistic; the paired comparison is the one to quote.
 * Small samples (under 30 items or judgments a side) are labelled. Managers and admins only: comparing vendors is
 * the buyer's view, not a vendor manager's or a reviewer's.
 */
import { forbidden, invalid } from '../../core/errors.js';
import { authorize, type Actor } from '../../core/permissions.js';
import { createRng } from '../../quality/random.js';
import { pairedClusterBootstrap } from '../../quality/stats/paired-cluster-bootstrap.js';
import { newcombeDifference, twoProportionZTest } from '../../quality/stats/two-proportions.js';
import { listGoldJudgments } from '../../store/scorecards.js';
import type { Vendor } from '../../core/vendor.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';
import { SCORECARD_LEVEL, SMALL_SAMPLE_GOLD, type GoldJudgment } from './scorecard-figures.js';
import { requireVendorInScope } from './scorecards.js';

const BUYER_ROLES = ['admin', 'manager'];

/** Bootstrap resamples and the seed: the same judgments always give the same interval and p-value. */
export const HEAD_TO_HEAD_REPLICATES = 1999;
export const HEAD_TO_HEAD_SEED = 20_080_901;

export const PAIRED_METHOD = {
  interval:
    'symmetric bootstrap-t resampling the shared gold items with all their judgments, 1,999 resamples (Hall 1992, The Bootstrap and Edgeworth Expansion, §3.6; Cameron, Gelbach & Miller 2008, Rev Econ Stat 90:414)',
  test: 'paired bootstrap-t test (gold items resampled, two-sided)',
  pairing: 'every judgment by each vendor of the gold items both vendors judged; accuracy is correct judgments over judgments on those items',
} as const;
export const INDEPENDENT_METHOD = {
  interval: 'Newcombe (1998, Stat Med 17:873) method 10: hybrid score interval from the two Wilson intervals',
  test: 'two-proportion z-test with the pooled proportion, two-sided',
} as const;

export async function headToHead(deps: ServiceDeps, actor: Actor, projectId: string, q: { a?: string | undefined; b?: string | undefined }) {
  authorize(actor, 'progress.read');
  if (actor.kind === 'user' && !BUYER_ROLES.includes(actor.role)) throw forbidden('Only managers and admins compare vendors');
  const project = await requireProject(deps, actor, projectId);
  if (!q.a) throw invalid('Name the first vendor: ?a=<vendorId>', 'a');
  if (!q.b) throw invalid('Name the second vendor: ?b=<vendorId>', 'b');
  if (q.a === q.b) throw invalid('Compare two different vendors', 'b');
  const [va, vb] = [await requireVendorInScope(deps, actor, q.a), await requireVendorInScope(deps, actor, q.b)];
  return headToHeadOf(await listGoldJudgments(deps.store.db, project.id), project.id, va, vb);
}

export type HeadToHeadView = ReturnType<typeof headToHeadOf>;

/**
 * The head-to-head of two vendors from the project's gold judgments, oldest first (as `listGoldJudgments` returns
 * them): one pass over the list, so the quality report compares every pair from one load. The caller has checked access.
 */
export function headToHeadOf(gold: readonly GoldJudgment[], projectId: string, va: Pick<Vendor, 'id' | 'name'>, vb: Pick<Vendor, 'id' | 'name'>) {
  const perItem = new Map<string, { kA: number; nA: number; kB: number; nB: number }>();
  const annotatorsA = new Set<string>();
  const annotatorsB = new Set<string>();
  let [nA, kA, nB, kB] = [0, 0, 0, 0];
  for (const g of gold) {
    const isA = g.vendor_id === va.id;
    if (!isA && g.vendor_id !== vb.id) continue;
    let t = perItem.get(g.item_id);
    if (!t) perItem.set(g.item_id, (t = { kA: 0, nA: 0, kB: 0, nB: 0 }));
    if (isA) {
      nA++;
      kA += Number(g.correct);
      t.nA++;
      t.kA += Number(g.correct);
    } else {
      nB++;
      kB += Number(g.correct);
      t.nB++;
      t.kB += Number(g.correct);
    }
  }
  const shared = [...perItem.values()].filter((t) => t.nA > 0 && t.nB > 0);
  const sharedItems = new Set([...perItem].filter(([, t]) => t.nA > 0 && t.nB > 0).map(([item]) => item));
  for (const g of gold) {
    if (!sharedItems.has(g.item_id)) continue;
    if (g.vendor_id === va.id) annotatorsA.add(g.annotator_id);
    else if (g.vendor_id === vb.id) annotatorsB.add(g.annotator_id);
  }
  const pc = pairedClusterBootstrap(
    { correctA: shared.map((t) => t.kA), judgedA: shared.map((t) => t.nA), correctB: shared.map((t) => t.kB), judgedB: shared.map((t) => t.nB) },
    createRng(HEAD_TO_HEAD_SEED),
    { replicates: HEAD_TO_HEAD_REPLICATES, level: SCORECARD_LEVEL },
  );
  const ii = newcombeDifference(kA, nA, kB, nB, SCORECARD_LEVEL);
  const z = twoProportionZTest(kA, nA, kB, nB);
  const num = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    projectId,
    a: { vendorId: va.id, name: va.name },
    b: { vendorId: vb.id, name: vb.name },
    level: SCORECARD_LEVEL,
    paired: {
      items: pc.items,
      judgmentsA: pc.judgmentsA,
      judgmentsB: pc.judgmentsB,
      annotatorsA: annotatorsA.size,
      annotatorsB: annotatorsB.size,
      accuracyA: pc.accuracyA,
      accuracyB: pc.accuracyB,
      difference: pc.difference,
      lower: pc.lower,
      upper: pc.upper,
      statistic: pc.statistic === null ? null : num(pc.statistic),
      pValue: pc.pValue,
      smallSample: pc.items < SMALL_SAMPLE_GOLD,
      method: PAIRED_METHOD,
    },
    independent: {
      nA,
      correctA: kA,
      nB,
      correctB: kB,
      accuracyA: nA === 0 ? null : kA / nA,
      accuracyB: nB === 0 ? null : kB / nB,
      difference: num(ii.difference),
      lower: nA === 0 || nB === 0 ? null : ii.lower,
      upper: nA === 0 || nB === 0 ? null : ii.upper,
      statistic: num(z.statistic),
      pValue: num(z.pValue),
      smallSample: Math.min(nA, nB) < SMALL_SAMPLE_GOLD,
      method: INDEPENDENT_METHOD,
    },
  };
}
