/** "Nothing to do": why (from the server's reason), what happens next, and a way to check again. */
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { NoTask } from './task-api';

const TITLES: Record<NoTask['reason'], string> = {
  project_finished: 'This project is finished',
  none_eligible: 'Nothing for you right now',
  no_items: 'No items yet',
  project_inactive: 'This project is not open for labeling',
  paused: 'You are paused on this project',
  not_in_domain: 'This project is outside your domains',
  not_qualified: 'This project asks for a measured skill',
  quota_reached: "Your vendor's share of this project is taken",
  qualification_not_started: 'Start the qualification first',
  qualification_complete: 'Your qualification attempt is over',
};

const HINTS: Record<NoTask['reason'], string> = {
  project_finished: 'Every item has all the judgments it needs. Thank you for your work.',
  none_eligible: 'Items that others hold come back when their leases end, and new items may be imported. Check again in a while.',
  no_items: 'The project manager has not imported items yet.',
  project_inactive: 'The project manager has paused or closed it.',
  paused: 'Your answers on check items fell below the project quality bar. A project manager can review your work and reinstate you.',
  not_in_domain: 'Projects are matched to the domains in your profile. Your manager can add a domain that is yours.',
  not_qualified: 'A qualification in the domain measures your skill; passing it opens projects like this one.',
  quota_reached: 'The project manager set how much of this project each vendor takes. Other projects may need you.',
  qualification_not_started: 'Start an attempt in the Qualifications section of your start page; its items then come here one by one.',
  qualification_complete: 'Your standing, and the skill a pass grants, are in the Qualifications section of your start page.',
};

/** Reasons that checking again cannot change: the way on is the start page. */
const SETTLED: ReadonlySet<NoTask['reason']> = new Set(['qualification_complete', 'qualification_not_started']);

export function NoTaskScreen({ noTask, onCheckAgain, checking }: { noTask: NoTask; onCheckAgain: () => void; checking: boolean }) {
  const button = useRef<HTMLButtonElement>(null);
  const home = useRef<HTMLAnchorElement>(null);
  const settled = SETTLED.has(noTask.reason);
  useEffect(() => (settled ? home.current : button.current)?.focus(), [settled]);
  return (
    <section className="card ws-no-task" aria-labelledby="ws-no-task-title">
      <h1 id="ws-no-task-title">{TITLES[noTask.reason]}</h1>
      <p>{/[.!?]$/.test(noTask.message) ? noTask.message : `${noTask.message}.`}</p>
      <p className="muted">{HINTS[noTask.reason]}</p>
      <div className="ws-no-task-actions">
        {settled ? (
          <Link ref={home} className="btn primary" to="/annotate#qualifications">
            Back to your qualifications
          </Link>
        ) : (
          <>
            <button ref={button} type="button" className="btn primary" onClick={onCheckAgain} disabled={checking}>
              {checking ? 'Checking…' : 'Check again'}
            </button>
            <Link className="btn" to="/annotate">
              Back to your projects
            </Link>
          </>
        )}
      </div>
    </section>
  );
}
