/**
 * Overview: where the project stands in one line ("24 of 33 items complete · 40 of 66 judgments · 3 gold items"),
 * then each count with what it counts (items complete, in progress, not started; judgments made and still needed;
 * gold items; live leases; skips; defined in `src/core/figures/counts.ts`), refreshed every 5 s, and throughput over
 * time as a chart by hour or by day.
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useProgress } from '../../../api/queries';
import type { Progress } from '../../../api/types';
import { Chart } from '../../../components/Chart';
import { ErrorMessage, Loading } from '../../../components/Status';
import { percent } from '../format';
import { useThroughput, type ThroughputBucket } from '../queries';

const REFRESH_MS = 5000;

export function OverviewTab({ projectId }: { projectId: string }) {
  const progress = useProgress(projectId, REFRESH_MS);
  return (
    <div className="overview">
      {progress.isPending ? (
        <Loading label="Loading progress" />
      ) : progress.isError ? (
        <ErrorMessage error={progress.error} title="Progress could not be loaded" />
      ) : progress.data.totalItems === 0 ? (
        <NextSteps projectId={projectId} />
      ) : (
        <ProgressFigures p={progress.data} />
      )}
      {progress.data?.totalItems !== 0 && <ThroughputCard projectId={projectId} />}
    </div>
  );
}

/** A project without items has nothing to measure yet: what to do next, in order, instead of a page of zeros. */
function NextSteps({ projectId }: { projectId: string }) {
  const base = `/manage/projects/${projectId}`;
  return (
    <section className="card next-steps" aria-labelledby="next-steps-title">
      <h2 id="next-steps-title">Next: import the items to label</h2>
      <p>This project has no items yet, so there is nothing to label or measure. Its figures appear here once work starts.</p>
      <ol>
        <li>
          <Link to={`${base}/import`}>Import items</Link> from a JSONL or CSV file (the Import tab offers a template for this schema and checks a file
          before writing anything).
        </li>
        <li>Import gold answers for some of them, so each annotator’s accuracy is measured from their first tasks.</li>
        <li>
          Check the <Link to={`${base}/guidelines`}>guidelines</Link> and <Link to={`${base}/settings`}>settings</Link> (overlap, gold rate, vendors),
          then open the project for labeling.
        </li>
      </ol>
      <Link className="btn primary" to={`${base}/import`}>
        Import items
      </Link>
    </section>
  );
}

function ProgressFigures({ p }: { p: Progress }) {
  const total = Math.max(p.totalItems, 1);
  return (
    <section className="card progress-card" aria-labelledby="progress-title">
      <h2 id="progress-title">Progress</h2>
      <p className="progress-summary">{p.summary}</p>
      <div className="stacked-bar" role="img" aria-label={`${p.completeItems} items complete, ${p.itemsInProgress} in progress, ${p.remainingItems} not started`}>
        <span className="seg done" style={{ width: `${(p.completeItems / total) * 100}%` }} />
        <span className="seg in-progress" style={{ width: `${(p.itemsInProgress / total) * 100}%` }} />
      </div>
      <dl className="figures">
        <Figure label="Items complete" value={p.completeItems} note={`${percent(p.completeItems, p.totalItems)} of ${p.totalItems.toLocaleString()}: all ${p.overlapK} judgments in`} swatch="done" />
        <Figure label="In progress" value={p.itemsInProgress} note="some judgments, or someone on them" swatch="in-progress" />
        <Figure label="Not started" value={p.remainingItems} note="no judgment, nobody on them" swatch="remaining" />
        <Figure label="Judgments" value={p.judgments} note={`of ${p.judgmentsPlanned.toLocaleString()} planned (k = ${p.overlapK}), gold items apart`} />
        <Figure label="Still needed" value={p.judgmentsNeeded} note="judgments to finish" />
        {p.goldItems !== null && <Figure label="Gold items" value={p.goldItems} note="hidden among the items, not counted in them" />}
        <Figure label="Active leases" value={p.activeLeases} note="tasks open right now" />
        <Figure label="Skips" value={p.skips} note="tasks passed with a reason" />
      </dl>
      <p className="muted small" aria-live="off">
        Refreshes every 5 seconds.
      </p>
    </section>
  );
}

function Figure({ label, value, note, swatch }: { label: string; value: number; note: string; swatch?: string }) {
  return (
    <div className="figure">
      <dt>
        {swatch && <span className={`swatch ${swatch}`} aria-hidden="true" />}
        {label}
      </dt>
      <dd>
        <span className="figure-value">{value.toLocaleString()}</span>
        <span className="figure-note">{note}</span>
      </dd>
    </div>
  );
}

const count = (n: number, what: string) => `${n.toLocaleString()} ${what}${n === 1 ? '' : 's'}`;

const SPAN_TEXT: Record<ThroughputBucket, string> = { hour: 'the last 48 hours', day: 'the last 30 days' };

function ThroughputCard({ projectId }: { projectId: string }) {
  const [bucket, setBucket] = useState<ThroughputBucket>('hour');
  const throughput = useThroughput(projectId, bucket, REFRESH_MS);
  const data = throughput.data;
  const chart = useMemo(() => {
    if (!data) return null;
    // The reply's own bucket: while a new grouping loads, the previous reply is still shown.
    const bucket = data.bucket;
    const label = (iso: string) =>
      new Date(iso).toLocaleString(undefined, bucket === 'hour' ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } : { month: 'short', day: 'numeric' });
    const categories = data.buckets.map((b) => label(b.start));
    const busiest = data.buckets.reduce((best, b) => (b.judgments > best.judgments ? b : best), data.buckets[0] ?? { start: '', judgments: 0, skips: 0 });
    const summary =
      data.judgments === 0 && data.skips === 0
        ? `No judgments or skips in ${SPAN_TEXT[bucket]}.`
        : `${count(data.judgments, 'judgment')} (gold items included) and ${count(data.skips, 'skip')} in ${SPAN_TEXT[bucket]}; the busiest ${bucket} was ${label(busiest.start)} with ${count(busiest.judgments, 'judgment')}.`;
    return {
      bucket,
      categories,
      summary,
      series: [
        { name: 'Judgments', kind: 'bar' as const, values: data.buckets.map((b) => b.judgments), colorVar: '--accent' },
        { name: 'Skips', kind: 'line' as const, values: data.buckets.map((b) => b.skips), colorVar: '--warn' },
      ],
    };
  }, [data]);
  const shownBucket = chart?.bucket ?? bucket;
  const axisLabel = useMemo(() => (shownBucket === 'hour' ? (c: string) => c.replace(/^.*?,\s*/, '') : undefined), [shownBucket]);
  return (
    <section className="card throughput-card" aria-labelledby="throughput-title">
      <div className="card-head">
        <h2 id="throughput-title">Throughput</h2>
        <div role="group" aria-label="Group by" className="segmented-buttons">
          {(['hour', 'day'] as const).map((b) => (
            <button key={b} type="button" className={`btn small ${bucket === b ? 'active' : ''}`} aria-pressed={bucket === b} onClick={() => setBucket(b)}>
              By {b}
            </button>
          ))}
        </div>
      </div>
      {throughput.isError ? (
        <ErrorMessage error={throughput.error} title="Throughput could not be loaded" />
      ) : !chart ? (
        <Loading label="Loading throughput" />
      ) : (
        <Chart
          title={`Judgments and skips per ${shownBucket}, ${SPAN_TEXT[shownBucket]}`}
          summary={chart.summary}
          categories={chart.categories}
          series={chart.series}
          formatAxisLabel={axisLabel}
          categoryName={shownBucket === 'hour' ? 'Hour' : 'Day'}
        />
      )}
    </section>
  );
}
