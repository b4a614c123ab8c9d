/**
 * Beside the annotation under review, per question: the item's current aggregate with its confidence, what that
 * confidence rests on and the judgments behind it (the results browser's own figures and wording), the gold answer
 * when the server sends one (only to those allowed to see gold), and the other annotators' answers by pseudonym,
 * each with the verdict already given on it. Free text renders as sanitized Markdown.
 */
import { basisInWords } from '@core/figures/confidence-basis';
import { Markdown } from '../../components/Markdown';
import type { ItemData, Question, TaskSchema } from '../../schema';
import { ConfidenceBar } from '../manage/results/ConfidenceBar';
import { CONFIDENCE_MEANING, METHOD_LABELS, summariseAggregate, summariseAnswer } from '../manage/results/summaries';
import '../manage/results/results.css';
import type { ReviewContext as Context } from './queries';

type Aggregate = Context['aggregates'][number];

const OUTCOME_TEXT: Record<string, string> = { accept: 'accepted', reject: 'rejected', correct: 'corrected' };

const isFreeText = (q: Question) => q.type === 'text';

/** One answer: a line for most types, rendered Markdown for free text. */
export function AnswerText({ question, value, item }: { question: Question; value: unknown; item: ItemData }) {
  if (isFreeText(question) && typeof value === 'string' && value.trim() !== '') return <Markdown source={value} className="review-answer-md" />;
  return <span>{summariseAnswer(question, value, item)}</span>;
}

function AggregateLine({ question, aggregate, item }: { question: Question; aggregate: Aggregate; item: ItemData }) {
  const meaning = question.type === 'pairwise' ? 'Probability that the preferred side is right' : CONFIDENCE_MEANING[aggregate.method];
  return (
    <div className="review-aggregate">
      <span className="review-ctx-label">Aggregate</span>
      <span className="review-aggregate-answer">{summariseAggregate(question, aggregate, item)}</span>
      <span className="review-aggregate-figures">
        <ConfidenceBar value={aggregate.confidence} label={`Aggregate confidence for ${question.prompt}`} meaning={meaning} />
        <span className="muted small">
          {aggregate.confidence !== null && aggregate.basis ? `${basisInWords(aggregate.basis)} · ` : ''}n = {aggregate.n} judgment{aggregate.n === 1 ? '' : 's'}
          {aggregate.method !== 'none' ? ` · ${METHOD_LABELS[aggregate.method]}` : ''}
        </span>
      </span>
    </div>
  );
}

export function ReviewContextPanel({ schema, context, item }: { schema: TaskSchema; context: Context; item: ItemData }) {
  const byQuestion = new Map(context.aggregates.map((a) => [a.questionId, a]));
  const gold = context.gold;
  return (
    <section className="review-context" aria-labelledby="review-context-title">
      <h2 id="review-context-title">Beside it</h2>
      <p className="muted small">
        {context.others.length === 0
          ? 'Nobody else has annotated this item.'
          : `${context.others.length} other annotation${context.others.length === 1 ? '' : 's'} of this item, and the aggregate now.`}
        {gold ? ' A gold item: its gold answer is shown.' : ''}
      </p>
      {schema.questions.map((q) => {
        // Free text has no aggregate to show (its method is none).
        const aggregate = isFreeText(q) ? undefined : byQuestion.get(q.id);
        const answered = context.others.filter((o) => o.answers[q.id] !== undefined);
        const goldAnswer = gold?.answers[q.id];
        if (!aggregate && answered.length === 0 && goldAnswer === undefined) return null;
        return (
          <section key={q.id} className="review-ctx-question" aria-label={`Context for ${q.prompt}`}>
            <h3>{q.prompt}</h3>
            {goldAnswer !== undefined && (
              <div className="review-gold">
                <span className="review-ctx-label">Gold answer</span>
                <AnswerText question={q} value={goldAnswer} item={item} />
              </div>
            )}
            {aggregate && <AggregateLine question={q} aggregate={aggregate} item={item} />}
            {answered.length > 0 && (
              <ul className="review-others" aria-label={`Other answers to ${q.prompt}`}>
                {answered.map((o) => (
                  <li key={o.id}>
                    <span className="review-other-who">
                      {o.annotator}
                      {o.isCorrection && <span className="muted small"> (a reviewer's correction)</span>}
                      {o.outcome && <span className={`review-outcome ${o.outcome}`}>{OUTCOME_TEXT[o.outcome]}</span>}
                    </span>
                    <AnswerText question={q} value={o.answers[q.id]} item={item} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {gold?.explanation && (
        <div className="review-gold-explanation">
          <span className="review-ctx-label">Why the gold answer</span>
          <Markdown source={gold.explanation} />
        </div>
      )}
    </section>
  );
}
