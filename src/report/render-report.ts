/**
 * A project's quality report as one self-contained HTML file: inline styles, charts as inline SVG, no script, no
 * font, image or stylesheet from anywhere, and a Content-Security-Policy that forbids fetching anything, so it opens
 * offline in any browser, prints cleanly, and can be mailed or archived as the record of what a project delivered.
 */
import type { QualityReportModel } from '../services/reports/quality-report.js';
import { calibrationSection } from './calibration-section.js';
import { renderSvg } from './charts.js';
import { utc } from './format.js';
import { html, trusted, type Html } from './html.js';
import { annotatorsSection, headToHeadSection, methodsSection, signalsSection, summarySection, vendorsSection } from './sections.js';
import { accuracyOption, costBars, costOption, trendChartOption } from './vendor-charts.js';

/** Nothing may be fetched; inline styles and SVG only. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLES = `
:root { --text: #1b2230; --muted: #5b6472; --border: #d9dde3; --accent: #2a4fb8; --warn: #8a4b00; --danger: #a4262c; --bg-soft: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; }
main { max-width: 1360px; margin: 0 auto; padding: 24px 24px 64px; }
header { border-bottom: 2px solid var(--text); margin-bottom: 24px; padding-bottom: 12px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid var(--border); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
.muted { color: var(--muted); } .small { font-size: 12px; } .strong { font-weight: 600; }
nav ol { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; margin: 8px 0 0; }
a { color: var(--accent); }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; margin: 0; }
.tile { border: 1px solid var(--border); border-radius: 6px; padding: 10px 12px; background: var(--bg-soft); }
.tile dt { font-size: 13px; color: var(--muted); }
.tile dd { margin: 0; } .tile .figure { font-size: 20px; font-weight: 600; }
.scroll { overflow-x: auto; }
table.data { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
table.data th, table.data td { border-bottom: 1px solid var(--border); padding: 6px 8px; text-align: left; vertical-align: top; }
table.data thead th { font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--border); }
table.data tfoot th, table.data tfoot td { border-top: 2px solid var(--text); font-weight: 600; }
table.data .num { text-align: right; font-variant-numeric: tabular-nums; }
table.compact th, table.compact td { padding: 4px 6px; font-size: 13px; }
.badge { display: inline-block; font-size: 11px; font-weight: 600; padding: 0 6px; border-radius: 9px; background: #e6ecf9; color: var(--accent); white-space: nowrap; }
.badge.warn { background: #fbefe1; color: var(--warn); } .badge.danger { background: #f9e3e4; color: var(--danger); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px; }
figure { margin: 0; border: 1px solid var(--border); border-radius: 6px; padding: 12px; break-inside: avoid; }
figcaption .title { font-weight: 600; display: block; } figcaption { margin-bottom: 8px; }
figure svg { max-width: 100%; height: auto; }
.sentence { font-size: 15px; }
.main { display: block; } .sub { display: block; color: var(--muted); font-size: 12px; }
tr.group th { background: var(--bg-soft); font-size: 14px; padding-top: 8px; }
.nowrap { white-space: nowrap; } .flag { display: block; }
figure.wide { grid-column: 1 / -1; }
.thresholds { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; } .thresholds dt { font-weight: 600; } .thresholds dd { margin: 0; }
.h2h { break-inside: avoid; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
code { font-size: 12px; }
@media print { main { max-width: none; padding: 0; } .charts { grid-template-columns: 1fr; } a { color: inherit; } }
`;

function figure(title: string, summary: string, svg: string, notes: string[] = [], wide = false): Html {
  return html`<figure class="${wide ? 'wide' : ''}">
    <figcaption><span class="title">${title}</span><span class="muted">${summary}</span></figcaption>
    <div role="img" aria-label="${title}">${trusted(svg)}</div>
    ${notes.map((n) => html`<p class="muted small">${n}</p>`)}
  </figure>`;
}

/** The three charts, drawn to SVG on the server. */
function chartsOf(m: QualityReportModel): Html {
  const vendors = m.scorecards.vendors;
  if (vendors.length === 0) return html`<p class="muted">No vendor on this project yet.</p>`;
  const figures: Html[] = [
    figure(
      'Gold accuracy by vendor',
      "Each bar is a vendor's share of correct gold judgments; the error bar is its Wilson 95% interval.",
      renderSvg(accuracyOption(vendors), { width: 640, height: 320 }),
    ),
  ];
  const cost = costBars(vendors);
  if (cost && cost.bars.length > 0) {
    const notes = [
      ...(cost.otherCurrency.length ? [`Paid in another currency, not charted: ${cost.otherCurrency.join(', ')}.`] : []),
      ...(cost.unpaid.length ? [`No pay terms or no gold yet, not charted: ${cost.unpaid.join(', ')}.`] : []),
      ...(cost.bars.some((b) => b.upper === null) ? ['A dashed error bar has no upper bound: the accuracy interval reaches 0.'] : []),
    ];
    figures.push(
      figure(
        'Cost per correct label by vendor',
        `Cost per judgment divided by gold accuracy, in ${cost.currency}, with the 95% interval from the accuracy interval. Lower is better.`,
        renderSvg(costOption(cost), { width: 640, height: 320 }),
        notes,
      ),
    );
  }
  const trend = trendChartOption(vendors);
  if (trend) {
    figures.push(
      figure(
        'Gold accuracy by week',
        "Each line is a vendor's share of correct gold judgments in each week (Monday to Sunday, UTC), each week on its own; a gap is a week without gold.",
        renderSvg(trend, { width: 1280, height: 300 }),
        [],
        true,
      ),
    );
  }
  return html`<h3>Charts</h3><div class="charts">${figures}</div>`;
}

/** The report as a complete HTML document. */
export function renderQualityReport(m: QualityReportModel): string {
  const title = `Quality report: ${m.project.name}`;
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="generator" content="Assay" />
<title>${title}</title>
<style>${trusted(STYLES)}</style>
</head>
<body>
<main>
  <header>
    <p class="muted small">Assay quality report · generated ${utc(m.generatedAt)}</p>
    <h1>${m.project.name}</h1>
    ${m.project.description ? html`<p>${m.project.description}</p>` : ''}
    <p class="muted small">Project <code>${m.project.id}</code> · ${m.project.status} · created ${utc(m.project.createdAt)}</p>
    <nav aria-label="Sections"><ol>
      <li><a href="#summary">Summary</a></li><li><a href="#vendors">Vendors</a></li><li><a href="#head-to-head">Head-to-head</a></li>
      <li><a href="#annotators">Annotators</a></li><li><a href="#signals">Signals</a></li><li><a href="#calibration">Confidence against gold</a></li>
      <li><a href="#methods">Methods</a></li>
    </ol></nav>
  </header>
  ${summarySection(m)}
  ${vendorsSection(m, chartsOf(m))}
  ${headToHeadSection(m)}
  ${annotatorsSection(m)}
  ${signalsSection(m)}
  ${calibrationSection(m.calibration)}
  ${methodsSection(m)}
</main>
</body>
</html>
`;
  return doc.value;
}

/** A file name for the report: the project's name made safe, and the day. */
export function reportFileName(m: Pick<QualityReportModel, 'project' | 'generatedAt'>): string {
  const slug = m.project.name.normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 60) || 'project';
  return `assay-report-${slug}-${m.generatedAt.slice(0, 10)}.html`;
}
