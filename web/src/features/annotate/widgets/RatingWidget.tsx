/** `rating`: a point on an ordinal scale, as a radio group of the scale's points with their labels. */
import type { Widget, WidgetProps } from './types';
import { ratingPointLabel, ratingPoints } from '../../../schema';
import { ItemText } from './ItemText';
import { keyRange } from './LabelWidget';
import { hasNumberKeys, ScaleChoices } from './ScaleChoices';
import '../widgets.css';

function RatingWidgetView({ question, item, value, onChange, active, idPrefix }: WidgetProps<'rating'>) {
  const points = ratingPoints(question);
  return (
    <div>
      {question.field && <ItemText item={item} field={question.field} />}
      <ScaleChoices
        points={points}
        labelOf={(p) => ratingPointLabel(question, p)}
        value={value}
        onChange={onChange}
        active={active}
        labelledBy={`${idPrefix}-prompt`}
        entry={{ left: points.length - 1, right: 0 }}
        showNumbers
      />
    </div>
  );
}

export const RatingWidget: Widget<'rating'> = {
  Component: RatingWidgetView,
  shortcuts: (q) => {
    const count = ratingPoints(q).length;
    return [
      ...(hasNumberKeys(ratingPoints(q)) ? [{ keys: `1–${count}`, does: `Pick a point (1 = ${ratingPointLabel(q, q.min)})` }] : []),
      { keys: '← →', does: 'Lower / higher point' },
    ];
  },
  hint: (q) => (hasNumberKeys(ratingPoints(q)) ? `${keyRange(ratingPoints(q).length)} rate` : '← → rate'),
};
