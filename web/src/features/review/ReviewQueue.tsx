/**
 * The reviewer queue: one annotation at a time, read-only, with the item, how many are left for this reviewer, what
 * is beside it (the other annotators' answers, the aggregate, a gold item's gold answer for those allowed) and the
 * guidelines it was made under (the version the annotator answered, said so when newer ones exist); `a` accepts,
 * `r` rejects with a reason, `c` opens the answers for correction with the keyboard in the first question (its keys
 * edit it, Alt+↑/↓ move between questions, Ctrl+Enter saves it as the reviewer's own annotation, Esc leaves it and
 * returns to the Correct button), `?` lists the keys. After each verdict the next review loads with the keyboard on
 * it, and the verdict is announced.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useGuidelines, useProject, useProjectSchema } from '../../api/queries';
import { Empty, ErrorMessage, Loading, errorText } from '../../components/Status';
import { Markdown } from '../../components/Markdown';
import { useHotkeys } from '../../components/useHotkeys';
import { AnswerForm, visibleQuestions } from '../annotate/AnswerForm';
import { focusQuestion } from '../annotate/workspace/focus-question';
import { useOwnedKeys } from '../annotate/workspace/useOwnedKeys';
import { validateAnswers, type AnswerSet, type ItemData, type TaskSchema } from '../../schema';
import { RejectDialog } from './RejectDialog';
import { ReviewContextPanel } from './ReviewContext';
import { ReviewHelp } from './ReviewHelp';
import { useDecide, useNextReview, type ReviewTask, type Verdict } from './queries';
import './review.css';

const TRIGGER_TEXT: Record<string, string> = {
  sample: 'sampled',
  first_n: "one of the annotator's first",
  flagged: 'flagged item',
  requested: 'requested',
  low_confidence: 'low confidence',
  signal: 'effort or fraud signal',
};
const DONE_TEXT: Record<Verdict['kind'], string> = { accept: 'Accepted.', reject: 'Rejected, with your reason.', correct: 'Correction saved.' };

export function ReviewQueue() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const next = useNextReview(projectId);
  // The verdict's mutation lives here, not in the pane: the pane is replaced by the next review as soon as the
  // verdict lands, and the announcement must outlive it.
  const decide = useDecide(projectId);
  const [done, setDone] = useState<Verdict['kind'] | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const empty = !next.isFetching && next.data === null;
  // After the last verdict the pane that held the keyboard is gone: the heading takes it, not the page's start.
  useEffect(() => {
    if (done && empty) heading.current?.focus();
  }, [done, empty]);
  return (
    <main className="page review-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/review">Review</Link> <span aria-hidden="true">/</span>
      </nav>
      <div className="review-head">
        <h1 ref={heading} tabIndex={-1}>
          Review{project.data ? `: ${project.data.name}` : ''}
        </h1>
        {next.data && (
          <p className="review-left" aria-label={`${next.data.left} left for you to review, this one included`}>
            <strong>{next.data.left}</strong> left
          </p>
        )}
        {next.data === null && !next.isPending && <p className="review-left">0 left</p>}
      </div>
      <p role="status" className="review-said">
        {done && !next.isFetching ? [DONE_TEXT[done], next.data ? 'Here is the next annotation.' : 'The queue is empty.'].join(' ') : ''}
      </p>
      {next.isPending ? (
        <Loading label="Taking the next review" />
      ) : next.isError ? (
        <ErrorMessage error={next.error} title="Could not load a review" />
      ) : next.data === null ? (
        <Empty>Nothing to review right now: every annotation the review policy selects is reviewed or held by another reviewer. Your own work never comes to you.</Empty>
      ) : (
        // Keyed by review, so each review starts in view mode with its own draft.
        <ReviewPane
          key={next.data.id}
          task={next.data}
          projectId={projectId}
          currentGuidelines={project.data?.guidelineVersion}
          decide={decide}
          onDecided={setDone}
          focusOnArrival={done !== null}
        />
      )}
    </main>
  );
}

interface PaneProps {
  projectId: string;
  task: ReviewTask;
  /** The project's guideline version now, to say when the annotation was made under an older one. */
  currentGuidelines: number | undefined;
  decide: ReturnType<typeof useDecide>;
  onDecided: (kind: Verdict['kind']) => void;
  /** Take the keyboard when the pane appears (it follows a verdict, so the keys go on working on this one). */
  focusOnArrival: boolean;
}

function ReviewPane({ projectId, task, currentGuidelines, decide, onDecided, focusOnArrival }: PaneProps) {
  const schema = useProjectSchema(projectId, task.annotation.schemaVersion);
  const guidelines = useGuidelines(projectId, task.annotation.guidelineVersion);
  const original = task.annotation.answers as AnswerSet;
  const item = task.item.data as ItemData;
  const [correcting, setCorrecting] = useState(false);
  const [draft, setDraft] = useState<AnswerSet>(original);
  const [active, setActive] = useState(0);
  const [rejecting, setRejecting] = useState(false);
  const [help, setHelp] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const correctionStarted = useRef(0);
  const correctionRoot = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLElement>(null);
  const correctButton = useRef<HTMLButtonElement>(null);
  /** Where the keyboard goes at the next commit: into the correction, back to the Correct button. */
  const focusNext = useRef<'editor' | 'correct' | null>(null);
  const taskSchema = schema.data?.schema as TaskSchema | undefined;
  const visible = taskSchema ? visibleQuestions(taskSchema, correcting ? draft : original) : [];

  const overlay = rejecting || help;
  const send = (verdict: Verdict) => {
    if (decide.isPending) return;
    setProblem(null);
    decide.mutate({ reviewId: task.id, verdict }, { onSuccess: () => onDecided(verdict.kind), onError: (e) => setProblem(errorText(e)) });
  };
  const startCorrecting = () => {
    setDraft(original);
    setActive(0);
    correctionStarted.current = Date.now();
    focusNext.current = 'editor';
    setCorrecting(true);
  };
  const stopCorrecting = () => {
    focusNext.current = 'correct';
    setCorrecting(false);
  };

  useEffect(() => {
    if (focusOnArrival) paneRef.current?.focus({ preventScroll: false });
    // Only when the pane first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const to = focusNext.current;
    if (to === 'editor' && correctionRoot.current && focusQuestion(correctionRoot.current, 0)) focusNext.current = null;
    if (to === 'correct' && correctButton.current) {
      correctButton.current.focus();
      focusNext.current = null;
    }
  });
  const saveCorrection = () => {
    if (!taskSchema) return;
    try {
      validateAnswers(taskSchema as never, item, draft);
    } catch (e) {
      setProblem(errorText(e));
      return;
    }
    send({ kind: 'correct', answers: draft, timeSpentMs: Date.now() - correctionStarted.current });
  };
  const moveTo = (index: number) => {
    const to = Math.max(0, Math.min(visible.length - 1, index));
    setActive(to);
    focusQuestion(correctionRoot.current, to);
  };

  // The bindings follow the mode at every commit (an empty table while a dialog is open) rather than switching the
  // listeners on and off: a listener re-attached in an effect would miss a key pressed right after a dialog closes.
  // As in the workspace, the correction's modified keys are heard before any widget, whose own arrow or Enter
  // handling would otherwise swallow them.
  useOwnedKeys(
    correcting && !overlay ? { 'mod+enter': saveCorrection, 'alt+arrowdown': () => moveTo(active + 1), 'alt+arrowup': () => moveTo(active - 1) } : {},
    true,
  );
  useHotkeys(
    overlay
      ? {}
      : correcting
        ? { escape: stopCorrecting, '?': () => setHelp(true) }
        : { a: () => send({ kind: 'accept' }), r: () => setRejecting(true), c: startCorrecting, '?': () => setHelp(true) },
  );

  const olderGuidelines = currentGuidelines !== undefined && currentGuidelines !== task.annotation.guidelineVersion;
  return (
    <div className="review-layout">
      <section className="review-main" aria-label="Annotation under review" tabIndex={-1} ref={paneRef}>
        <div className="review-bar">
          <span>
            By <strong>{task.annotation.annotator}</strong> · {task.triggers.map((t) => TRIGGER_TEXT[t] ?? t).join(', ')} · schema v{task.annotation.schemaVersion} ·
            guidelines v{task.annotation.guidelineVersion}
          </span>
          {task.flag && <span className="review-flag">Flagged: {task.flag.reason}</span>}
        </div>
        {schema.isPending && <Loading label="Loading the schema" />}
        {schema.isError && <ErrorMessage error={schema.error} />}
        {taskSchema &&
          (correcting ? (
            <div className="review-correcting" aria-label="Your correction" role="group" ref={correctionRoot}>
              <p className="status">
                Correcting: change the answers (the active question's keys work, <kbd>Alt+↑</kbd> <kbd>Alt+↓</kbd> move between questions), then <kbd>Ctrl+Enter</kbd> saves;{' '}
                <kbd>Esc</kbd> leaves without saving.
              </p>
              <AnswerForm schema={taskSchema as never} item={item} answers={draft} onChange={setDraft} activeIndex={active} onActivate={setActive} idPrefix="fix" />
            </div>
          ) : (
            // Read-only: the form shows the item and the annotator's answers; disabled controls take no input.
            <fieldset disabled className="review-readonly">
              <legend className="review-sr-only">The annotator's answers</legend>
              <AnswerForm schema={taskSchema as never} item={item} answers={original} onChange={() => undefined} activeIndex={-1} onActivate={() => undefined} idPrefix="orig" />
            </fieldset>
          ))}
        {taskSchema && !correcting && <RenderedText schema={taskSchema} answers={original} />}
        {problem && (
          <p className="status error" role="alert">
            {problem}
          </p>
        )}
        <div className="review-actions">
          {correcting ? (
            <>
              <button className="btn primary" onClick={saveCorrection} disabled={decide.isPending} aria-keyshortcuts="Control+Enter">
                Save correction <kbd>Ctrl+Enter</kbd>
              </button>
              <button className="btn ghost" onClick={stopCorrecting} aria-keyshortcuts="Escape">
                Cancel <kbd>Esc</kbd>
              </button>
            </>
          ) : (
            <>
              <button className="btn primary" onClick={() => send({ kind: 'accept' })} disabled={decide.isPending} aria-keyshortcuts="A">
                Accept <kbd>A</kbd>
              </button>
              <button className="btn danger" onClick={() => setRejecting(true)} disabled={decide.isPending} aria-keyshortcuts="R">
                Reject <kbd>R</kbd>
              </button>
              <button className="btn" onClick={startCorrecting} disabled={decide.isPending} aria-keyshortcuts="C" ref={correctButton}>
                Correct <kbd>C</kbd>
              </button>
            </>
          )}
          <button className="btn ghost small" onClick={() => setHelp(true)} aria-keyshortcuts="?">
            Keys <kbd>?</kbd>
          </button>
        </div>
      </section>
      <div className="review-side">
        {taskSchema && <ReviewContextPanel schema={taskSchema} context={task.context} item={item} />}
        {/* It scrolls on its own (sticky beside the annotation), so it takes focus: the keyboard can scroll it too. */}
        <aside className="review-guidelines" aria-label={`Guidelines version ${task.annotation.guidelineVersion}`} tabIndex={0}>
          <h2>Guidelines v{task.annotation.guidelineVersion}</h2>
          <p className="muted small">
            {olderGuidelines
              ? `The version the annotator worked under; the project is now at v${currentGuidelines}. Judge the work by this one.`
              : 'The version the annotator worked under, and the one in force.'}
          </p>
          {guidelines.isPending && <Loading label="Loading the guidelines" />}
          {guidelines.isError && <ErrorMessage error={guidelines.error} />}
          {guidelines.data && (guidelines.data.markdown.trim() ? <Markdown source={guidelines.data.markdown} /> : <Empty>No guidelines were written.</Empty>)}
        </aside>
      </div>
      <RejectDialog
        open={rejecting}
        onClose={() => setRejecting(false)}
        busy={decide.isPending}
        onReject={(reason) => {
          setRejecting(false);
          send({ kind: 'reject', reason });
        }}
      />
      <ReviewHelp open={help} onClose={() => setHelp(false)} correcting={correcting} activeQuestion={visible[active]} />
    </div>
  );
}

/** The free-text answers as they read: the read-only editor above shows their Markdown source. */
function RenderedText({ schema, answers }: { schema: TaskSchema; answers: AnswerSet }) {
  const texts = schema.questions.filter((q) => q.type === 'text' && typeof answers[q.id] === 'string' && (answers[q.id] as string).trim() !== '');
  if (texts.length === 0) return null;
  return (
    <section className="review-rendered" aria-label="Free-text answers, rendered">
      {texts.map((q) => (
        <div key={q.id}>
          <h3>Rendered: {q.prompt}</h3>
          <Markdown source={answers[q.id] as string} />
        </div>
      ))}
    </section>
  );
}
