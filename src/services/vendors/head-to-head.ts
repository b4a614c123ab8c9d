/**
 * Head-to-head of two vendors on a project's gold, so "vendor A is worse" is a statement with a p-value:
 * - paired: the gold items both vendors judged, each vendor's *first* judgment of each (later ones by other
 *   annotators of the same vendor are left out, so each item is one pair); the 2×2 table of right/wrong, the
 *   difference in accuracy with Newcombe's paired interval (1998b, method 10) and McNemar's exact test;
 * - independent: every gold judgment of each vendor, the difference with Newcombe's hybrid score interval (1998,
 *   method 10) and the pooled two-proportion z-test. Judgments by one annotator are not independent of each other,
 *   so with few annotators per vendor this p-value is optimistic; the paired comparison is the one to quote.
 * Small samples (under 30 items or judgments a side) are labelled. Managers and admins only: comparing vendors is
 * the buyer's view, not a vendor manager's or a reviewer's.
 */
import { forbidden, invalid } from '../../core/errors.js';
import { authorize, type Actor } from '../../core/permissions.js';
import { mcnemarExact, newcombeDifference, newcombePairedDifference, twoProportionZTest } from '../../quality/stats/two-proportions.js';
import { listGoldJudgments } from '../../store/scorecards.js';
import type { VendorRow } from '../../store/schema.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/projects.js';
import { SCORECARD_LEVEL, SMALL_SAMPLE_GOLD, type GoldJudgment } from './scorecard-figures.js';
import { requireVendorInScope } from './scorecards.js';

const BUYER_ROLES = ['admin', 'manager'];

export const PAIRED_METHOD = {
  interval: 'Newcombe (1998b, Stat Med 17:2635) method 10: paired square-and-add of Wilson intervals, continuity-corrected phi',
  test: "McNemar's exact test (two-sided binomial test on the discordant pairs)",
  pairing: "each vendor's first judgment of each gold item both vendors judged",
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
export function headToHeadOf(gold: readonly GoldJudgment[], projectId: string, va: Pick<VendorRow, 'id' | 'name'>, vb: Pick<VendorRow, 'id' | 'name'>) {
  const firstA = new Map<string, number>();
  const firstB = new Map<string, number>();
  let [nA, kA, nB, kB] = [0, 0, 0, 0];
  for (const g of gold) {
    if (g.vendor_id === va.id) {
      nA++;
      kA += g.correct;
      if (!firstA.has(g.item_id)) firstA.set(g.item_id, g.correct);
    } else if (g.vendor_id === vb.id) {
      nB++;
      kB += g.correct;
      if (!firstB.has(g.item_id)) firstB.set(g.item_id, g.correct);
    }
  }
  const t = { a: 0, b: 0, c: 0, d: 0 };
  for (const [item, ca] of firstA) {
    const cb = firstB.get(item);
    if (cb === undefined) continue;
    if (ca && cb) t.a++;
    else if (ca) t.b++;
    else if (cb) t.c++;
    else t.d++;
  }
  const pairs = t.a + t.b + t.c + t.d;
  const pi = newcombePairedDifference(t, SCORECARD_LEVEL);
  const mc = mcnemarExact(t.b, t.c);
  const ii = newcombeDifference(kA, nA, kB, nB, SCORECARD_LEVEL);
  const z = twoProportionZTest(kA, nA, kB, nB);
  const num = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    projectId,
    a: { vendorId: va.id, name: va.name },
    b: { vendorId: vb.id, name: vb.name },
    level: SCORECARD_LEVEL,
    paired: {
      items: pairs,
      bothCorrect: t.a,
      onlyACorrect: t.b,
      onlyBCorrect: t.c,
      neitherCorrect: t.d,
      accuracyA: pairs === 0 ? null : (t.a + t.b) / pairs,
      accuracyB: pairs === 0 ? null : (t.a + t.c) / pairs,
      difference: num(pi.difference),
      lower: pairs === 0 ? null : pi.lower,
      upper: pairs === 0 ? null : pi.upper,
      statistic: mc.statistic,
      pValue: pairs === 0 ? null : mc.pValue,
      smallSample: pairs < SMALL_SAMPLE_GOLD,
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
