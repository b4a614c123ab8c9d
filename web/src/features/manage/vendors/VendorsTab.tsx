/**
 * The project's Vendors tab: whose data is better and what each correct label costs. The scorecards (a row per
 * vendor, expandable to its annotators, and the whole project), three charts (accuracy with its interval, cost per
 * correct label, accuracy by week), and the head-to-head of two vendors in one sentence with its p-value. A vendor manager gets their
 * own vendor's card only (the server scopes it and sends no overall figures, and their vendor's flag counts only) and
 * no head-to-head.
 */
import { useId } from 'react';
import { useMe } from '../../../api/queries';
import { ErrorMessage, Loading } from '../../../components/Status';
import { useSignalCounts } from '../quality/queries';
import { HeadToHeadCard } from './HeadToHeadCard';
import { useScorecards } from './queries';
import { ScorecardTable } from './ScorecardTable';
import { AccuracyChart, CostChart, TrendChart } from './VendorCharts';
import '../quality/quality.css';
import './vendors.css';

export function VendorsTab({ projectId }: { projectId: string }) {
  const id = useId();
  const me = useMe();
  const scorecards = useScorecards(projectId);
  const signals = useSignalCounts(projectId);
  const data = scorecards.data;
  const vendorManager = me.data?.role === 'vendor_manager';
  return (
    <div className="quality vendors">
      <section className="card quality-card" aria-labelledby={`${id}-title`}>
        <div className="card-head">
          <h2 id={`${id}-title`}>{vendorManager ? 'Your scorecard' : 'Vendor scorecards'}</h2>
        </div>
        <p className="muted small">
          Gold accuracy, agreement with the aggregated answer and acceptance in review, each with its Wilson 95% interval and the count it rests on; cost per
          correct judgment is cost per judgment divided by gold accuracy. Fewer than 30 gold judgments are marked as a small sample. Effort and fraud flags
          count the annotations flagged too fast, pasted, near-duplicate, straight-lined or in a run of gold misses (thresholds on the Quality tab). Expand a
          vendor for its annotators.
        </p>
        {scorecards.isError ? (
          <ErrorMessage error={scorecards.error} title="The scorecards could not be loaded" />
        ) : !data ? (
          <Loading label="Loading the scorecards" />
        ) : data.vendors.length === 0 ? (
          <p className="muted">No vendor has judgments on this project yet. Scorecards appear after the first.</p>
        ) : (
          <>
            {signals.isError && <ErrorMessage error={signals.error} title="Flag counts could not be loaded" />}
            <ScorecardTable projectId={projectId} vendors={data.vendors} overall={data.overall} signals={signals.data} />
          </>
        )}
      </section>
      {data && data.vendors.length > 0 && (
        <div className="quality-charts">
          <section className="card quality-card" aria-labelledby={`${id}-accuracy`}>
            <h2 id={`${id}-accuracy`}>Accuracy</h2>
            <AccuracyChart vendors={data.vendors} />
          </section>
          <section className="card quality-card" aria-labelledby={`${id}-cost`}>
            <h2 id={`${id}-cost`}>Cost per correct label</h2>
            <CostChart vendors={data.vendors} />
          </section>
          <section className="card quality-card" aria-labelledby={`${id}-trend`}>
            <h2 id={`${id}-trend`}>Trend</h2>
            <TrendChart vendors={data.vendors} />
          </section>
        </div>
      )}
      {data && !vendorManager && me.data && <HeadToHeadCard projectId={projectId} vendors={data.vendors} />}
    </div>
  );
}
