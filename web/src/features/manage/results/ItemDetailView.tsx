/**
 * The right pane: one item. Its data (each field rendered as the annotator saw it), the aggregate per question with
 * its confidence and method, the gold answer when the reader may see it, and every annotation side by side with its
 * effort and fraud flags: each kind as a badge in the row, and under a flagged row, across the table, the sentences
 * saying what fired (a column would be too narrow for them). Free-text answers show as rendered, sanitised Markdown.
 */
import { basisInWords } from '@core/figures/confidence-basis';
import { Fragment } from 'react';
import { ItemText } from '../../annotate/widgets/ItemText';
import { Markdown } from '../../../components/Markdown';
import { ErrorMessage, Loading } from '../../../components/Status';
import type { ItemData, Question, TaskSchema } from '../../../schema';
import { FlagBadges, SignalFlagList } from '../quality/SignalFlagList';
import { TableScroll } from '../TableScroll';
import { AnswerView } from './AnswerView';
import { ConfidenceBar } from './ConfidenceBar';
import { FlagControl } from './FlagControl';
import { formatDateTime } from '../format';
import { formatDuration, formatSignals, STATUS_LABELS } from './format';
import { useItemDetail } from './queries';
import { CONFIDENCE_MEANING, METHOD_LABELS, summariseAggregate } from './summaries';
import type { ItemDetail, QuestionAggregate } from './types';

interface Props {
  projectId: string;
  itemId: string | null;
  schema: TaskSchema;
  schemaVersion: number;
}

const meaningOf = (q: Question, a: QuestionAggregate) =>
  q.type === 'pairwise' ? 'Probability that the preferred side is right' : CONFIDENCE_MEANING[a.method];

export function ItemDetailView({ projectId, itemId, schema, schemaVersion }: Props) {
  const detail = useItemDetail(projectId, itemId);
  if (itemId === null) return <p className="status empty">Choose an item on the left to see its annotations and aggregate.</p>;
  if (detail.isPending) return <Loading label="Loading the item" />;
  if (detail.isError) return <ErrorMessage error={detail.error} title="The item could not be loaded" />;
  const item = detail.data;
  return (
    <article className="results-detail" aria-labelledby="results-item-title">
      <header className="results-detail-head">
        <h2 id="results-item-title">{item.externalId ?? item.id}</h2>
        {item.isGold && <span className="badge gold">Gold</span>}
        <span className={`badge status-${item.status}`}>{STATUS_LABELS[item.status]}</span>
        <span className="muted small">
          {item.judgments} of {item.judgmentsNeeded} judgments · id <code>{item.id}</code>
        </span>
        <FlagControl projectId={projectId} itemId={item.id} existing={item.flag} />
      </header>

      <section aria-labelledby="results-data" className="results-section">
        <h3 id="results-data">Data</h3>
        <div className="results-data">
          {Object.keys(item.data).map((field) => (
            <div key={field} className="results-field">
              <h4>{field}</h4>
              <ItemText item={item.data as ItemData} field={field} label={field} />
            </div>
          ))}
        </div>
      </section>

      <AggregateTable schema={schema} item={item} />
      {item.gold && <GoldAnswer schema={schema} item={item} />}
      <AnnotationsTable schema={schema} item={item} schemaVersion={schemaVersion} />
    </article>
  );
}

function AggregateTable({ schema, item }: { schema: TaskSchema; item: ItemDetail }) {
  const byQuestion = new Map(item.aggregates.map((a) => [a.questionId, a]));
  return (
    <section aria-labelledby="results-aggregate" className="results-section">
      <h3 id="results-aggregate">Aggregate</h3>
      {item.aggregates.length === 0 ? (
        <p className="muted">No annotations yet, so nothing to aggregate.</p>
      ) : (
        <table className="data results-aggregate" aria-labelledby="results-aggregate">
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Answer</th>
              <th scope="col">Confidence</th>
              <th scope="col">Method</th>
              <th scope="col" className="num">
                Judgments
              </th>
            </tr>
          </thead>
          <tbody>
            {schema.questions.map((q) => {
              const a = byQuestion.get(q.id);
              if (!a) return null;
              return (
                <tr key={q.id}>
                  <th scope="row">{q.prompt}</th>
                  <td>{summariseAggregate(q, a, item.data as ItemData)}</td>
                  <td>
                    <ConfidenceBar value={a.confidence} label={`Confidence for ${q.prompt}`} meaning={meaningOf(q, a)} />
                    {a.confidence !== null && a.basis && <span className="confidence-basis muted small">{basisInWords(a.basis)}</span>}
                  </td>
                  <td title={meaningOf(q, a) || undefined}>{METHOD_LABELS[a.method]}</td>
                  <td className="num">{a.n}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function GoldAnswer({ schema, item }: { schema: TaskSchema; item: ItemDetail }) {
  const gold = item.gold!;
  return (
    <section aria-labelledby="results-gold" className="results-section results-gold">
      <h3 id="results-gold">Gold answer</h3>
      <dl>
        {schema.questions
          .filter((q) => gold.answers[q.id] !== undefined)
          .map((q) => (
            <div key={q.id}>
              <dt>{q.prompt}</dt>
              <dd>
                <AnswerView question={q} value={gold.answers[q.id]} item={item.data as ItemData} />
              </dd>
            </div>
          ))}
      </dl>
      {gold.explanation && <Markdown source={gold.explanation} className="results-gold-explanation" />}
    </section>
  );
}

function AnnotationsTable({ schema, item, schemaVersion }: { schema: TaskSchema; item: ItemDetail; schemaVersion: number }) {
  return (
    <section aria-labelledby="results-annotations" className="results-section">
      <h3 id="results-annotations">Annotations ({item.annotations.length})</h3>
      {item.annotations.length === 0 ? (
        <p className="muted">Nobody has annotated this item yet.</p>
      ) : (
        <TableScroll className="results-table-scroll" label="Annotations table" region>
          <table className="data results-annotations" aria-labelledby="results-annotations">
            <thead>
              <tr>
                <th scope="col">Annotator</th>
                {schema.questions.map((q) => (
                  <th scope="col" key={q.id}>
                    {q.prompt}
                  </th>
                ))}
                <th scope="col" className="num">
                  Time
                </th>
                <th scope="col">Versions</th>
                <th scope="col">Flags</th>
              </tr>
            </thead>
            <tbody>
              {item.annotations.map((a) => {
                const signals = formatSignals(a.clientSignals);
                return (
                  <Fragment key={a.id}>
                    <tr className={a.flags.length > 0 ? 'results-flagged' : undefined}>
                      <th scope="row">
                        <span className="results-annotator">{a.pseudonym}</span>
                        <span className="muted small">{a.vendorName ?? 'No vendor'}</span>
                      </th>
                      {schema.questions.map((q) => (
                        <td key={q.id}>
                          <AnswerView question={q} value={a.answers[q.id]} item={item.data as ItemData} />
                        </td>
                      ))}
                      <td className="num">
                        {formatDuration(a.timeSpentMs)}
                        {signals && <span className="muted small results-signals">{signals}</span>}
                      </td>
                      <td>
                        <span className={a.schemaVersion === schemaVersion ? undefined : 'results-old-version'}>schema v{a.schemaVersion}</span>
                        <span className="muted small"> · guidelines v{a.guidelineVersion}</span>
                        <span className="muted small results-when">{formatDateTime(a.createdAt)}</span>
                      </td>
                      <td>
                        <FlagBadges flags={a.flags} />
                      </td>
                    </tr>
                    {a.flags.length > 0 && (
                      <tr className="results-flag-details">
                        <td colSpan={schema.questions.length + 4}>
                          <span className="visually-hidden">Flags of {a.pseudonym}: </span>
                          <SignalFlagList flags={a.flags} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
