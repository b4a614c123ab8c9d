/**
 * The annotator's qualifications, on their start page: each one open to them with what it is (domain, items, pass
 * mark) and where they stand (not taken, in progress x of n, passed with the skill it granted, not passed with
 * when a retake opens), and Start, Continue or Retake, which open the ordinary workspace on the qualification's
 * project id. Start first asks the server for an attempt; a refusal (cooldown, pool used up) is shown on the card.
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Empty, ErrorMessage, Loading } from '../../../components/Status';
import { useAttempts, useQualifications, useStartAttempt } from '../queries';
import type { Qualification, Standing } from '../types';
import { cooldownWords, percent, standingWords } from '../words';
import './qualifications-home.css';

/** The id of the section's heading, which a blocked project's "Take a qualification" link points at. */
export const QUALIFICATIONS_ANCHOR = 'qualifications';

export function QualificationsSection() {
  const list = useQualifications();
  const items = list.data?.items ?? [];
  // Hidden until the list is in, when there is nothing to show; a blocked project's link still lands on the heading.
  return (
    <section className="home-qualifications" aria-labelledby={QUALIFICATIONS_ANCHOR}>
      <h2 id={QUALIFICATIONS_ANCHOR} tabIndex={-1}>
        Qualifications
      </h2>
      <p className="muted">A short test in a domain. Passing it gives you a measured skill there, which opens the projects that ask for it.</p>
      {list.isPending && <Loading label="Loading qualifications" />}
      {list.isError && <ErrorMessage error={list.error} title="Qualifications could not be loaded" />}
      {list.data && items.length === 0 && <Empty>No qualification is open to you yet. Ask your manager if a project needs one.</Empty>}
      {items.length > 0 && (
        <ul className="card-grid">
          {items.map((q) => (
            <QualificationCard key={q.id} q={q} />
          ))}
        </ul>
      )}
    </section>
  );
}

function QualificationCard({ q }: { q: Qualification }) {
  const mine: Standing = q.mine ?? { status: 'not_taken', answered: 0, size: q.attemptSize, retakeAt: null };
  const [now] = useState(() => Date.now());
  const words = standingWords(mine, q.domain, now);
  const start = useStartAttempt();
  const navigate = useNavigate();
  const titleId = `qualification-${q.id}`;
  const to = `/annotate/${q.id}`;
  const begin = () => start.mutate(q.id, { onSuccess: () => navigate(to) });
  return (
    <li className="card project-card qualification-card" aria-labelledby={titleId}>
      <h3 id={titleId}>{q.name}</h3>
      {q.description && <p className="muted">{q.description}</p>}
      <dl className="qualification-facts">
        <div>
          <dt>Domain</dt>
          <dd>{q.domain}</dd>
        </div>
        <div>
          <dt>Items</dt>
          <dd>{mine.size}</dd>
        </div>
        <div>
          <dt>Pass mark</dt>
          <dd>{percent(q.passMark)}</dd>
        </div>
        <div>
          <dt>Retake after failing</dt>
          <dd>{cooldownWords(q.cooldownSeconds)}</dd>
        </div>
      </dl>
      <p className={`qualification-standing standing-${mine.status}`}>
        <strong>{words.status}</strong>
        {mine.status === 'failed' && <Score qualificationId={q.id} />}
      </p>
      {mine.status === 'in_progress' && (
        <progress max={Math.max(1, mine.size)} value={mine.answered} aria-label={`${q.name}: ${mine.answered} of ${mine.size} answered`} />
      )}
      {words.detail && <p className="small">{words.detail}</p>}
      <div className="home-card-actions">
        {words.action === 'continue' && (
          <Link className="btn primary" to={to} aria-label={`Continue the qualification ${q.name}`}>
            Continue
          </Link>
        )}
        {(words.action === 'start' || words.action === 'retake') && (
          <button type="button" className="btn primary" onClick={begin} disabled={start.isPending} aria-label={`${words.action === 'start' ? 'Start' : 'Retake'} the qualification ${q.name}`}>
            {start.isPending ? 'Starting…' : words.action === 'start' ? 'Start' : 'Retake'}
          </button>
        )}
      </div>
      {start.isError && <ErrorMessage error={start.error} title="Not started" />}
    </li>
  );
}

/** The score of their last (failed) attempt, which the server shows them once it is over. */
function Score({ qualificationId }: { qualificationId: string }) {
  const attempts = useAttempts(qualificationId);
  const last = attempts.data?.items.find((a) => a.status === 'failed' && a.correct !== undefined);
  if (!last) return null;
  return <span className="muted"> — {last.correct} of {last.size} correct</span>;
}
