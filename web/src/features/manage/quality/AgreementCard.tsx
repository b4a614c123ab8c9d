/**
 * Agreement over time: Krippendorff's alpha of one question, cumulative at the end of each day or week, drawn as a
 * line inside its 95% bootstrap band, with the overall figure written above the chart and the numbers in its table.
 */
import { useId, useMemo, useState } from 'react';
import { Chart } from '../../../components/Chart';
import { ErrorMessage, Loading } from '../../../components/Status';
import type { Question } from '../../../schema';
import { useAgreement } from './queries';
import type { AgreementBucket, AgreementView } from './types';

const LEVEL_TEXT: Record<AgreementView['level'], string> = {
  nominal: 'nominal: any two different answers disagree equally',
  ordinal: 'ordinal',
  interval: 'interval: answers further apart disagree more',
  ratio: 'ratio',
};

const fmt = (x: number) => x.toFixed(2);
const count = (n: number, what: string) => `${n.toLocaleString()} ${what}${n === 1 ? '' : 's'}`;

export function bucketLabel(iso: string, bucket: AgreementBucket): string {
  const day = new Date(iso).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return bucket === 'week' ? `Week of ${day}` : day;
}

/** The overall figure in words: alpha, its interval and what it rests on, or why there is none yet. */
export function describeAgreement(v: AgreementView): string {
  const o = v.overall;
  if (o.alpha === null) {
    return `No alpha yet from ${count(o.annotations, 'annotation')}: it needs items with two judgments or more, and some variation in the answers.`;
  }
  const interval = o.lower !== null && o.upper !== null ? ` (95% interval ${fmt(o.lower)} to ${fmt(o.upper)})` : '';
  const units = v.questionType === 'multi_label' ? 'item-option pairs' : 'items';
  return `Krippendorff's alpha ${fmt(o.alpha)}${interval} over ${o.units.toLocaleString()} ${units} with two judgments or more, ${count(o.values, 'pairable value')} from ${count(o.annotations, 'annotation')}.`;
}

export function AgreementCard({ projectId, questions }: { projectId: string; questions: readonly Question[] }) {
  const id = useId();
  const [question, setQuestion] = useState(questions[0]?.id ?? '');
  const [bucket, setBucket] = useState<AgreementBucket>('day');
  const agreement = useAgreement(projectId, question, bucket);
  const data = agreement.data;

  const chart = useMemo(() => {
    if (!data) return null;
    const s = data.series;
    const lowest = Math.min(0, ...s.map((p) => p.lower ?? 0));
    return {
      categories: s.map((p) => bucketLabel(p.start, data.bucket)),
      series: [{ name: "Krippendorff's alpha", kind: 'line' as const, values: s.map((p) => p.alpha), colorVar: '--accent' }],
      band: { name: '95% interval', lower: s.map((p) => p.lower), upper: s.map((p) => p.upper), colorVar: '--accent' },
      yAxis: { min: Math.floor(lowest * 10) / 10, max: 1, minInterval: 0 },
    };
  }, [data]);

  if (questions.length === 0) {
    return (
      <section className="card quality-card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Agreement over time</h2>
        <p className="muted">Agreement is measured on label, multi-label, rating and pairwise questions; this schema has none.</p>
      </section>
    );
  }

  return (
    <section className="card quality-card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>Agreement over time</h2>
        <div className="card-controls">
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
          <div role="group" aria-label="Group by" className="segmented-buttons">
            {(['day', 'week'] as const).map((b) => (
              <button key={b} type="button" className={`btn small ${bucket === b ? 'active' : ''}`} aria-pressed={bucket === b} onClick={() => setBucket(b)}>
                By {b}
              </button>
            ))}
          </div>
        </div>
      </div>
      {agreement.isError ? (
        <ErrorMessage error={agreement.error} title="Agreement could not be loaded" />
      ) : !data || !chart ? (
        <Loading label="Loading agreement" />
      ) : (
        <>
          <p className="agreement-overall">{describeAgreement(data)}</p>
          {data.series.length === 0 ? (
            <p className="muted">No annotations of this question yet.</p>
          ) : (
            <Chart
              title={`Alpha by ${data.bucket}, cumulative`}
              summary={`Each point is alpha over every annotation up to the end of that ${data.bucket}, with its 95% bootstrap interval as the band; level of measurement ${LEVEL_TEXT[data.level]}.`}
              categories={chart.categories}
              series={chart.series}
              band={chart.band}
              yAxis={chart.yAxis}
              formatValue={fmt}
              categoryName={data.bucket === 'week' ? 'Week' : 'Day'}
              height={240}
            />
          )}
        </>
      )}
    </section>
  );
}
