/**
 * One task on screen: the bar (project, versions, timer, lease, actions), the questions for the item, and the
 * guidelines beside them. Mounted per task (keyed by assignment), so answers, undo history, errors and the
 * measured signals start fresh with each one.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Task } from '../../../api/types';
import { useGuidelines, useProjectSchema } from '../../../api/queries';
import { ErrorMessage, Loading, errorText } from '../../../components/Status';
import { isTypingTarget, useHotkeys } from '../../../components/useHotkeys';
import { validateAnswers, type AnswerSet, type ItemData, type TaskSchema } from '../../../schema';
import { AnswerForm, visibleQuestions } from '../AnswerForm';
import { placeError } from './answer-errors';
import { answersToSubmit } from './answers-to-submit';
import { focusQuestion } from './focus-question';
import { GuidelinesPanel } from './GuidelinesPanel';
import { HelpDialog } from './HelpDialog';
import { WORKSPACE_KEYS } from './keymap';
import { usePrefetchCurrentVersions } from './queries';
import { SkipDialog } from './SkipDialog';
import { ActiveTimer, LeaseClock } from './TaskClock';
import { changedQuestions, historyReducer, initialHistory } from './undo-history';
import { useActivityTracker } from './useActivityTracker';
import { useGuidelineVersionSeen } from './useGuidelineVersionSeen';
import type { TaskFlow } from './useTaskFlow';
import { useOwnedKeys } from './useOwnedKeys';
import { useUndoKeys } from './useUndoKeys';

export interface TaskViewProps {
  projectId: string;
  projectName: string | undefined;
  task: Task;
  flow: Pick<TaskFlow, 'submit' | 'skip' | 'busy'>;
  /** Guidelines column (wide window) or drawer (narrow). */
  guidelines: { open: boolean; drawer: boolean; setOpen: (open: boolean) => void };
  /** Says something to screen readers (and keeps it for the next task's page). */
  announce: (message: string) => void;
}

type Overlay = 'help' | 'skip' | null;

export function TaskView({ projectId, projectName, task, flow, guidelines, announce }: TaskViewProps) {
  const schemaQuery = useProjectSchema(projectId, task.schemaVersion);
  const guidelinesQuery = useGuidelines(projectId, task.guidelineVersion);
  const schema = schemaQuery.data?.schema as unknown as TaskSchema | undefined;
  const item = task.item.data as ItemData;

  const [history, dispatch] = useReducer(historyReducer, undefined, () => initialHistory());
  const answers = history.present;
  const [activeIndex, setActiveIndex] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [skipError, setSkipError] = useState<string | null>(null);
  const tracker = useActivityTracker(task.assignmentId);
  const seen = useGuidelineVersionSeen(projectId, task.guidelineVersion);
  const formRoot = useRef<HTMLDivElement>(null);
  usePrefetchCurrentVersions(projectId, task.assignmentId);

  const visible = schema ? visibleQuestions(schema, answers) : [];
  const active = Math.min(activeIndex, Math.max(0, visible.length - 1));
  const drawerOpen = guidelines.open && guidelines.drawer;
  const dialogOpen = overlay !== null;

  // The keyboard starts on the first question as soon as the task can be answered.
  const ready = schema !== undefined;
  useEffect(() => {
    if (ready) focusQuestion(formRoot.current, 0);
  }, [ready]);

  const moveTo = useCallback(
    (index: number) => {
      const to = Math.max(0, Math.min(visible.length - 1, index));
      setActiveIndex(to);
      focusQuestion(formRoot.current, to);
    },
    [visible.length],
  );

  const change = (next: AnswerSet) => {
    dispatch({ type: 'change', answers: next, coalesce: isTypingTarget(document.activeElement), at: Date.now() });
    const changed = changedQuestions(answers, next);
    if (changed.some((id) => id in errors)) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([id]) => !changed.includes(id))));
  };

  const showError = (error: unknown) => {
    const placed = placeError(error, schema?.questions.map((q) => q.id) ?? []);
    setErrors(placed.byQuestion);
    setGeneral(placed.general);
    const first = Object.keys(placed.byQuestion)[0];
    const index = visible.findIndex((q) => q.id === first);
    if (index >= 0) moveTo(index);
  };

  const submit = async () => {
    if (!schema || flow.busy) return;
    const toSend = answersToSubmit(schema, answers);
    try {
      validateAnswers(schema, item, toSend);
    } catch (error) {
      showError(error);
      return;
    }
    setGeneral(null);
    const signals = tracker.read();
    try {
      if (await flow.submit({ answers: toSend, timeSpentMs: signals.activeMs, signals })) announce('Saved. Here is the next task.');
    } catch (error) {
      showError(error);
    }
  };

  const skip = async (reason: string) => {
    setSkipError(null);
    try {
      if (await flow.skip(reason)) announce('Skipped. Here is the next task.');
    } catch (error) {
      setSkipError(errorText(error));
    }
  };

  const openOverlay = (o: Exclude<Overlay, null>) => {
    if (drawerOpen) guidelines.setOpen(false);
    setOverlay(o);
  };
  const toggleGuidelines = () => {
    if (!guidelines.open) seen.acknowledge();
    guidelines.setOpen(!guidelines.open);
  };
  const undo = () => {
    if (history.past.length === 0) return;
    dispatch({ type: 'undo' });
    announce('Undid the last change.');
  };
  const redo = () => {
    if (history.future.length === 0) return;
    dispatch({ type: 'redo' });
    announce('Redid the change.');
  };

  useOwnedKeys(
    {
      [WORKSPACE_KEYS.submit.binding]: () => void submit(),
      [WORKSPACE_KEYS.nextQuestion.binding]: () => moveTo(active + 1),
      [WORKSPACE_KEYS.previousQuestion.binding]: () => moveTo(active - 1),
    },
    !dialogOpen,
  );
  useHotkeys(
    {
      [WORKSPACE_KEYS.skip.binding]: () => openOverlay('skip'),
      [WORKSPACE_KEYS.guidelines.binding]: toggleGuidelines,
      [WORKSPACE_KEYS.help.binding]: () => openOverlay('help'),
    },
    !dialogOpen,
  );
  useUndoKeys({ undo, redo }, !dialogOpen);

  return (
    // data-assignment marks which task is on screen, for the submit → next latency benchmark (bench/web.bench.ts).
    <div className={`ws ${guidelines.open && !guidelines.drawer ? 'with-guidelines' : ''}`} data-assignment={task.assignmentId} data-ready={ready ? '' : undefined}>
      <header className="ws-bar">
        <div className="ws-title">
          <h1>{projectName ?? 'Labeling'}</h1>
          <span className="ws-versions muted small">
            schema v{task.schemaVersion} · guidelines v{task.guidelineVersion}
          </span>
        </div>
        <div className="ws-clock">
          <ActiveTimer activeMs={tracker.activeMs} />
          <LeaseClock leaseExpiresAt={task.leaseExpiresAt} />
        </div>
        <div className="ws-actions">
          <button type="button" className="btn ghost small" onClick={undo} disabled={history.past.length === 0} aria-keyshortcuts="Control+Z" title={WORKSPACE_KEYS.undo.keys}>
            Undo
          </button>
          <button type="button" className="btn ghost small" onClick={() => openOverlay('skip')} aria-keyshortcuts="S" title="S">
            Skip
          </button>
          <button
            type="button"
            className="btn ghost small"
            onClick={toggleGuidelines}
            aria-expanded={guidelines.open}
            aria-controls="ws-guidelines"
            aria-keyshortcuts="G"
            title="G"
          >
            Guidelines
          </button>
          <button type="button" className="btn ghost small" onClick={() => openOverlay('help')} aria-keyshortcuts="?" title="?">
            <span aria-hidden="true">?</span>
            <span className="visually-hidden">Keyboard shortcuts</span>
          </button>
          <button type="button" className="btn primary small" onClick={() => void submit()} disabled={!schema || flow.busy !== null} aria-keyshortcuts="Control+Enter">
            {flow.busy === 'submit' ? 'Submitting…' : 'Submit'}
          </button>
        </div>
      </header>

      <div className="ws-body">
        <div className="ws-main">
          {seen.changedFrom !== null && (
            <div className="status ws-notice" role="status">
              The guidelines changed: version {task.guidelineVersion} is in force (you last worked under version {seen.changedFrom}).{' '}
              <button
                type="button"
                className="btn small"
                onClick={() => {
                  seen.acknowledge();
                  guidelines.setOpen(true);
                }}
              >
                Read them
              </button>{' '}
              <button type="button" className="btn ghost small" onClick={seen.acknowledge}>
                Dismiss
              </button>
            </div>
          )}
          {schemaQuery.isError && <ErrorMessage error={schemaQuery.error} title="The task's schema" />}
          {!schema && !schemaQuery.isError && <Loading label="Loading the questions" />}
          {schema && (
            <div ref={formRoot}>
              <AnswerForm
                schema={schema}
                item={item}
                answers={answers}
                onChange={change}
                activeIndex={dialogOpen || drawerOpen ? -1 : active}
                onActivate={setActiveIndex}
                errors={errors}
              />
            </div>
          )}
          {general && (
            <p className="status error" role="alert">
              {general}
            </p>
          )}
          <div className="ws-submit-row">
            <button type="button" className="btn primary" onClick={() => void submit()} disabled={!schema || flow.busy !== null}>
              {flow.busy === 'submit' ? 'Submitting…' : 'Submit'} <kbd aria-hidden="true">{WORKSPACE_KEYS.submit.keys}</kbd>
            </button>
            <span className="muted small">
              <kbd>{WORKSPACE_KEYS.nextQuestion.keys}</kbd> <kbd>{WORKSPACE_KEYS.previousQuestion.keys}</kbd> move between questions ·{' '}
              <kbd>?</kbd> all shortcuts
            </span>
          </div>
        </div>
        <GuidelinesPanel
          open={guidelines.open}
          drawer={guidelines.drawer}
          onClose={() => guidelines.setOpen(false)}
          guidelines={guidelinesQuery.data}
          error={guidelinesQuery.error}
          version={task.guidelineVersion}
          changedFrom={seen.changedFrom}
        />
      </div>

      <HelpDialog open={overlay === 'help'} onClose={() => setOverlay(null)} activeQuestion={visible[active]} />
      <SkipDialog open={overlay === 'skip'} onClose={() => setOverlay(null)} onSkip={(r) => void skip(r)} busy={flow.busy === 'skip'} error={skipError} />
    </div>
  );
}
