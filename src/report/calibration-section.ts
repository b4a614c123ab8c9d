/**
 * The report's "Confidence against gold" section: the reliability diagram of the project's first label question
 * (its judged gold items by cross-fitted confidence, each bin's share right with its Wilson 95% interval and n, the
 * mean confidence beside it), the expected calibration error, and what the question's confidences rest on, in the
 * words the console uses. The chart is drawn on the server to SVG like the others.
 */
import { basisInWords, tooFewGoldInWords } from '../core/figures/confidence-basis.js';
import type { CalibrationView } from '../services/quality/calibration.js';
import { intervalBarOption, PALETTE, renderSvg, type IntervalBar } from './charts.js';
import { percent } from './format.js';
import { html, trusted, type Html } from './html.js';

const range = (b: { lower: number; upper: number }) => `${percent(b.lower, 0)}–${percent(b.upper, 0)}`;
const scaled = (x: number) => Math.round(x * 1000) / 10;

/** The non-empty bins as bars in percent (share right, its interval), labelled with the range and n. */
export function calibrationBars(v: CalibrationView): IntervalBar[] {
  return v.bins
    .filter((b) => b.n > 0)
    .map((b) => ({ name: range(b), value: scaled(b.accuracy!.rate), lower: scaled(b.accuracy!.lower), upper: scaled(b.accuracy!.upper), note: `n ${b.n}` }));
}

/** The diagram's option: bars with error bars for the share right, and the bins' mean confidence as a line over them. */
export function calibrationOption(v: CalibrationView) {
  const option = intervalBarOption(calibrationBars(v), { name: 'Share right on gold (%)', min: 0, max: 100, format: '{value}%' }) as { series: object[] };
  const confidence = v.bins.filter((b) => b.n > 0).map((b) => scaled(b.confidence!));
  return {
    ...option,
    legend: { top: 0, right: 0, data: ['Share right on gold (%)', 'Mean confidence (%)'] },
    series: [...option.series, { type: 'line', name: 'Mean confidence (%)', data: confidence, itemStyle: { color: PALETTE[1] }, lineStyle: { color: PALETTE[1], width: 2 }, symbolSize: 7, z: 11 }],
  };
}

export function calibrationSection(v: CalibrationView | null): Html {
  const head = html`<h2>Confidence against gold</h2>`;
  if (!v || v.questionId === null) {
    return html`<section id="calibration">${head}<p class="muted">The schema has no label question, so no confidence to check against gold.</p></section>`;
  }
  const basis = html`<p>Confidences of <code>${v.questionId}</code> are <strong>${basisInWords(v.basis)}</strong>${
    v.basis.kind === 'calibrated'
      ? ': a monotone map fitted on the judged gold items, cross-fitted so that no gold item calibrates itself.'
      : v.basis.nGold > 0
        ? ` (${tooFewGoldInWords(v.basis.nGold)}).`
        : '.'
  }</p>`;
  if (v.n === 0) {
    return html`<section id="calibration">${head}${basis}<p class="muted">No gold item has been judged yet, so there is nothing to check the confidences against.</p></section>`;
  }
  const rows = v.bins
    .filter((b) => b.n > 0)
    .map(
      (b) =>
        html`<tr><td>${range(b)}</td><td class="num">${b.n}</td><td class="num">${percent(b.confidence!, 1)}</td><td class="num">${percent(b.accuracy!.rate, 1)} <span class="muted">(${percent(b.accuracy!.lower, 0)}–${percent(b.accuracy!.upper, 0)})</span></td></tr>`,
    );
  return html`<section id="calibration">
    ${head}
    ${basis}
    <p>Each judged gold item's confidence here is the model's, computed by a fit that did not know its answer. Expected calibration error over ${v.n} gold items: <strong>${v.ece!.toFixed(3)}</strong> (10 equal-width bins; |share right − mean confidence| weighted by bin size). A calibrated model keeps the bars on the line.</p>
    <figure class="chart">
      <figcaption><strong>Share right on gold per confidence range</strong> <span class="muted small">Bars: share of the bin's gold items whose aggregated answer is the gold answer, with its Wilson 95% interval; line: the bin's mean confidence.</span></figcaption>
      ${trusted(renderSvg(calibrationOption(v), { width: 720, height: 300 }))}
    </figure>
    <table>
      <thead><tr><th scope="col">Confidence</th><th scope="col" class="num">Gold items</th><th scope="col" class="num">Mean confidence</th><th scope="col" class="num">Share right (95% interval)</th></tr></thead>
      <tbody>${rows}</tbody>
    </table>
  </section>`;
}
