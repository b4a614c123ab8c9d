/**
 * The annotator's workspace for one project (`/annotate/:projectId`): claims a task and shows it; each submit or
 * skip brings the next task in the same round trip, with its schema and guidelines already cached by version.
 * When there is nothing to do, says why and offers to check again.
 */
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useProject } from '../../api/queries';
import { ErrorMessage, Loading } from '../../components/Status';
import { NoTaskScreen } from './workspace/NoTaskScreen';
import { TaskView } from './workspace/TaskView';
import { useMediaQuery } from './workspace/useMediaQuery';
import { useTaskFlow } from './workspace/useTaskFlow';
import './workspace/workspace.css';

/** From this width the guidelines sit beside the questions; below it they are a drawer. */
const WIDE = '(min-width: 1100px)';

export function Workspace() {
  const { projectId = '' } = useParams();
  const flow = useTaskFlow(projectId);
  const project = useProject(projectId);
  const wide = useMediaQuery(WIDE);
  // The column is open by default, the drawer closed; each remembers its own state across tasks.
  const [openWide, setOpenWide] = useState(true);
  const [openNarrow, setOpenNarrow] = useState(false);
  // A counter with the text, so the same message twice in a row is announced twice.
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const announce = useCallback((text: string) => setAnnouncement((a) => ({ text, n: a.n + 1 })), []);
  const setOpen = useCallback((open: boolean) => (wide ? setOpenWide(open) : setOpenNarrow(open)), [wide]);

  const name = project.data?.name;
  useEffect(() => {
    document.title = name ? `${name} · Assay` : 'Labeling · Assay';
  }, [name]);

  const { state } = flow;
  return (
    <main className="workspace" aria-busy={state.phase === 'claiming'}>
      <div className="visually-hidden" role="status" aria-live="polite">
        <span key={announcement.n}>{announcement.text}</span>
      </div>
      {flow.notice && (
        <p className="status ws-flow-notice" role="alert">
          {flow.notice}
        </p>
      )}
      {state.phase === 'claiming' && (
        <div className="page">
          <Loading label="Finding your next task" />
        </div>
      )}
      {state.phase === 'error' && (
        <div className="page">
          <ErrorMessage error={state.error} title="Could not get a task" />
          <button type="button" className="btn" onClick={() => void flow.claim()}>
            Try again
          </button>
        </div>
      )}
      {state.phase === 'none' && (
        <div className="page">
          <NoTaskScreen noTask={state.noTask} onCheckAgain={() => void flow.claim()} checking={flow.checking} />
        </div>
      )}
      {state.phase === 'task' && (
        <TaskView
          key={state.task.assignmentId}
          projectId={projectId}
          projectName={name}
          task={state.task}
          flow={flow}
          guidelines={{ open: wide ? openWide : openNarrow, drawer: !wide, setOpen }}
          announce={announce}
        />
      )}
    </main>
  );
}
