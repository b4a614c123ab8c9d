/**
 * Does the confidence mean what it says? The reliability diagram of a label question: its judged gold items binned by
 * the confidence the model gave them out of fold (each computed as if its answer were unknown), the share right in
 * each bin beside the bin's mean confidence, with each bin's n and Wilson 95% interval in the table, the expected
 * calibration error, and what the question's confidences rest on. Managers and admins only (it reads gold).
 */
import { useId, useMemo, useState } from 'react';
import { basisInWords } from '@core/figures/confidence-basis';
import { Chart } from '../../../components/Chart';
import { ErrorMessage, Loading } from '../../../components/Status';
import type { Question } from '../../../schema';
import { useCalibration, type CalibrationView } from './queries';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const items = (n: number) => `${n.toLocaleString()} gold item${n === 1 ? '' : 's'}`;

/** The chart's series and sentences for a calibration view (exported for its test). */
export function calibrationChart(v: CalibrationView) {
  const used = v.bins.filter((b) => b.n > 0);
  const categories = used.map((b) => `${pct(b.lower)}–${pct(b.upper)} (n = ${b.n})`);
  const worst = used.reduce<{ gap: number; label: string } | null>((w, b) => {
    const gap = b.accuracy!.rate - b.confidence!;
    return !w || Math.abs(gap) > Math.abs(w.gap) ? { gap, label: `${pct(b.lower)}–${pct(b.upper)}` } : w;
  }, null);
  const summary =
    v.n === 0
      ? 'No gold item has been judged yet, so there is nothing to check the confidences against.'
      : `${items(v.n)} judged; expected calibration error ${v.ece!.toFixed(3)} (10 bins)${v.n < 30 ? ', on too few items to say much: see each bin\'s interval' : ''}.` +
        (worst ? ` Largest gap in ${worst.label}: ${pct(Math.abs(worst.gap))} ${worst.gap < 0 ? 'less often right than the confidence says' : 'more often right than the confidence says'}.` : '');
  return {
    categories,
    series: [
      { name: 'Share right on gold (%)', kind: 'bar' as const, values: used.map((b) => b.accuracy!.rate * 100), colorVar: '--accent' },
      { name: 'Mean confidence (%)', kind: 'line' as const, values: used.map((b) => b.confidence! * 100), colorVar: '--warn' },
    ],
    band: { name: 'Share right, 95% interval', lower: used.map((b) => b.accuracy!.lower * 100), upper: used.map((b) => b.accuracy!.upper * 100) },
    summary,
  };
}

export function CalibrationCard({ projectId, questions }: { projectId: string; questions: readonly Question[] }) {
  const id = useId();
  const [question, setQuestion] = useState(questions[0]?.id ?? '');
  const calibration = useCalibration(projectId, question);
  const view = useMemo(() => (calibration.data ? calibrationChart(calibration.data) : null), [calibration.data]);
  if (questions.length === 0) return null;
  const data = calibration.data;
  return (
    <section className="card quality-card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>Confidence against gold</h2>
        {questions.length > 1 && (
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
        )}
      </div>
      {calibration.isError ? (
        <ErrorMessage error={calibration.error} title="The calibration could not be loaded" />
      ) : !view || !data ? (
        <Loading label="Loading the calibration" />
      ) : (
        <>
          {data.n > 0 && (
            <Chart
              title="Share right on gold per confidence range"
              summary={view.summary}
              categories={view.categories}
              series={view.series}
              band={view.band}
              categoryName="Confidence (cross-fitted)"
              yAxis={{ min: 0, max: 100 }}
              formatValue={(x) => `${Math.round(x)}%`}
              formatAxisLabel={(c) => c.replace(' (n = ', ' · n ').replace(')', '')}
              height={240}
            />
          )}
          {data.n === 0 && <p className="muted">{view.summary}</p>}
          <p className="small confidence-basis">
            Confidences shown for this question are <strong>{basisInWords(data.basis)}</strong>.{' '}
            <span className="muted">
              Each gold item&apos;s confidence here comes from a fit that did not know its answer; a calibrated model keeps the bars on the line.
            </span>
          </p>
        </>
      )}
    </section>
  );
}
