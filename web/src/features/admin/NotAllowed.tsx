/**
 * What someone sees on an admin screen their role may not open: a plain explanation and a way back, not an error.
 * Shown up front for a non-admin, and also when the server answers 403 (say, the role was changed meanwhile).
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/queries';
import { ROLE_LABELS } from './format';

const TITLE = 'You are not allowed to open Admin';

/** The whole page, for a non-admin who opens /admin. */
export function NotAllowed() {
  return (
    <main className="page not-allowed">
      <NotAllowedCard title={<h1>{TITLE}</h1>} />
    </main>
  );
}

function NotAllowedCard({ title }: { title: ReactNode }) {
  const me = useMe().data;
  return (
    <div className="card not-allowed-card">
      {title}
      <p>
        The admin screens (users, vendors and API tokens) are for administrators.
        {me && (
          <>
            {' '}
            You are signed in as <strong>{me.email}</strong> with the role <strong>{ROLE_LABELS[me.role]}</strong>.
          </>
        )}
      </p>
      <p>If you need access, ask an administrator of your organization.</p>
      <p>
        <Link className="btn primary" to="/">
          Back to my work
        </Link>
      </p>
    </div>
  );
}

export const isForbidden = (error: unknown): boolean => error instanceof ApiError && error.status === 403;

/** Inside an admin tab: the same explanation in place of the tab's content when the server refuses. */
export function NotAllowedIfForbidden({ error, children }: { error: unknown; children: ReactNode }) {
  return isForbidden(error) ? <NotAllowedCard title={<h2>{TITLE}</h2>} /> : <>{children}</>;
}
