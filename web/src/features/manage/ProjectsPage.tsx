/** `/manage`: every project with its status and progress, filtered by status; the way into each and to a new one. */
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { itemsSentence, judgmentShare, plural } from '@core/figures/counts';
import { queryKeys, useProgress } from '../../api/queries';
import type { Project } from '../../api/types';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { StatusBadge, STATUS_NAMES, type ProjectStatus } from './ProjectStatus';
import { formatDate } from './format';
import './manage.css';

const STATUSES = Object.keys(STATUS_NAMES) as ProjectStatus[];

function useProjectList(status: ProjectStatus | undefined) {
  return useQuery({
    queryKey: [...queryKeys.projects, { status: status ?? 'all' }],
    // Qualifications are projects too, listed in their own area.
    queryFn: () => unwrap(api.GET('/api/v1/projects', { params: { query: { limit: 500, kind: 'production', ...(status && { status }) } } })),
  });
}

export function ProjectsPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = STATUSES.includes(raw as ProjectStatus) ? (raw as ProjectStatus) : undefined;
  const projects = useProjectList(status);
  return (
    <main className="page manage">
      <div className="page-header">
        <h1>Projects</h1>
        <div className="actions">
          <label className="inline-label">
            Status{' '}
            <select value={status ?? ''} onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {}, { replace: true })}>
              <option value="">All</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_NAMES[s]}
                </option>
              ))}
            </select>
          </label>
          <Link to="/manage/new" className="btn primary">
            New project
          </Link>
        </div>
      </div>
      {projects.isPending ? (
        <Loading label="Loading projects" />
      ) : projects.isError ? (
        <ErrorMessage error={projects.error} title="Projects could not be loaded" />
      ) : projects.data.items.length === 0 ? (
        <Empty>{status ? `No ${STATUS_NAMES[status].toLowerCase()} projects.` : 'No projects yet. Create the first one with “New project”.'}</Empty>
      ) : (
        <table className="data projects-table">
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Items
              </th>
              <th scope="col">Progress</th>
              <th scope="col" className="num">
                Judgments
              </th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {projects.data.items.map((p) => (
              <ProjectRow key={p.id} project={p as Project} />
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function ProjectRow({ project }: { project: Project }) {
  const progress = useProgress(project.id).data;
  // The bar moves with every judgment; the line under it says how many items are complete (all their judgments).
  const share = progress ? judgmentShare(progress) : 0;
  return (
    <tr>
      <th scope="row">
        <Link to={`/manage/projects/${project.id}`}>{project.name}</Link>
        {project.description && <div className="muted small clamp">{project.description}</div>}
      </th>
      <td>
        <StatusBadge status={project.status} />
      </td>
      <td className="num">
        {progress ? progress.totalItems.toLocaleString() : '…'}
        {progress && progress.goldItems !== null && progress.goldItems > 0 && <div className="muted small">+ {plural(progress.goldItems, 'gold item')}</div>}
      </td>
      <td className="progress-cell">
        {progress && (
          <>
            <progress max={1} value={share} aria-label={`${project.name}: ${Math.floor(share * 100)}% of judgments made, ${itemsSentence(progress)}`} />
            <span className="small muted">{itemsSentence(progress)}</span>
          </>
        )}
      </td>
      <td className="num">{progress ? `${progress.judgments.toLocaleString()} of ${progress.judgmentsPlanned.toLocaleString()}` : '…'}</td>
      <td>{project.createdAt ? formatDate(project.createdAt) : ''}</td>
    </tr>
  );
}
