/**
 * The cells a scorecard row is made of, shared by the vendor rows, the overall row and the annotator rows: each
 * figure with its interval and the count it rests on, or a plain word where there is no figure yet, and the row's
 * effort and fraud flags (from the signals route, which scopes a vendor manager to their vendor as the scorecards do).
 */
import { IntervalCell } from '../quality/IntervalCell';
import { FlagCounts } from '../quality/SignalFlagList';
import type { SignalCounts } from '../quality/types';
import { formatMinor, formatMinorInterval } from './format';
import type { Figures } from './types';

type Proportion = Figures['gold'];
type Minor = NonNullable<Figures['cost']>['perCorrectJudgment'];

export const COLUMN_COUNT = 10;

const count = (n: number) => n.toLocaleString();

/** Median time per task: seconds under two minutes, else minutes. */
export function formatDuration(ms: number): string {
  const s = ms / 1000;
  return s < 120 ? `${Math.round(s)} s` : `${(s / 60).toFixed(1)} min`;
}

function ProportionCell({ p, what, empty }: { p: Proportion | null; what: string; empty: string }) {
  if (!p || p.rate === null || p.lower === null || p.upper === null) return <span className="muted">{empty}</span>;
  return <IntervalCell stacked value={p.rate} lower={p.lower} upper={p.upper} note={`${count(p.k)} of ${count(p.n)} ${what}`} />;
}

/** An exact cost with its interval, written at one precision (sub-cent under 10 ¢) with the ends rounded outward. */
function MinorCell({ m, currency }: { m: Minor; currency: string }) {
  if (m.estimate === null) return <span className="muted">—</span>;
  const f = formatMinorInterval({ estimate: m.estimate, lower: m.lower, upper: m.upper }, currency);
  return (
    <>
      {f.estimate}
      {(m.lower !== null || m.upper !== null) && (
        <span className="cell-note">
          95%: {f.lower ?? '—'} to {f.upper ?? '∞'}
        </span>
      )}
    </>
  );
}

/** Every figure of a row after its name, in the order of the table's columns; `flags` null until the signals are read. */
export function FigureCells({ f, flags }: { f: Figures; flags: SignalCounts | null }) {
  const cost = f.cost;
  return (
    <>
      <td>
        <ProportionCell p={f.gold} what="correct" empty="no gold yet" />
        {f.smallSample && <span className="badge small-sample">Small sample</span>}
      </td>
      <td className="num">{count(f.gold.n)}</td>
      <td>
        <ProportionCell p={f.agreement} what="agree" empty="no consensus yet" />
      </td>
      <td className="num">
        {f.alpha === undefined ? null : f.alpha && f.alpha.alpha !== null ? (
          <>
            {f.alpha.alpha.toFixed(2)}
            {f.alpha.lower !== null && f.alpha.upper !== null && (
              <span className="cell-note nowrap">
                <span className="visually-hidden">95% interval </span>
                {f.alpha.lower.toFixed(2)}–{f.alpha.upper.toFixed(2)}
              </span>
            )}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <ProportionCell p={f.review.acceptance} what="accepted" empty="not reviewed" />
        {f.review.rejectionReasons.length > 0 && (
          // The reasons are reviewers' sentences: folded, so a long one does not stretch the row.
          <details className="cell-note rejection-reasons">
            <summary>
              Rejected for {f.review.rejectionReasons.length === 1 ? '1 reason' : `${f.review.rejectionReasons.length} reasons`}
            </summary>
            <ul>
              {f.review.rejectionReasons.map((r) => (
                <li key={r.reason}>
                  {r.reason} ({count(r.n)})
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
      <td>
        <FlagCounts counts={flags} />
      </td>
      <td className="num">
        {f.throughput.perActiveHour === null ? <span className="muted">—</span> : `${f.throughput.perActiveHour.toFixed(1)} / h`}
        <span className="cell-note">
          {f.throughput.medianTimeMs === null ? 'no median yet' : `median ${formatDuration(f.throughput.medianTimeMs)}`}
        </span>
      </td>
      <td className="num">{cost ? cost.perJudgment === null ? <span className="muted">—</span> : formatMinor(cost.perJudgment, cost.currency) : <span className="muted">no pay terms</span>}</td>
      <td className="num">{cost ? <MinorCell m={cost.perAcceptedJudgment} currency={cost.currency} /> : <span className="muted">—</span>}</td>
      <td className="num">{cost ? <MinorCell m={cost.perCorrectJudgment} currency={cost.currency} /> : <span className="muted">—</span>}</td>
    </>
  );
}
