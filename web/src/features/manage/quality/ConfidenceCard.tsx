/**
 * Items by confidence: a histogram of the aggregate's confidence for one question, in ten bins, each bin a link into
 * the Results tab filtered to that question and range, so the doubtful items are one step away; and what the
 * confidences rest on, in words ("calibrated on 31 gold items" / "model-based, not calibrated").
 */
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { basisInWords, tooFewGoldInWords } from '@core/figures/confidence-basis';
import { Chart } from '../../../components/Chart';
import { ErrorMessage, Loading } from '../../../components/Status';
import type { Question } from '../../../schema';
import { binConfidences, binLabel, resultsLinkFor } from './confidence-bins';
import { HISTOGRAM_MAX_ITEMS, useConfidences } from './queries';

const count = (n: number, what: string) => `${n.toLocaleString()} ${what}${n === 1 ? '' : 's'}`;

export function ConfidenceCard({ projectId, questions }: { projectId: string; questions: readonly Question[] }) {
  const id = useId();
  const [question, setQuestion] = useState(questions[0]?.id ?? '');
  const confidences = useConfidences(projectId, question);
  const data = confidences.data;

  const view = useMemo(() => {
    if (!data) return null;
    const { bins, none } = binConfidences(data.values);
    const total = data.values.length - none;
    const below60 = bins.filter((b) => b.to <= 60).reduce((s, b) => s + b.count, 0);
    return {
      bins,
      none,
      total,
      categories: bins.map(binLabel),
      series: [{ name: 'Items', kind: 'bar' as const, values: bins.map((b) => b.count), colorVar: '--accent' }],
      summary:
        total === 0
          ? 'No item has an aggregate with a confidence for this question yet.'
          : `${count(total, 'item')} with an aggregate; ${count(below60, 'item')} below 60% confidence.${data.truncated ? ` Only the first ${HISTOGRAM_MAX_ITEMS.toLocaleString()} items are counted.` : ''}`,
    };
  }, [data]);

  if (questions.length === 0) {
    return (
      <section className="card quality-card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Items by confidence</h2>
        <p className="muted">This schema has no question whose aggregate carries a confidence.</p>
      </section>
    );
  }

  return (
    <section className="card quality-card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>Items by confidence</h2>
        <label className="inline-label">
          Question
          <select value={question} onChange={(e) => setQuestion(e.target.value)}>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.prompt || q.id}
              </option>
            ))}
          </select>
        </label>
      </div>
      {confidences.isError ? (
        <ErrorMessage error={confidences.error} title="Confidences could not be loaded" />
      ) : !view ? (
        <Loading label="Loading confidences" />
      ) : (
        <>
          <Chart title="Items per confidence range" summary={view.summary} categories={view.categories} series={view.series} categoryName="Confidence" height={220} />
          {view.total > 0 && (
            <nav aria-label="Open a confidence range in Results" className="bin-links">
              <span className="muted small">Open in Results:</span>
              <ul>
                {view.bins
                  .filter((b) => b.count > 0)
                  .map((b) => (
                    <li key={b.from}>
                      <Link to={resultsLinkFor(projectId, question, b)}>
                        {binLabel(b)}: {count(b.count, 'item')}
                      </Link>
                    </li>
                  ))}
              </ul>
            </nav>
          )}
          {data?.basis && view.total > 0 && (
            <p className="small confidence-basis">
              Confidences are <strong>{basisInWords(data.basis)}</strong>
              {data.basis.kind === 'calibrated'
                ? ' (cross-fitted: no gold item calibrates itself).'
                : data.basis.nGold > 0
                  ? ` (${tooFewGoldInWords(data.basis.nGold)}).`
                  : ' (no judged gold item for this question).'}
            </p>
          )}
          {view.none > 0 && <p className="muted small">{count(view.none, 'item')} without a confidence (a single judgment or no method for it).</p>}
        </>
      )}
    </section>
  );
}
