/**
 * The project's quality report (one self-contained HTML file the server renders: scorecards, head-to-heads,
 * annotators, charts and flags), to download or to open in a new tab. Plain links: the session cookie goes with
 * them. Shown to managers and admins, the only roles the server gives the report to.
 */
import { useMe } from '../../api/queries';
import { canManage } from '../auth/roles';

/** The report's address; `inline` shows it in the browser instead of saving it. */
export function reportHref(projectId: string, disposition: 'attachment' | 'inline'): string {
  return `/api/v1/projects/${encodeURIComponent(projectId)}/report?disposition=${disposition}`;
}

export function ReportLinks({ projectId }: { projectId: string }) {
  const role = useMe().data?.role;
  if (!role || !canManage(role)) return null;
  return (
    <div className="report-links" role="group" aria-label="Quality report">
      <a className="btn" href={reportHref(projectId, 'attachment')} download>
        Download quality report
      </a>
      <a className="btn" href={reportHref(projectId, 'inline')} target="_blank" rel="noopener noreferrer">
        Open report<span className="visually-hidden"> in a new tab</span>
      </a>
    </div>
  );
}
