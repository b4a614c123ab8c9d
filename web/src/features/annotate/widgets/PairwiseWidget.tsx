/**
 * `pairwise`: the prompt, the two responses side by side (each Markdown, scrolling on its own; stacked in a narrow
 * window), and the strength scale below: negative prefers the left response, positive the right.
 */
import type { Widget, WidgetProps } from './types';
import { Markdown } from '../../../components/Markdown';
import { pairwisePointLabel, pairwisePoints, readFieldPath, type ItemData } from '../../../schema';
import { ItemText, MissingField } from './ItemText';
import { keyRange } from './LabelWidget';
import { hasNumberKeys, ScaleChoices } from './ScaleChoices';
import '../widgets.css';

function Response({ item, field, title, id }: { item: ItemData; field: string; title: string; id: string }) {
  const found = readFieldPath(item, field);
  return (
    <div className="pair-pane">
      <h3 id={id} className="pair-title">
        {title}
      </h3>
      {/* Focusable so a keyboard user can scroll a long response; ←/→ scroll its code here, not the scale. */}
      <div
        className="pair-body"
        tabIndex={0}
        role="region"
        aria-labelledby={id}
        onKeyDown={(e) => (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && e.stopPropagation()}
      >
        {found.found ? <Markdown source={typeof found.value === 'string' ? found.value : JSON.stringify(found.value)} /> : <MissingField field={field} />}
      </div>
    </div>
  );
}

function PairwiseWidgetView({ question, item, value, onChange, active, idPrefix }: WidgetProps<'pairwise'>) {
  const points = pairwisePoints(question);
  // ←/→ from no choice land on the weakest preference for that side.
  const weakestLeft = points.filter((p) => p < 0).length - 1;
  const weakestRight = points.findIndex((p) => p > 0);
  return (
    <div className="pairwise">
      {question.promptField && <ItemText item={item} field={question.promptField} label="Prompt" />}
      <div className="pair">
        <Response item={item} field={question.left} title="A (left)" id={`${idPrefix}-left`} />
        <Response item={item} field={question.right} title="B (right)" id={`${idPrefix}-right`} />
      </div>
      <ScaleChoices
        points={points}
        labelOf={(p) => pairwisePointLabel(question, p)}
        value={value}
        onChange={onChange}
        active={active}
        labelledBy={`${idPrefix}-prompt`}
        entry={{ left: Math.max(0, weakestLeft), right: weakestRight < 0 ? points.length - 1 : weakestRight }}
        classOf={(p) => (p < 0 ? 'side-left' : p > 0 ? 'side-right' : 'side-tie')}
      />
    </div>
  );
}

export const PairwiseWidget: Widget<'pairwise'> = {
  Component: PairwiseWidgetView,
  shortcuts: (q) => {
    const points = pairwisePoints(q);
    return [
      ...(hasNumberKeys(points) ? [{ keys: `1–${points.length}`, does: `Pick a strength (1 = ${pairwisePointLabel(q, points[0] ?? q.scale.min)})` }] : []),
      { keys: '← →', does: 'Move the preference left / right' },
    ];
  },
  hint: (q) => (hasNumberKeys(pairwisePoints(q)) ? `${keyRange(pairwisePoints(q).length)} choose` : '← → choose'),
};
