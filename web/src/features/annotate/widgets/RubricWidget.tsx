/**
 * `rubric`: a table of criteria × score. Each criterion is a radio group named by its label and described by its
 * description (a select for scales longer than eleven points); an optional comment per criterion; the weighted
 * score of what is scored so far, as the quality engine computes it.
 */
import type { Widget, WidgetProps } from './types';
import type { RubricAnswer, RubricQuestion } from '../../../schema';
import { rubricWeightedScore } from '@core/schema/rubric-score';
import { scalePoints } from '@core/schema/scale';
import { ItemText } from './ItemText';
import '../widgets.css';

const MAX_RADIO_POINTS = 11;

/** The answer with one criterion's score or comment changed; undefined once nothing is left. */
function withChange(value: RubricAnswer | undefined, change: { score?: [string, number]; comment?: [string, string] }): RubricAnswer | undefined {
  const scores = { ...value?.scores };
  const comments = { ...value?.comments };
  if (change.score) scores[change.score[0]] = change.score[1];
  if (change.comment) {
    const [id, text] = change.comment;
    if (text === '') delete comments[id];
    else comments[id] = text;
  }
  if (Object.keys(scores).length === 0 && Object.keys(comments).length === 0) return undefined;
  return Object.keys(comments).length > 0 ? { scores, comments } : { scores };
}

function WeightedScore({ question, value }: { question: RubricQuestion; value: RubricAnswer | undefined }) {
  const scored = question.criteria.filter((c) => value?.scores[c.id] !== undefined);
  if (!value || scored.length === 0) return <p className="rubric-total muted">Weighted score: score the criteria to see it.</p>;
  const score = rubricWeightedScore({ ...question, criteria: scored }, value);
  const partial = scored.length < question.criteria.length;
  return (
    <p className="rubric-total" aria-live="polite">
      Weighted score: <strong>{Math.round(score * 100)}%</strong>
      {partial && <span className="muted"> (so far: {scored.length} of {question.criteria.length} criteria scored)</span>}
    </p>
  );
}

function RubricWidgetView({ question, item, value, onChange, idPrefix }: WidgetProps<'rubric'>) {
  return (
    <div>
      {question.field && <ItemText item={item} field={question.field} />}
      <table className="data rubric" aria-labelledby={`${idPrefix}-prompt`}>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Score</th>
            {question.comments && <th scope="col">Comment (optional)</th>}
          </tr>
        </thead>
        <tbody>
          {question.criteria.map((c) => {
            const id = `${idPrefix}-${c.id}`;
            const score = value?.scores[c.id];
            const points = scalePoints(c.min, c.max);
            return (
              <tr key={c.id}>
                <th scope="row" className="rubric-criterion">
                  <span id={`${id}-label`}>{c.label}</span>
                  {c.weight !== 1 && <span className="muted small"> ×{c.weight}</span>}
                  {c.description && (
                    <span id={`${id}-desc`} className="rubric-desc">
                      {c.description}
                    </span>
                  )}
                </th>
                <td>
                  {points.length <= MAX_RADIO_POINTS ? (
                    <div className="rubric-points" role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={c.description ? `${id}-desc` : undefined}>
                      {points.map((p) => (
                        <label key={p} className={`rubric-point ${score === p ? 'selected' : ''}`}>
                          <input type="radio" name={id} value={p} checked={score === p} onChange={() => onChange(withChange(value, { score: [c.id, p] }))} />
                          <span>{p}</span>
                        </label>
                      ))}
                    </div>
                  ) : (
                    <select aria-labelledby={`${id}-label`} value={score ?? ''} onChange={(e) => onChange(withChange(value, { score: [c.id, Number(e.target.value)] }))}>
                      <option value="" disabled>
                        {c.min}–{c.max}
                      </option>
                      {points.map((p) => (
                        <option key={p} value={p}>
                          {p}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                {question.comments && (
                  <td>
                    <textarea
                      className="rubric-comment"
                      rows={2}
                      aria-label={`Comment on ${c.label}`}
                      placeholder="Comment (optional)"
                      value={value?.comments?.[c.id] ?? ''}
                      onChange={(e) => onChange(withChange(value, { comment: [c.id, e.target.value] }))}
                    />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <WeightedScore question={question} value={value} />
    </div>
  );
}

export const RubricWidget: Widget<'rubric'> = {
  Component: RubricWidgetView,
  shortcuts: () => [
    { keys: 'Tab', does: 'Next criterion' },
    { keys: '← →', does: 'Lower / higher score (in a criterion)' },
  ],
  hint: () => 'Tab through the criteria · ← → score · Alt+↓ when done',
};
