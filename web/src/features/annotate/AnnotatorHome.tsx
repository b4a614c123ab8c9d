/** The annotator's start page: the projects open to them with their progress, each a link into the workspace. */
import { Link } from 'react-router';
import { useProgress, useProjects } from '../../api/queries';
import type { Project } from '../../api/types';
import { Empty, ErrorMessage, Loading } from '../../components/Status';

function ProjectCard({ project }: { project: Project }) {
  const progress = useProgress(project.id);
  const p = progress.data;
  return (
    <li className="card project-card">
      <h2>
        <Link to={`/annotate/${project.id}`}>{project.name}</Link>
      </h2>
      {project.description && <p className="muted">{project.description}</p>}
      {p && (
        <>
          <progress max={Math.max(1, p.judgmentsNeeded)} value={p.judgments} aria-label={`${project.name} progress`} />
          <p className="muted small">
            {p.judgments.toLocaleString()} of {p.judgmentsNeeded.toLocaleString()} judgments made
          </p>
        </>
      )}
      <Link className="btn primary" to={`/annotate/${project.id}`}>
        Start labeling
      </Link>
    </li>
  );
}

export function AnnotatorHome() {
  const projects = useProjects();
  return (
    <main className="page">
      <h1>Your projects</h1>
      {projects.isPending && <Loading label="Loading projects" />}
      {projects.isError && <ErrorMessage error={projects.error} />}
      {projects.data && projects.data.items.length === 0 && <Empty>No project is open to you yet.</Empty>}
      <ul className="card-grid">
        {projects.data?.items.map((p) => (
          <ProjectCard key={p.id} project={p} />
        ))}
      </ul>
    </main>
  );
}
