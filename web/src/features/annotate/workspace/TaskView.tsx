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
import { AnswerForm, visibleQuestions, type AnswerChange } from '../AnswerForm';
import { placeError } from './answer-errors';
import { answerProblem, answerProblems } from './answer-messages';
import { answersToSubmit } from './answers-to-submit';
import { focusQuestionById } from './focus-question';
import { nextToAnswer, SUBMIT_TARGET, unanswered } from './next-question';
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

const DIGITS = '0123456789'.split('');

export function TaskView({ projectId, projectName, task, flow, guidelines, announce }: TaskViewProps) {
  const schemaQuery = useProjectSchema(projectId, task.schemaVersion);
  const guidelinesQuery = useGuidelines(projectId, task.guidelineVersion);
  const schema = schemaQuery.data?.schema as unknown as TaskSchema | undefined;
  const item = task.item.data as ItemData;

  const [history, dispatch] = useReducer(historyReducer, undefined, () => initialHistory());
  const answers = history.present;
  /** The question that has the keyboard (by id: indices shift as questions appear), or Submit; null: the first. */
  const [activeId, setActiveId] = useState<string | null>(null);
  /** Where to move the focus once the next render is on screen (a pick may reveal the question it moves to). */
  const focusTarget = useRef<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [digitNote, setDigitNote] = useState('');
  const submitButton = useRef<HTMLButtonElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [skipError, setSkipError] = useState<string | null>(null);
  const tracker = useActivityTracker(task.assignmentId);
  const seen = useGuidelineVersionSeen(projectId, task.guidelineVersion);
  const formRoot = useRef<HTMLDivElement>(null);
  usePrefetchCurrentVersions(projectId, task.assignmentId);

  const visible = schema ? visibleQuestions(schema, answers) : [];
  const atSubmit = activeId === SUBMIT_TARGET;
  const active = atSubmit ? -1 : Math.max(0, visible.findIndex((q) => q.id === (activeId ?? visible[0]?.id)));
  const drawerOpen = guidelines.open && guidelines.drawer;
  const dialogOpen = overlay !== null;

  /** Gives the keyboard to a question (by id) or to Submit, once the next render is on screen. */
  const goTo = useCallback((target: string) => {
    setActiveId(target);
    setDigitNote('');
    focusTarget.current = target;
    setFocusRequest((n) => n + 1);
  }, []);
  useEffect(() => {
    const target = focusTarget.current;
    if (target === null) return;
    focusTarget.current = null;
    if (target === SUBMIT_TARGET) submitButton.current?.focus();
    else focusQuestionById(formRoot.current, target);
  }, [focusRequest]);

  // The keyboard starts on the first question as soon as the task can be answered.
  const ready = schema !== undefined;
  const firstId = visible[0]?.id;
  useEffect(() => {
    if (ready && firstId !== undefined) focusQuestionById(formRoot.current, firstId);
  }, [ready]); // eslint-disable-line react-hooks/exhaustive-deps -- once, when the questions first render

  /** Alt+↓ / Alt+↑: the next or previous question; after the last comes Submit. */
  const step = (direction: 1 | -1) => {
    if (visible.length === 0) return;
    if (atSubmit) {
      if (direction < 0) goTo((visible[visible.length - 1] as { id: string }).id);
      return;
    }
    const to = active + direction;
    if (to >= visible.length) goTo(SUBMIT_TARGET);
    else goTo((visible[Math.max(0, to)] as { id: string }).id);
  };

  const change = (next: AnswerSet, how?: AnswerChange) => {
    dispatch({ type: 'change', answers: next, coalesce: isTypingTarget(document.activeElement), at: Date.now() });
    const changed = changedQuestions(answers, next);
    if (changed.some((id) => id in errors)) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([id]) => !changed.includes(id))));
    // A single choice made (number key or click): on to the next question that still needs an answer.
    if (how?.chosen && schema) goTo(nextToAnswer(schema, next, how.questionId));
  };

  /** Shows each question's problem on it, in the annotator's words, and takes the keyboard to the first. */
  const showProblems = (byQuestion: Record<string, string>, generalMessage: string | null) => {
    setErrors(byQuestion);
    setGeneral(generalMessage);
    const first = visible.find((q) => q.id in byQuestion);
    if (first) goTo(first.id);
  };

  /** A refusal from the server (or the shared check): on its question, said as the browser's own check says it. */
  const showError = (error: unknown, sent: AnswerSet) => {
    const placed = placeError(error, schema?.questions.map((q) => q.id) ?? []);
    const byQuestion = Object.fromEntries(
      Object.keys(placed.byQuestion).map((id) => {
        const question = schema?.questions.find((q) => q.id === id);
        const said = question && answerProblem(question, sent[id], item);
        return [id, said ?? 'This answer was not accepted (the task may have changed since it opened): check it and submit again.'];
      }),
    );
    showProblems(byQuestion, placed.general);
  };

  const submit = async () => {
    if (!schema || flow.busy) return;
    const toSend = answersToSubmit(schema, answers);
    const problems = answerProblems(schema, item, toSend);
    if (problems.general !== null || Object.keys(problems.byQuestion).length > 0) {
      showProblems(problems.byQuestion, problems.general);
      return;
    }
    try {
      validateAnswers(schema, item, toSend);
    } catch (error) {
      showError(error, toSend);
      return;
    }
    setGeneral(null);
    const signals = tracker.read();
    try {
      if (await flow.submit({ answers: toSend, timeSpentMs: signals.activeMs, signals })) announce('Saved. Here is the next task.');
    } catch (error) {
      showError(error, toSend);
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
  /** After undo or redo, the keyboard goes to the question that changed, so the next key answers it again. */
  const followChange = (to: AnswerSet) => {
    if (!schema) return;
    const changed = changedQuestions(answers, to);
    const first = visibleQuestions(schema, to).find((q) => changed.includes(q.id));
    if (first) goTo(first.id);
  };
  const undo = () => {
    const previous = history.past.at(-1);
    if (previous === undefined) return;
    dispatch({ type: 'undo' });
    followChange(previous);
    announce('Undid the last change.');
  };
  const redo = () => {
    const next = history.future[0];
    if (next === undefined) return;
    dispatch({ type: 'redo' });
    followChange(next);
    announce('Redid the change.');
  };

  useOwnedKeys(
    {
      [WORKSPACE_KEYS.submit.binding]: () => void submit(),
      [WORKSPACE_KEYS.nextQuestion.binding]: () => step(1),
      [WORKSPACE_KEYS.previousQuestion.binding]: () => step(-1),
    },
    !dialogOpen,
  );
  // At Submit no question has the keys: a number key says so instead of changing an answer out of sight.
  useHotkeys(
    Object.fromEntries(DIGITS.map((d) => [d, () => setDigitNote(`Number keys answer a question: ${WORKSPACE_KEYS.previousQuestion.keys} goes back to the last one.`)])),
    atSubmit && !dialogOpen && !drawerOpen,
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
                onActivate={(index) => {
                  const q = visible[index];
                  if (q) setActiveId(q.id);
                }}
                errors={errors}
                keyHints
              />
            </div>
          )}
          {general && (
            <p className="status error" role="alert">
              {general}
            </p>
          )}
          <div className={`ws-submit-row ${atSubmit && !dialogOpen && !drawerOpen ? 'active' : ''}`}>
            <button
              ref={submitButton}
              type="button"
              className="btn primary"
              onClick={() => void submit()}
              onFocus={() => setActiveId(SUBMIT_TARGET)}
              disabled={!schema || flow.busy !== null}
              aria-describedby="ws-submit-hint"
            >
              {flow.busy === 'submit' ? 'Submitting…' : 'Submit'} <kbd aria-hidden="true">{WORKSPACE_KEYS.submit.keys}</kbd>
            </button>
            {schema && <SubmitHint atSubmit={atSubmit} schema={schema} answers={answers} note={digitNote} />}
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

/** Beside Submit: how many required answers are given, and once the keyboard is here, what the keys do. */
function SubmitHint({ atSubmit, schema, answers, note }: { atSubmit: boolean; schema: TaskSchema; answers: AnswerSet; note: string }) {
  const open = unanswered(schema, answers);
  const required = visibleQuestions(schema, answers).filter((q) => q.required).length;
  const missing = open.filter((q) => q.required).length;
  const optional = open.filter((q) => !q.required);
  const status =
    missing > 0 ? `${required - missing} of ${required} required questions answered.` : required === 0 ? 'No question needs an answer.' : 'All required questions answered.';
  const keys = [
    `Enter or ${WORKSPACE_KEYS.submit.keys} submit`,
    `${WORKSPACE_KEYS.previousQuestion.keys} back to the questions`,
    '? all keys',
    ...(optional.length > 0 ? [`optional, not answered: ${optional.map((q) => `${q.number}. ${q.prompt}`).join('; ')}`] : []),
  ].join(' · ');
  return (
    <span id="ws-submit-hint" className="ws-submit-hint small">
      {atSubmit && (
        <span className="question-active-tag" aria-hidden="true">
          ⌨ Keys act here
        </span>
      )}
      <span className={missing > 0 ? 'muted' : undefined}>{atSubmit ? `${status} ${keys}` : status}</span>
      <span role="status" className="ws-digit-note">
        {note}
      </span>
    </span>
  );
}
