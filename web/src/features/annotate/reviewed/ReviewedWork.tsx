/**
 * "Your reviewed work" on the annotator's page: what reviewers decided about their annotations, newest first. Each
 * verdict shows the project, the outcome (accepted; rejected with the reviewer's reason; corrected with the
 * correction beside their own answers), the guideline version the work was judged under (readable in place), and
 * the item with their answers, read-only. Filter by outcome; more load on request. Gold items never appear (the
 * server leaves them out). Keyboard: the filter is a radio group, the guidelines a disclosure, "Show more" a button.
 */
import { useState } from 'react';
import { useGuidelines, useProjectSchema } from '../../../api/queries';
import { Markdown } from '../../../components/Markdown';
import { Empty, ErrorMessage, Loading } from '../../../components/Status';
import type { AnswerSet, ItemData, TaskSchema } from '../../../schema';
import { AnswerForm } from '../AnswerForm';
import { useMyReviews, type MyReview, type Outcome } from './queries';
import './reviewed.css';

export const REVIEWED_ANCHOR = 'reviewed-work';

const OUTCOME_WORDS: Record<Outcome, string> = { accept: 'Accepted', reject: 'Rejected', correct: 'Corrected' };
const REASON_WORDS: Record<Outcome, string> = { accept: "Reviewer's comment", reject: 'Why it was rejected', correct: 'What was wrong' };
const FILTERS: { value: Outcome | undefined; label: string }[] = [
  { value: undefined, label: 'All' },
  { value: 'reject', label: 'Rejected' },
  { value: 'correct', label: 'Corrected' },
  { value: 'accept', label: 'Accepted' },
];

export function ReviewedWorkSection() {
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const reviews = useMyReviews(outcome);
  const items = reviews.data?.pages.flatMap((p) => p.items) ?? [];
  const filterName = FILTERS.find((f) => f.value === outcome)!.label.toLowerCase();
  return (
    <section className="reviewed" aria-labelledby={REVIEWED_ANCHOR}>
      <h2 id={REVIEWED_ANCHOR} tabIndex={-1}>
        Your reviewed work
      </h2>
      <p className="muted">What reviewers decided about your annotations, newest first, judged by the guidelines you worked under.</p>
      <fieldset className="reviewed-filter">
        <legend>Show</legend>
        {FILTERS.map((f) => (
          <label key={f.label}>
            <input type="radio" name="reviewed-outcome" checked={outcome === f.value} onChange={() => setOutcome(f.value)} /> {f.label}
          </label>
        ))}
      </fieldset>
      {reviews.isPending && <Loading label="Loading your reviewed work" />}
      {reviews.isError && <ErrorMessage error={reviews.error} title="Your reviewed work could not be loaded" />}
      {reviews.data && items.length === 0 && (
        <Empty>{outcome ? `None of your reviewed annotations is ${filterName}.` : 'No annotation of yours has been reviewed yet.'}</Empty>
      )}
      {items.length > 0 && (
        <ol className="reviewed-list" aria-label={`Reviewed annotations (${filterName})`}>
          {items.map((r) => (
            <li key={r.id}>
              <Verdict review={r} />
            </li>
          ))}
        </ol>
      )}
      {reviews.hasNextPage && (
        <button type="button" className="btn" onClick={() => void reviews.fetchNextPage()} aria-disabled={reviews.isFetchingNextPage}>
          {reviews.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </button>
      )}
    </section>
  );
}

function Verdict({ review }: { review: MyReview }) {
  const schema = useProjectSchema(review.projectId, review.annotation.schemaVersion);
  const taskSchema = schema.data?.schema as TaskSchema | undefined;
  const item = review.item.data as ItemData;
  const headingId = `verdict-${review.id}`;
  const decided = new Date(review.decidedAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <article className={`card verdict verdict-${review.outcome}`} aria-labelledby={headingId}>
      <header className="verdict-head">
        <h3 id={headingId}>
          <span className="verdict-badge">{OUTCOME_WORDS[review.outcome]}</span> <span className="verdict-project">{review.projectName}</span>
        </h3>
        <p className="muted small">
          Judged under guidelines version {review.annotation.guidelineVersion} · reviewed {decided}
        </p>
      </header>
      {review.reason && (
        <div className="verdict-reason">
          <strong>{REASON_WORDS[review.outcome]}:</strong> <span className="verdict-reason-text">{review.reason}</span>
        </div>
      )}
      {taskSchema && review.correction && <ChangedQuestions schema={taskSchema} mine={review.annotation.answers} fixed={review.correction.answers} />}
      {schema.isPending && <Loading label="Loading the question" />}
      {schema.isError && <ErrorMessage error={schema.error} />}
      {taskSchema && (
        <div className={`verdict-answers ${review.correction ? 'two' : ''}`}>
          <fieldset disabled className="verdict-readonly">
            <legend>Your answers</legend>
            <ReadOnlyForm schema={taskSchema} item={item} answers={review.annotation.answers as AnswerSet} idPrefix={`mine-${review.id}`} />
          </fieldset>
          {review.correction && (
            <fieldset disabled className="verdict-readonly verdict-correction">
              <legend>The reviewer's correction</legend>
              <ReadOnlyForm schema={taskSchema} item={item} answers={review.correction.answers as AnswerSet} idPrefix={`fix-${review.id}`} />
            </fieldset>
          )}
        </div>
      )}
      <GuidelinesDisclosure projectId={review.projectId} version={review.annotation.guidelineVersion} />
    </article>
  );
}

/** Which questions the correction answers differently, by their prompts, so the change is found at a glance. */
function ChangedQuestions({ schema, mine, fixed }: { schema: TaskSchema; mine: Record<string, unknown>; fixed: Record<string, unknown> }) {
  const changed = schema.questions.filter((q) => JSON.stringify(mine[q.id] ?? null) !== JSON.stringify(fixed[q.id] ?? null));
  if (changed.length === 0) return null;
  return (
    <p className="verdict-changed">
      <strong>Changed by the reviewer:</strong> {changed.map((q) => q.prompt).join('; ')}
    </p>
  );
}

function ReadOnlyForm({ schema, item, answers, idPrefix }: { schema: TaskSchema; item: ItemData; answers: AnswerSet; idPrefix: string }) {
  return <AnswerForm schema={schema as never} item={item} answers={answers} onChange={() => undefined} activeIndex={-1} onActivate={() => undefined} idPrefix={idPrefix} />;
}

/** The guidelines the work was judged under, fetched when opened. */
function GuidelinesDisclosure({ projectId, version }: { projectId: string; version: number }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="verdict-guidelines" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Read guidelines version {version}</summary>
      {open && <GuidelinesText projectId={projectId} version={version} />}
    </details>
  );
}

function GuidelinesText({ projectId, version }: { projectId: string; version: number }) {
  const g = useGuidelines(projectId, version);
  if (g.isPending) return <Loading label="Loading the guidelines" />;
  if (g.isError) return <ErrorMessage error={g.error} />;
  return <Markdown source={g.data.markdown} />;
}
