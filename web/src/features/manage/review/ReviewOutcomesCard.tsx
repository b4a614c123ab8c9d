/**
 * The Quality tab's review card: the review policy in words (where to change it), what review has found so far in
 * total, and per annotator the annotations reviewed, accepted, rejected and corrected, with the acceptance rate and
 * its Wilson 95% interval. Unlike the annotator table above it, it lists everyone reviewed, gold or not.
 */
import { useId, useMemo } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../../api/queries';
import { ColumnHeads, type Column } from '../../../components/ColumnHeads';
import { ErrorMessage, Loading } from '../../../components/Status';
import { canReview } from '../../auth/roles';
import { IntervalCell } from '../quality/IntervalCell';
import { useReviewTally } from '../quality/queries';
import type { ReviewTally } from '../quality/types';
import { reviewPolicySentence } from './policy-words';
import { useReviewPolicy, useUserNames } from './queries';
import './review-outcomes.css';

const NUM = (label: string): Column => ({ label, numeric: true });
const COLUMNS: Column[] = ['Name', NUM('Reviewed'), NUM('Accepted'), NUM('Rejected'), NUM('Corrected'), 'Acceptance (95% interval)'];

/** Totals over the annotators: reviewed, accepted, rejected, corrected. */
export function totalOf(rows: readonly ReviewTally[]) {
  return rows.reduce((t, r) => ({ reviewed: t.reviewed + r.reviewed, accepted: t.accepted + r.accepted, rejected: t.rejected + r.rejected, corrected: t.corrected + r.corrected }), {
    reviewed: 0,
    accepted: 0,
    rejected: 0,
    corrected: 0,
  });
}

export function ReviewOutcomesCard({ projectId }: { projectId: string }) {
  const id = useId();
  const me = useMe().data;
  const readsPolicy = me !== undefined && canReview(me.role);
  const tally = useReviewTally(projectId);
  const policy = useReviewPolicy(projectId, readsPolicy);
  const names = useUserNames();
  const rows = useMemo(() => [...(tally.data?.annotators ?? [])].sort((a, b) => b.reviewed - a.reviewed || a.annotatorId.localeCompare(b.annotatorId)), [tally.data]);
  const total = totalOf(rows);
  const nameOf = (annotatorId: string) => names.data?.get(annotatorId) ?? annotatorId;

  return (
    <section className="card quality-card review-outcomes" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>Review</h2>
      </div>
      {readsPolicy && (
        <p className="muted small">
          {policy.data ? reviewPolicySentence(policy.data) : policy.isError ? 'The review policy could not be loaded.' : 'Loading the review policy…'}{' '}
          <Link to={`/manage/projects/${projectId}/settings`}>Change the policy in Settings</Link>
        </p>
      )}
      {tally.isError ? (
        <ErrorMessage error={tally.error} title="Review outcomes could not be loaded" />
      ) : !tally.data ? (
        <Loading label="Loading review outcomes" />
      ) : rows.length === 0 ? (
        <p className="muted">Nothing has been reviewed yet.</p>
      ) : (
        <>
          <p className="review-total">
            <strong>{total.reviewed.toLocaleString()}</strong> reviewed: {total.accepted.toLocaleString()} accepted, {total.rejected.toLocaleString()} rejected,{' '}
            {total.corrected.toLocaleString()} corrected.
          </p>
          <div className="table-scroll">
            <table className="data review-tally">
              <caption className="visually-hidden">Review outcomes per annotator</caption>
              <ColumnHeads columns={COLUMNS} />
              <tbody>
                {rows.map((r) => (
                  <tr key={r.annotatorId}>
                    <th scope="row">{nameOf(r.annotatorId)}</th>
                    <td className="num">{r.reviewed}</td>
                    <td className="num">{r.accepted}</td>
                    <td className="num">{r.rejected}</td>
                    <td className="num">{r.corrected}</td>
                    <td>
                      <IntervalCell value={r.acceptance.estimate} lower={r.acceptance.lower} upper={r.acceptance.upper} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
