/** A project's status as a badge, and the quick actions that move it (open, pause, close, reopen). */
import { useState } from 'react';
import type { Project } from '../../api/types';
import { errorText } from '../../components/Status';
import { useUpdateProject } from './queries';

export type ProjectStatus = Project['status'];

export const STATUS_NAMES: Record<ProjectStatus, string> = {
  draft: 'Draft',
  active: 'Open',
  paused: 'Paused',
  archived: 'Closed',
};

export function StatusBadge({ status }: { status: ProjectStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_NAMES[status]}</span>;
}

interface Move {
  to: ProjectStatus;
  label: string;
  /** Said before a move that stops the work, so a stray click costs nothing. */
  confirm?: string;
}

const MOVES: Record<ProjectStatus, Move[]> = {
  draft: [{ to: 'active', label: 'Open for labeling' }],
  active: [
    { to: 'paused', label: 'Pause' },
    { to: 'archived', label: 'Close', confirm: 'Close the project? Annotators stop getting its tasks; you can reopen it later.' },
  ],
  paused: [
    { to: 'active', label: 'Resume' },
    { to: 'archived', label: 'Close', confirm: 'Close the project? Annotators stop getting its tasks; you can reopen it later.' },
  ],
  archived: [{ to: 'active', label: 'Reopen' }],
};

export function StatusActions({ project }: { project: Project }) {
  const update = useUpdateProject(project.id);
  const [asking, setAsking] = useState<Move | null>(null);
  const move = (m: Move) => {
    setAsking(null);
    update.mutate({ status: m.to });
  };
  return (
    <div className="actions status-actions">
      {asking ? (
        <div className="confirm" role="alertdialog" aria-label={`${asking.label} project`} aria-describedby="confirm-text">
          <span id="confirm-text">{asking.confirm}</span>
          <button type="button" className="btn danger small" autoFocus onClick={() => move(asking)}>
            {asking.label} project
          </button>
          <button type="button" className="btn small" onClick={() => setAsking(null)}>
            Cancel
          </button>
        </div>
      ) : (
        MOVES[project.status].map((m) => (
          <button key={m.to} type="button" className={`btn ${m.to === 'active' ? 'primary' : ''}`} disabled={update.isPending} onClick={() => (m.confirm ? setAsking(m) : move(m))}>
            {m.label}
          </button>
        ))
      )}
      {update.isError && (
        <span className="input-error" role="alert">
          {errorText(update.error)}
        </span>
      )}
    </div>
  );
}
