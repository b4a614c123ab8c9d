/**
 * The reviewer queue: one annotation at a time, read-only, with the item and the guidelines it was made under;
 * `a` accepts, `r` rejects with a reason, `c` opens the answers for correction (Ctrl+Enter saves it as the
 * reviewer's own annotation, Esc leaves it), `?` lists the keys. After each verdict the next review loads.
 */
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useGuidelines, useProject, useProjectSchema } from '../../api/queries';
import { Empty, ErrorMessage, Loading, errorText } from '../../components/Status';
import { Markdown } from '../../components/Markdown';
import { Dialog } from '../../components/Dialog';
import { ShortcutTable } from '../../components/ShortcutTable';
import { useHotkeys } from '../../components/useHotkeys';
import { AnswerForm } from '../annotate/AnswerForm';
import { validateAnswers, type AnswerSet, type ItemData } from '../../schema';
import { RejectDialog } from './RejectDialog';
import { REVIEW_KEYS } from './keymap';
import { useDecide, useNextReview, type ReviewTask, type Verdict } from './queries';
import './review.css';

const TRIGGER_TEXT: Record<string, string> = { sample: 'sampled', first_n: "one of the annotator's first", flagged: 'flagged item', requested: 'requested' };

export function ReviewQueue() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const next = useNextReview(projectId);
  if (next.isPending) return <Loading label="Taking the next review" />;
  if (next.isError) return <ErrorMessage error={next.error} title="Could not load a review" />;
  return (
    <div className="review-page">
      <h1>Review{project.data ? `: ${project.data.name}` : ''}</h1>
      {next.data === null ? (
        <Empty>Nothing to review right now: every annotation the review policy selects is reviewed or held by another reviewer.</Empty>
      ) : (
        // Keyed by review, so each review starts in view mode with its own draft.
        <ReviewPane key={next.data.id} projectId={projectId} task={next.data} />
      )}
    </div>
  );
}

function ReviewPane({ projectId, task }: { projectId: string; task: ReviewTask }) {
  const schema = useProjectSchema(projectId, task.annotation.schemaVersion);
  const guidelines = useGuidelines(projectId, task.annotation.guidelineVersion);
  const decide = useDecide(projectId);
  const original = task.annotation.answers as AnswerSet;
  const item = task.item.data as ItemData;
  const [correcting, setCorrecting] = useState(false);
  const [draft, setDraft] = useState<AnswerSet>(original);
  const [active, setActive] = useState(0);
  const [rejecting, setRejecting] = useState(false);
  const [help, setHelp] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const correctionStarted = useRef(0);

  const overlay = rejecting || help;
  const send = (verdict: Verdict) => {
    if (decide.isPending) return;
    setProblem(null);
    decide.mutate({ reviewId: task.id, verdict }, { onError: (e) => setProblem(errorText(e)) });
  };
  const startCorrecting = () => {
    setDraft(original);
    setActive(0);
    correctionStarted.current = Date.now();
    setCorrecting(true);
  };
  const saveCorrection = () => {
    if (!schema.data) return;
    try {
      validateAnswers(schema.data.schema as never, item, draft);
    } catch (e) {
      setProblem(errorText(e));
      return;
    }
    send({ kind: 'correct', answers: draft, timeSpentMs: Date.now() - correctionStarted.current });
  };

  useHotkeys(
    correcting
      ? { 'mod+enter': saveCorrection, escape: () => setCorrecting(false), '?': () => setHelp(true) }
      : { a: () => send({ kind: 'accept' }), r: () => setRejecting(true), c: startCorrecting, '?': () => setHelp(true) },
    !overlay,
  );

  return (
    <div className="review-layout">
      <section className="review-main" aria-label="Annotation under review">
        <div className="review-bar">
          <span>
            By <strong>{task.annotation.annotator}</strong> · {task.triggers.map((t) => TRIGGER_TEXT[t] ?? t).join(', ')} · schema v{task.annotation.schemaVersion} ·
            guidelines v{task.annotation.guidelineVersion}
          </span>
          {task.flag && <span className="review-flag">Flagged: {task.flag.reason}</span>}
        </div>
        {schema.isPending && <Loading label="Loading the schema" />}
        {schema.isError && <ErrorMessage error={schema.error} />}
        {schema.data &&
          (correcting ? (
            <div className="review-correcting" aria-label="Your correction">
              <p className="status">Correcting: change the answers, then Ctrl+Enter saves; Esc leaves without saving.</p>
              <AnswerForm schema={schema.data.schema as never} item={item} answers={draft} onChange={setDraft} activeIndex={active} onActivate={setActive} idPrefix="fix" />
            </div>
          ) : (
            // Read-only: the form shows the item and the annotator's answers; disabled controls take no input.
            <fieldset disabled className="review-readonly">
              <legend className="review-sr-only">The annotator's answers</legend>
              <AnswerForm schema={schema.data.schema as never} item={item} answers={original} onChange={() => undefined} activeIndex={-1} onActivate={() => undefined} idPrefix="orig" />
            </fieldset>
          ))}
        {problem && (
          <p className="status error" role="alert">
            {problem}
          </p>
        )}
        <div className="review-actions">
          {correcting ? (
            <>
              <button className="btn primary" onClick={saveCorrection} disabled={decide.isPending}>
                Save correction <kbd>Ctrl+Enter</kbd>
              </button>
              <button className="btn ghost" onClick={() => setCorrecting(false)}>
                Cancel <kbd>Esc</kbd>
              </button>
            </>
          ) : (
            <>
              <button className="btn primary" onClick={() => send({ kind: 'accept' })} disabled={decide.isPending}>
                Accept <kbd>A</kbd>
              </button>
              <button className="btn danger" onClick={() => setRejecting(true)} disabled={decide.isPending}>
                Reject <kbd>R</kbd>
              </button>
              <button className="btn" onClick={startCorrecting} disabled={decide.isPending}>
                Correct <kbd>C</kbd>
              </button>
            </>
          )}
          <button className="btn ghost small" onClick={() => setHelp(true)} aria-keyshortcuts="?">
            Keys <kbd>?</kbd>
          </button>
        </div>
      </section>
      <aside className="review-guidelines" aria-label={`Guidelines version ${task.annotation.guidelineVersion}`}>
        <h2>Guidelines v{task.annotation.guidelineVersion}</h2>
        {guidelines.isPending && <Loading label="Loading the guidelines" />}
        {guidelines.isError && <ErrorMessage error={guidelines.error} />}
        {guidelines.data && (guidelines.data.markdown.trim() ? <Markdown source={guidelines.data.markdown} /> : <Empty>No guidelines were written.</Empty>)}
      </aside>
      <RejectDialog
        open={rejecting}
        onClose={() => setRejecting(false)}
        busy={decide.isPending}
        onReject={(reason) => {
          setRejecting(false);
          send({ kind: 'reject', reason });
        }}
      />
      <Dialog open={help} onClose={() => setHelp(false)} title="Keyboard shortcuts" closeButton>
        <ShortcutTable rows={Object.values(REVIEW_KEYS)} />
      </Dialog>
    </div>
  );
}
