/**
 * The annotator's start page: the projects open to them, each with their own work in it (judgments, skips, active
 * time), what is left for them, the project's overall completion, and "Resume" when they hold an open task. Where
 * routing gives them nothing new (`blocked`: paused by the quality gate, outside their domains, a qualification
 * missing, their vendor's quota used up) the card says why and what to do instead of Start; a missing
 * qualification points at the Qualifications section below the projects, where they take one.
 */
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys, useProjects } from '../../api/queries';
import type { MyProgress, Project } from '../../api/types';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { QUALIFICATIONS_ANCHOR, QualificationsSection } from '../qualifications/annotate/QualificationsSection';
import { blockedWords, type BlockedReason } from '../qualifications/words';
import { useMyProgress } from './workspace/queries';
import { ReviewedWorkSection } from './reviewed/ReviewedWork';
import './workspace/home.css';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Active time as "1 h 05 min" or "12 min"; under a minute, seconds. */
export function formatActiveTime(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const minutes = Math.floor(ms / 60_000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min` : `${minutes} min`;
}

/**
 * The project's completion in judgments (k per item and what adaptive overlap asked on top), which moves with every
 * submit, and in complete items (all their judgments in), counted as `core/figures/counts.ts` defines them.
 */
function Completion({ project, progress }: { project: Project; progress: MyProgress['project'] }) {
  const wanted = progress.judgments + progress.judgmentsNeeded;
  const percent = wanted === 0 ? 0 : Math.floor((progress.judgments / wanted) * 100);
  return (
    <div className="home-completion">
      <div className="home-completion-label small">
        <span>Project: {percent} % of judgments</span>
        <span>
          {progress.judgments.toLocaleString()} of {plural(wanted, 'judgment')}
        </span>
      </div>
      <progress max={Math.max(1, wanted)} value={progress.judgments} aria-label={`${project.name}: ${percent} % of judgments made`} />
      <div className="muted small">
        {progress.completeItems.toLocaleString()} of {plural(progress.totalItems, 'item')} complete
      </div>
    </div>
  );
}

function MyWork({ p }: { p: MyProgress }) {
  return (
    <dl className="home-mine">
      <div>
        <dt>Your judgments</dt>
        <dd>{p.mine.judgments.toLocaleString()}</dd>
      </div>
      <div>
        <dt>Skipped</dt>
        <dd>{p.mine.skips.toLocaleString()}</dd>
      </div>
      <div>
        <dt>Active time</dt>
        <dd>{formatActiveTime(p.mine.timeSpentMs)}</dd>
      </div>
      <div>
        <dt>Left for you</dt>
        <dd>{p.itemsLeft.toLocaleString()}</dd>
      </div>
    </dl>
  );
}

/**
 * Why the project gives them nothing new, where Start would be: the server's own sentence (it names the domain, the
 * minimum and the qualification) under our title; a missing qualification links to where to take it.
 */
function BlockedNote({
  reason,
  projectName,
  message = null,
  qualification = null,
}: {
  reason: BlockedReason;
  projectName: string;
  message?: string | null;
  qualification?: { id: string; name: string } | null;
}) {
  const words = blockedWords(reason);
  const title = qualification ? `Needs the “${qualification.name}” qualification` : words.title;
  if (reason === 'paused') {
    return (
      <p className="status home-paused" role="note">
        {words.title}
      </p>
    );
  }
  return (
    <div className="home-blocked" role="note" aria-label={`${projectName}: ${title}`}>
      <strong>{title}</strong>
      <p className="small">{message ? `${message}.` : words.advice}</p>
      {words.needsQualification && (
        <p className="small">
          <a href={`#${QUALIFICATIONS_ANCHOR}`}>{qualification ? `Take “${qualification.name}”` : 'Take a qualification'}</a>
        </p>
      )}
    </div>
  );
}

function ProjectCard({ project }: { project: Project }) {
  const progress = useMyProgress(project.id);
  const p = progress.data;
  const to = `/annotate/${project.id}`;
  const leaseEnds = p?.openLease ? new Date(p.openLease.leaseExpiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : null;
  // Paused covers `blocked: 'paused'` too; a lease held before another block still resumes (the server allows it).
  const blocked = p && !p.paused && p.openLease === null ? p.blocked : null;
  const nothingLeft = p !== undefined && p.openLease === null && p.itemsLeft === 0 && blocked === null;
  return (
    <li className="card project-card" aria-labelledby={`project-${project.id}`}>
      <h2 id={`project-${project.id}`}>
        <Link to={to}>{project.name}</Link>
      </h2>
      {project.description && <p className="muted">{project.description}</p>}
      {progress.isPending && <Loading label="Loading your progress" />}
      {progress.isError && <ErrorMessage error={progress.error} />}
      {p && (
        <>
          <Completion project={project} progress={p.project} />
          <MyWork p={p} />
        </>
      )}
      <div className="home-card-actions">
        {p?.paused ? (
          <BlockedNote reason="paused" projectName={project.name} />
        ) : blocked ? (
          <BlockedNote reason={blocked} projectName={project.name} message={p?.blockedMessage} qualification={p?.requiredQualification} />
        ) : p?.openLease ? (
          <>
            <Link className="btn primary" to={to} aria-label={`Resume your task in ${project.name}`}>
              Resume your task
            </Link>
            <span className="muted small">held until {leaseEnds}</span>
          </>
        ) : (
          <Link className={`btn ${nothingLeft ? '' : 'primary'}`} to={to} aria-label={`${nothingLeft ? 'Check for work' : 'Start labeling'} in ${project.name}`}>
            {nothingLeft ? 'Check for work' : 'Start labeling'}
          </Link>
        )}
        {nothingLeft && !p.paused && <span className="muted small">Nothing left for you right now</span>}
      </div>
    </li>
  );
}

/**
 * What the annotator did a moment ago in the workspace (a qualification passed or failed) opens or closes projects
 * and changes their standing, so both are read afresh whenever the page opens, cached figures shown meanwhile. A
 * fetch already running is reused, not repeated.
 */
function useFreshStanding() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const options = { cancelRefetch: false };
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === queryKeys.projects[0] && q.queryKey.at(-1) === 'my-progress' }, options);
    void queryClient.invalidateQueries({ queryKey: queryKeys.qualifications }, options);
  }, [queryClient]);
}

/**
 * "The most urgent task": the server picks across every project open to them (project priority, then item priority,
 * then age; a held lease first), and the workspace of that project opens on it (resuming the lease just taken).
 */
function NextAnywhere() {
  const navigate = useNavigate();
  const claim = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/tasks/next')),
    onSuccess: (task) => navigate(`/annotate/${task.projectId}`),
  });
  return (
    <div className="home-next">
      <button type="button" className="btn primary" onClick={() => claim.mutate()} aria-disabled={claim.isPending}>
        {claim.isPending ? 'Finding your next task…' : 'Start the most urgent task'}
      </button>
      <p className="muted small">Across all your projects, highest priority first.</p>
      {claim.isError && (
        <p className="status" role="status">
          {claim.error.message}
        </p>
      )}
    </div>
  );
}

export function AnnotatorHome() {
  useFreshStanding();
  const projects = useProjects();
  return (
    <main className="page">
      <h1>Your projects</h1>
      {projects.data && projects.data.items.length > 1 && <NextAnywhere />}
      {projects.isPending && <Loading label="Loading projects" />}
      {projects.isError && <ErrorMessage error={projects.error} />}
      {projects.data && projects.data.items.length === 0 && <Empty>No project is open to you yet.</Empty>}
      <ul className="card-grid">
        {projects.data?.items.map((p) => (
          <ProjectCard key={p.id} project={p} />
        ))}
      </ul>
      <ReviewedWorkSection />
      <QualificationsSection />
    </main>
  );
}
