/**
 * Where a reviewer starts: per project they may review, how many annotations are left for them (the count the queue
 * itself shows), whether they hold one, and whether the project's policy sends anything to review; each opens its
 * queue. Projects with work left come first.
 */
import { Link } from 'react-router';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useReviewQueues, type ReviewQueues } from './queries';
import './review.css';

type Queue = ReviewQueues['projects'][number];

function noteOf(q: Queue): string {
  if (q.holding) return 'You hold one in review';
  if (!q.policyOn) return 'Review policy off: nothing goes to review';
  if (q.left === 0) return 'All reviewed, or held by other reviewers';
  return '';
}

export function ReviewHome() {
  const queues = useReviewQueues();
  return (
    <main className="page review-home">
      <h1>Review</h1>
      {queues.isPending ? (
        <Loading label="Loading your review queues" />
      ) : queues.isError ? (
        <ErrorMessage error={queues.error} />
      ) : queues.data.projects.length === 0 ? (
        <Empty>No project to review yet.</Empty>
      ) : (
        <QueueTable queues={queues.data.projects} />
      )}
    </main>
  );
}

function QueueTable({ queues }: { queues: Queue[] }) {
  const sorted = [...queues].sort((a, b) => Number(b.left > 0) - Number(a.left > 0) || a.name.localeCompare(b.name));
  const total = queues.reduce((n, q) => n + q.left, 0);
  return (
    <>
      <p className="muted">
        {total === 0 ? 'Nothing is waiting for you.' : `${total} annotation${total === 1 ? '' : 's'} waiting for you across ${queues.filter((q) => q.left > 0).length} of ${queues.length} projects.`} Your
        own work never comes to you.
      </p>
      <table className="data review-queues">
        <caption className="review-sr-only">Review queues by project</caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col" className="num">
              Left for you
            </th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((q) => (
            <tr key={q.projectId}>
              <th scope="row">
                <Link to={`/review/${q.projectId}`} aria-label={`${q.name}: ${q.left} left`}>
                  {q.name}
                </Link>
                {q.status !== 'active' && <span className="muted small"> · {q.status}</span>}
              </th>
              <td className="num">{q.left}</td>
              <td className="muted">{noteOf(q)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
