/**
 * The report's sections as HTML fragments, each from the gathered facts alone: the summary, the vendors side by
 * side, the head-to-heads, each vendor's annotators, and the effort and fraud signals. Every figure a reader might
 * quote carries its interval and n, and small samples say so beside the number.
 */
import { SIGNAL_KIND_LABELS, SIGNAL_KIND_NAMES, signalPolicySentences } from '../core/figures/signal-words.js';
import type { Figures, MinorEstimate, VendorScorecard } from '../services/vendors/scorecards.js';
import type { QualityReportModel, ReportAnnotator } from '../services/reports/quality-report.js';
import { INDEPENDENT_METHOD, PAIRED_METHOD } from '../services/vendors/head-to-head.js';
import { describeGateRule } from '../core/gold/gate-words.js';
import { count, DASH, describeHeadToHead, duration, fixed, formatP, intervalText, money, moneyParts, moneyWithInterval, percent } from './format.js';
import { html, trusted, type Html } from './html.js';

const KINDS = SIGNAL_KIND_NAMES;

const smallSample = (small: boolean, n: number) => (small ? html`<span class="badge warn" title="Fewer than 30 gold judgments">small sample (n ${n})</span>` : null);

/** A horizontal error bar on 0–100%: the interval as a line, the estimate as a dot (hand-made SVG: numbers only). */
export function errorBar(p: { rate: number | null; lower: number | null; upper: number | null }): Html {
  if (p.rate === null || p.lower === null || p.upper === null) return html``;
  const x = (v: number) => (4 + v * 112).toFixed(1);
  return trusted(
    `<svg class="errbar" width="120" height="14" viewBox="0 0 120 14" aria-hidden="true"><line x1="4" y1="7" x2="116" y2="7" stroke="#d9dde3"/>` +
      `<line x1="${x(p.lower)}" y1="7" x2="${x(p.upper)}" y2="7" stroke="#2a4fb8" stroke-width="2"/>` +
      `<line x1="${x(p.lower)}" y1="3" x2="${x(p.lower)}" y2="11" stroke="#2a4fb8"/><line x1="${x(p.upper)}" y1="3" x2="${x(p.upper)}" y2="11" stroke="#2a4fb8"/>` +
      `<circle cx="${x(p.rate)}" cy="7" r="3.5" fill="#2a4fb8"/></svg>`,
  );
}

function costCell(f: Figures, pick: (c: NonNullable<Figures['cost']>) => MinorEstimate | number | null): Html | string {
  if (!f.cost) return DASH;
  const v = pick(f.cost);
  return v === null || typeof v === 'number' ? money(v, f.cost.currency) : moneyCell(v, f.cost.currency);
}

/** A figure over the lines that qualify it (interval, n), each on its own line. */
const stacked = (main: Html | string, ...under: (Html | string | null)[]) =>
  html`<span class="main">${main}</span>${under.filter((u) => u !== null && u !== '').map((u) => html`<span class="sub">${u}</span>`)}`;

/** A proportion as its rate over its interval; a dash when undefined. */
function proportionCell(p: { rate: number | null; lower: number | null; upper: number | null } | null, ...under: (Html | string | null)[]): Html | string {
  if (!p || p.rate === null) return DASH;
  return stacked(percent(p.rate), intervalText(p), ...under);
}

/** Money with its interval under it (an upper end without a bound is "open"). */
function moneyCell(m: MinorEstimate, currency: string): Html | string {
  const p = moneyParts(m, currency);
  return p === null ? DASH : stacked(p.estimate, `${p.lower}–${p.upper}`);
}

const goldCell = (f: Figures) => proportionCell(f.gold, `${f.gold.k} of ${f.gold.n}`, smallSample(f.smallSample, f.gold.n));

export function summarySection(m: QualityReportModel): Html {
  const o = m.scorecards.overall;
  const p = m.progress;
  const flaggedN = m.signals.vendors.reduce((s, v) => s + v.n, 0);
  const tiles: [string, Html | string, string][] = [
    ['Items complete', `${count(p.completeItems)} of ${count(p.totalItems)}`, `${count(p.itemsInProgress)} in progress (some judgments or someone on them), ${count(p.remainingItems)} not started; gold items apart`],
    [
      'Judgments',
      `${count(p.judgments)} of ${count(p.judgmentsPlanned)}`,
      `on the items, at k = ${p.overlapK}${o ? `; ${count(o.gold.n)} more on gold items (${count(o.throughput.judgments)} in all)` : ''}; reviewers' corrections not counted`,
    ],
    ['Gold items', count(m.goldItems), `served at a rate of ${percent(m.project.goldRate, 0)}, hidden among the items`],
    [
      'Gold accuracy, all vendors',
      percent(o?.gold.rate),
      o && o.gold.n > 0 ? `95% interval ${intervalText(o.gold)}; ${count(o.gold.k)} correct of ${count(o.gold.n)} gold judgments` : 'no gold judgments yet',
    ],
    [
      'Agreement (Krippendorff’s α)',
      fixed(o?.alpha?.alpha),
      o?.alpha && o.alpha.alpha !== null ? `95% interval ${fixed(o.alpha.lower)}–${fixed(o.alpha.upper)}; on “${o.alpha.questionId}”, ${count(o.alpha.units)} items` : 'not enough overlapping judgments yet',
    ],
    ['Flagged annotations', `${count(m.signals.flaggedTotal)} of ${count(flaggedN)}`, 'by the effort and fraud signals below'],
    ['Total cost', o?.cost ? money(o.cost.total, o.cost.currency) : DASH, o?.cost ? `${moneyWithInterval(o.cost.perCorrectJudgment, o.cost.currency)} per correct label` : 'vendors without pay terms, or in several currencies'],
  ];
  const gate = m.project.gate;
  return html`<section id="summary">
    <h2>Summary</h2>
    <dl class="tiles">
      ${tiles.map(([label, value, note]) => html`<div class="tile"><dt>${label}</dt><dd class="figure">${value}</dd><dd class="muted">${note}</dd></div>`)}
    </dl>
    <p class="muted">
      Overlap ${m.project.overlapMode === 'adaptive' ? `adaptive: ${m.project.overlapK} judgments, then one more at a time until the item's confidence reaches ${fixed(m.project.overlapTau, 3)}, at most ${m.project.overlapKMax}` : `fixed at ${m.project.overlapK} judgments per item`}.
      Quality gate ${gate.enabled ? `on. ${describeGateRule(gate.rule)}` : 'off.'}
      Schema version ${m.project.schemaVersion}, guidelines version ${m.project.guidelineVersion}.
    </p>
  </section>`;
}

const alphaCell = (a: VendorScorecard['alpha']) =>
  !a || a.alpha === null ? DASH : stacked(fixed(a.alpha), a.lower === null || a.upper === null ? null : `${fixed(a.lower)}–${fixed(a.upper)}`, `${count(a.units)} items`);

function vendorRow(name: Html, f: Figures & { alpha: VendorScorecard['alpha'] }, flags: { n: number; flagged: number } | undefined): Html {
  const r = f.review;
  const reasons = r.rejectionReasons.slice(0, 3).map((x) => `${x.reason} (${x.n})`).join('; ');
  return html`<tr>
    <th scope="row">${name}</th>
    <td class="num">${goldCell(f)}</td>
    <td>${errorBar(f.gold)}</td>
    <td class="num">${proportionCell(f.agreement)}</td>
    <td class="num">${alphaCell(f.alpha)}</td>
    <td class="num">${r.decided === 0 ? stacked(DASH, 'none reviewed') : proportionCell(r.acceptance, `${r.accepted} accepted, ${r.rejected} rejected, ${r.corrected} corrected`, reasons ? `rejected for: ${reasons}` : null)}</td>
    <td class="num">${stacked(count(f.throughput.judgments), `${fixed(f.throughput.perActiveHour, 1)} / active hour`)}</td>
    <td class="num">${duration(f.throughput.medianTimeMs)}</td>
    <td class="num">${costCell(f, (c) => c.perJudgment)}</td>
    <td class="num">${costCell(f, (c) => c.perAcceptedJudgment)}</td>
    <td class="num strong">${costCell(f, (c) => c.perCorrectJudgment)}</td>
    <td class="num">${flags ? stacked(`${flags.flagged} of ${flags.n}`) : DASH}</td>
  </tr>`;
}

const payTerms = (v: VendorScorecard) =>
  v.payTerms ? `${money(v.payTerms.rateMinor, v.payTerms.currency)} per ${v.payTerms.model === 'per_hour' ? 'hour' : 'task'}` : 'no pay terms';

export function vendorsSection(m: QualityReportModel, charts: Html): Html {
  const flags = new Map(m.signals.vendors.map((v) => [v.vendorId, v]));
  const o = m.scorecards.overall;
  const totalFlags = { n: m.signals.vendors.reduce((s, v) => s + v.n, 0), flagged: m.signals.flaggedTotal };
  return html`<section id="vendors">
    <h2>Vendors side by side</h2>
    <p>Each vendor on the same project and the same gold items. Cost per correct label is the cost per judgment divided by gold accuracy; its interval follows from the accuracy interval.</p>
    <div class="scroll"><table class="data">
      <thead><tr>
        <th scope="col">Vendor</th><th scope="col" class="num">Gold accuracy (95% interval)</th><th scope="col"><span class="visually-hidden">Interval</span></th>
        <th scope="col" class="num">Agreement with consensus</th><th scope="col" class="num">α within vendor</th><th scope="col" class="num">Review acceptance</th>
        <th scope="col" class="num">Judgments, gold included</th><th scope="col" class="num">Median time</th><th scope="col" class="num">Cost per judgment</th>
        <th scope="col" class="num">per accepted</th><th scope="col" class="num">per correct label</th><th scope="col" class="num">Flagged</th>
      </tr></thead>
      <tbody>${m.scorecards.vendors.map((v) => vendorRow(html`${v.name}<br /><span class="muted">${v.kind.replace('_', ' ')}, ${payTerms(v)}</span>`, v, flags.get(v.vendorId)))}</tbody>
      ${o ? html`<tfoot>${vendorRow(html`All vendors`, o, totalFlags)}</tfoot>` : ''}
    </table></div>
    ${charts}
  </section>`;
}

export function headToHeadSection(m: QualityReportModel): Html {
  if (m.headToHeads.length === 0) {
    return html`<section id="head-to-head"><h2>Head-to-head</h2><p class="muted">Fewer than two vendors have gold judgments, so there is nothing to compare yet.</p></section>`;
  }
  const diff = (c: { difference: number | null; lower: number | null; upper: number | null }) =>
    c.difference === null ? DASH : stacked(`${(c.difference * 100).toFixed(1)} points`, c.lower === null || c.upper === null ? null : `${(c.lower * 100).toFixed(1)} to ${(c.upper * 100).toFixed(1)}`);
  const pCell = (x: number | null) => (x === null ? DASH : stacked(formatP(x), x < 0.05 ? html`<span class="badge">significant at 5%</span>` : null));
  return html`<section id="head-to-head">
    <h2>Head-to-head</h2>
    <p>Each pair of vendors on the gold items both labeled, with every judgment each made of them: the difference in accuracy, its 95% interval and p-value from a bootstrap that resamples whole gold items with all their judgments, so an item judged often or an annotator who judged much is not taken for more evidence than it is. Beside it, all their gold judgments compared unpaired with the two-proportion z-test. Quote the paired comparison: judgments of one item or by one annotator are not independent, so the unpaired p-value is optimistic.</p>
    ${m.headToHeads.map((h) => {
      const p = h.paired;
      const i = h.independent;
      return html`<article class="h2h">
        <h3>${h.a.name} against ${h.b.name}</h3>
        <p class="sentence">${describeHeadToHead(h)}${p.smallSample ? html` <span class="badge warn">small sample</span>` : ''}</p>
        <table class="data compact">
          <thead><tr><th scope="col">Comparison</th><th scope="col" class="num">Gold items</th><th scope="col" class="num">${h.a.name}</th><th scope="col" class="num">${h.b.name}</th><th scope="col" class="num">Difference (95% interval)</th><th scope="col" class="num">p, two-sided</th><th scope="col">Behind it</th></tr></thead>
          <tbody>
            <tr><th scope="row">Paired</th><td class="num">${p.items}</td><td class="num">${percent(p.accuracyA)}</td><td class="num">${percent(p.accuracyB)}</td><td class="num">${diff(p)}</td><td class="num">${pCell(p.pValue)}</td>
              <td class="muted">${count(p.judgmentsA)} judgments by ${p.annotatorsA} ${p.annotatorsA === 1 ? 'annotator' : 'annotators'} of ${h.a.name}, ${count(p.judgmentsB)} by ${p.annotatorsB} of ${h.b.name}</td></tr>
            <tr><th scope="row">Unpaired</th><td class="num">${i.nA} / ${i.nB}</td><td class="num">${percent(i.accuracyA)}</td><td class="num">${percent(i.accuracyB)}</td><td class="num">${diff(i)}</td><td class="num">${pCell(i.pValue)}</td>
              <td class="muted">${i.correctA} of ${i.nA} and ${i.correctB} of ${i.nB} gold judgments right</td></tr>
          </tbody>
        </table>
      </article>`;
    })}
  </section>`;
}

function flagsCell(f: ReportAnnotator['flags']): Html | string {
  if (!f) return DASH;
  const kinds = KINDS.filter((k) => f.byKind[k] > 0).map((k) => `${SIGNAL_KIND_LABELS[k]} ${f.byKind[k]}`);
  return stacked(`${f.flagged} of ${f.n}`, kinds.join(', '));
}

export function annotatorsSection(m: QualityReportModel): Html {
  const cols = 9;
  return html`<section id="annotators">
    <h2>Annotators</h2>
    <p>Each vendor's annotators on this project: accuracy on hidden gold with its 95% Wilson interval, agreement with the aggregated answer, speed, cost per correct label and flags. Paused annotators were stopped by the quality gate.</p>
    <div class="scroll"><table class="data">
      <thead><tr><th scope="col">Annotator</th><th scope="col">Status</th><th scope="col" class="num">Gold accuracy (95% interval)</th><th scope="col"><span class="visually-hidden">Interval</span></th><th scope="col" class="num">Agreement with consensus</th><th scope="col" class="num">Judgments</th><th scope="col" class="num">Median time</th><th scope="col" class="num">Cost per correct label</th><th scope="col" class="num">Flagged</th></tr></thead>
      ${m.annotators.map(
        (g) => html`<tbody>
        <tr class="group"><th scope="rowgroup" colspan="${cols}">${g.vendorName}</th></tr>
        ${g.rows.length === 0
          ? html`<tr><td colspan="${cols}" class="muted">No judgments yet.</td></tr>`
          : g.rows.map(
              (a) => html`<tr>
          <th scope="row">${stacked(a.name, a.pseudonym)}</th>
          <td>${a.status === 'paused' ? html`<span class="badge danger">paused</span>` : 'active'}</td>
          <td class="num">${goldCell(a)}</td><td>${errorBar(a.gold)}</td>
          <td class="num">${proportionCell(a.agreement)}</td>
          <td class="num">${count(a.throughput.judgments)}</td>
          <td class="num">${duration(a.throughput.medianTimeMs)}</td>
          <td class="num">${costCell(a, (c) => c.perCorrectJudgment)}</td>
          <td class="num">${flagsCell(a.flags)}</td>
        </tr>`,
            )}
      </tbody>`,
      )}
    </table></div>
  </section>`;
}

export function signalsSection(m: QualityReportModel): Html {
  const s = m.signals;
  const vendorName = new Map(m.scorecards.vendors.map((v) => [v.vendorId, v.name]));
  const nameOf = (id: string | null) => (id === null ? 'No vendor' : (vendorName.get(id) ?? 'Another vendor'));
  const sentences = signalPolicySentences(s.policy);
  return html`<section id="signals">
    <h2>Effort and fraud signals</h2>
    <p>Each annotator's flags are in the annotator table above. The thresholds in force:</p>
    <dl class="thresholds">${KINDS.map((k) => html`<dt>${SIGNAL_KIND_LABELS[k]}</dt><dd>${sentences[k]}</dd>`)}</dl>
    <div class="scroll"><table class="data compact">
      <thead><tr><th scope="col">Vendor</th><th scope="col" class="num">Flagged of annotations</th>${KINDS.map((k) => html`<th scope="col" class="num">${SIGNAL_KIND_LABELS[k]}</th>`)}</tr></thead>
      <tbody>${s.vendors.map((v) => html`<tr><th scope="row">${nameOf(v.vendorId)}</th><td class="num">${v.flagged} of ${v.n} (${percent(v.n === 0 ? null : v.flagged / v.n)})</td>${KINDS.map((k) => html`<td class="num">${v.byKind[k]}</td>`)}</tr>`)}</tbody>
    </table></div>
    ${s.flagged.length === 0
      ? html`<p class="muted">No annotation is flagged.</p>`
      : html`<h3>Flagged annotations${s.flaggedTotal > s.flagged.length ? `, the first ${s.flagged.length} of ${s.flaggedTotal}` : ''}</h3>
    ${s.flaggedTotal > s.flagged.length ? html`<p class="muted small">All of them: the console's Quality tab, or GET /api/v1/projects/${m.project.id}/quality/signals.</p>` : ''}
    <div class="scroll"><table class="data compact">
      <thead><tr><th scope="col">Submitted (UTC)</th><th scope="col">Annotator</th><th scope="col">Vendor</th><th scope="col">Item</th><th scope="col">Flags</th></tr></thead>
      <tbody>${s.flagged.map(
        (f) => html`<tr><td class="nowrap">${f.createdAt.slice(0, 16).replace('T', ' ')}</td><td>${f.annotatorName}</td><td>${nameOf(f.vendorId)}</td><td><code>${f.itemId}</code></td>
        <td>${f.flags.map((g) => html`<span class="flag"><span class="badge warn">${SIGNAL_KIND_LABELS[g.kind]}</span> ${g.detail}</span>`)}</td></tr>`,
      )}</tbody>
    </table></div>`}
  </section>`;
}

export function methodsSection(m: QualityReportModel): Html {
  return html`<section id="methods">
    <h2>Methods</h2>
    <ul>
      <li>Intervals: ${m.scorecards.intervals}.</li>
      <li>${m.scorecards.rounding}.</li>
      <li>Head-to-head, paired: ${PAIRED_METHOD.interval}; ${PAIRED_METHOD.test}; it uses ${PAIRED_METHOD.pairing}.</li>
      <li>Head-to-head, unpaired: ${INDEPENDENT_METHOD.interval}; ${INDEPENDENT_METHOD.test}.</li>
      <li>Small samples: under 30 gold judgments (scorecards) or 30 items or judgments a side (head-to-head).</li>
      <li>Agreement with consensus compares an annotator's answers to label questions on normal items with the item's aggregated answer (Dawid–Skene with gold clamped), which includes their own judgment.</li>
      <li>Throughput counts judgments per hour of active time on task; reviewers' corrections are not a vendor's judgments.</li>
    </ul>
  </section>`;
}
