/**
 * The quality report through the real API and the real CLI on both dialects: four vendors of known quality and
 * price label a project through the API (one of them rushing, so the signals fire); the report is one HTML document
 * that fetches nothing, shows every vendor's figures as the simulation tallied them (gold k of n, cost per correct
 * label to the cent by hand), the head-to-heads, the annotators, three server-rendered SVG charts and the flags,
 * escapes what users typed, and is refused to everyone but managers and admins. `assay report` writes the same.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildWorld, type World } from './factories.js';
import { createRng } from '../src/quality/random.js';
import { formatMinor } from '../src/core/figures/words.js';
import { createSimProject, createVendors, simSchema, handCost, labelThroughApi, type SimVendor, type SimVendorSpec, type Tally } from './support/vendor-simulation.js';
import type { TestDatabase } from './support/databases.js';
import type { Store } from '../src/store/db.js';
import { runAssay } from './support/cli-process.js';

const SPECS: SimVendorSpec[] = [
  { name: 'Crowd & Co <b>', kind: 'crowd', accuracy: 0.7, terms: { payModel: 'per_task', payRateMinor: 5, currency: 'USD' }, seconds: 20, annotators: 2 },
  { name: 'Experts', kind: 'expert_network', accuracy: 0.92, terms: { payModel: 'per_hour', payRateMinor: 6000, currency: 'USD' }, seconds: 45, annotators: 2 },
  { name: 'Mixed', kind: 'crowd', accuracy: 0.85, terms: { payModel: 'per_task', payRateMinor: 30, currency: 'USD' }, seconds: 30, annotators: 1 },
  { name: 'Rushers <img src=x onerror=alert(1)>', kind: 'crowd', accuracy: 0.5, terms: { payModel: 'per_task', payRateMinor: 2, currency: 'USD' }, seconds: 1.5, annotators: 1 },
];

const usd = (minor: number) => formatMinor(minor, 'USD', 'en-US');
/** Asserts a substring without printing a whole report on failure. */
function expectHas(text: string, part: string) {
  expect(text.includes(part), `missing: ${part}`).toBe(true);
}
function expectLacks(text: string, part: string) {
  expect(text.includes(part), `present: ${part}`).toBe(false);
}
const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe.each(DIALECTS)('the quality report on %s', (dialect) => {
  let store: Store;
  let db: TestDatabase;
  let close: () => Promise<void>;
  let w: World;
  let vendors: SimVendor[];
  let projectId: string;
  let tallies: Map<string, Tally>;
  let clock = Date.parse('2026-11-23T09:00:00.000Z');

  beforeAll(async () => {
    ({ store, db, close } = await createTestStore(dialect));
    const serverRng = createRng(20261206);
    w = await buildWorld(store, { annotators: 0, deps: { now: () => new Date(clock), random: () => serverRng.next() } });
    vendors = await createVendors(w, SPECS);
    const p = await createSimProject(w, vendors, { gold: 40, normal: 30, goldRate: 0.6, seed: 3, name: 'Report <script>alert("x")</script>' });
    projectId = p.projectId;
    // Two days every 40 submits, so the work spans several weeks for the trend.
    let submits = 0;
    tallies = await labelThroughApi(p, vendors, 3, () => {
      clock += ++submits % 40 === 0 ? 2 * 86_400_000 : 30_000;
    });
  }, 240_000);
  afterAll(async () => {
    await w?.app.close();
    await close?.();
  });

  const getReport = (query = '') => w.manager.get(`/api/v1/projects/${projectId}/report${query}`);

  it('is one HTML document that fetches nothing: no script, no external reference, a CSP that forbids fetching', async () => {
    const res = await getReport();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="assay-report-report-script-alert-x-script-2026-\d\d-\d\d\.html"$/);
    const html = res.body;
    mkdirSync('test-results', { recursive: true });
    writeFileSync(`test-results/report-${dialect}.html`, html); // to look at
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expectHas(html, `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`);
    expect(html).not.toMatch(/<script/i);
    // Text cannot hold a raw "<" (it is escaped), so every "<" opens a real tag.
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|form)\b/i);
    expect(html).not.toMatch(/<[^>]*\s(src|srcset|action|background)\s*=/i);
    expect(html).not.toMatch(/url\((?!#)/i); // ECharts clips with url(#id): a reference within the page
    // Links only within the page; the only absolute URIs are SVG's XML namespaces, which are names, not fetches.
    for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^#/);
    for (const m of html.matchAll(/https?:\/\/[^\s"'<>]+/g)) expect(m[0]).toMatch(/^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink)$/);
    const inline = await getReport('?disposition=inline');
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
  });

  it('escapes what users typed: project and vendor names never become markup', async () => {
    const html = (await getReport()).body;
    expectHas(html, `<h1>${escaped('Report <script>alert("x")</script>').replace(/"/g, '&quot;')}</h1>`);
    expectHas(html, escaped('Rushers <img src=x onerror=alert(1)>'));
    expectLacks(html, '<img');
    expectLacks(html, 'Crowd & Co <b>');
  });

  it("shows each vendor's gold record as tallied and its exact cost per correct label, rounded only when written", async () => {
    const html = (await getReport()).body;
    const vendorsSection = html.slice(html.indexOf('<section id="vendors">'), html.indexOf('<section id="head-to-head">'));
    for (const v of vendors) {
      const t = tallies.get(v.vendorId)!;
      expect(t.goldN).toBeGreaterThan(0);
      const row = vendorsSection.slice(vendorsSection.indexOf(`<th scope="row">${escaped(v.name).replace(/"/g, '&quot;')}`));
      const cells = row.slice(0, row.indexOf('</tr>'));
      expectHas(cells, `${t.goldCorrect} of ${t.goldN}`);
      const cost = handCost(v.terms, t);
      // Cost per judgment, and per correct label over its interval.
      expectHas(cells, `<td class="num">${usd(cost.perJudgment)}</td>`);
      expectHas(cells, `<td class="num strong"><span class="main">${usd(cost.perCorrect)}</span><span class="sub">`);
    }
    // The overall row: every vendor's judgments and gold.
    const totalGold = [...tallies.values()].reduce((s, t) => s + t.goldN, 0);
    const totalCorrect = [...tallies.values()].reduce((s, t) => s + t.goldCorrect, 0);
    expect(vendorsSection.slice(vendorsSection.indexOf('<tfoot>'))).toContain(`${totalCorrect} of ${totalGold}`);
  });

  it('draws four charts as inline SVG: accuracy with error bars, cost per correct label, the weekly trend, confidence against gold', async () => {
    const html = (await getReport()).body;
    const svgs = [...html.matchAll(/<svg width="(\d+)" height="(\d+)"[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*?<\/svg>/g)];
    expect(svgs).toHaveLength(4);
    const [accuracy, cost, trend, calibration] = svgs.map((m) => m[0]) as [string, string, string, string];
    // Confidence against gold: the figures the API gives (one computation), with the basis in words.
    const cal = (await w.manager.get(`/api/v1/projects/${projectId}/quality/calibration`)).json() as { n: number; ece: number; basis: { kind: string; nGold: number } };
    expect(cal.n).toBeGreaterThan(0);
    expectHas(html, `Expected calibration error over ${cal.n} gold items: <strong>${cal.ece.toFixed(3)}</strong>`);
    expectHas(html, cal.basis.kind === 'calibrated' ? `calibrated on ${cal.basis.nGold} gold items` : 'model-based, not calibrated');
    expectHas(calibration, 'Mean confidence');
    // Accuracy: under each vendor's name its rate and n ("72% · n 81").
    for (const v of vendors) {
      const t = tallies.get(v.vendorId)!;
      expectHas(accuracy, `>${Math.round((t.goldCorrect / t.goldN) * 100)}% · n ${t.goldN}</`);
    }
    expectHas(cost, usd(handCost(vendors[1]!.terms, tallies.get(vendors[1]!.vendorId)!).perCorrect));
    // The trend's legend names every vendor (long names cut short), escaped inside the SVG too.
    for (const v of vendors) expectHas(trend, escaped(v.name.slice(0, 10)));
    expectLacks(trend, '<img');
    expectHas(html, 'Gold accuracy by week');
  });

  it('states every head-to-head in a sentence with its test, and the rushing vendor is flagged too fast', async () => {
    const html = (await getReport()).body;
    const h2h = (await w.manager.get(`/api/v1/projects/${projectId}/vendors/head-to-head?a=${vendors[0]!.vendorId}&b=${vendors[1]!.vendorId}`)).json();
    const pairs = html.match(/<article class="h2h">/g) ?? [];
    expect(pairs).toHaveLength(6); // four vendors with gold: 4 choose 2
    const crowd = escaped(vendors[0]!.name);
    expect(html.includes(`<h3>${crowd} against Experts</h3>`) || html.includes(`<h3>Experts against ${crowd}</h3>`)).toBe(true);
    // The report states the pair in its own order (either vendor first); the figures are the API's either way. (Which
    // gold items each vendor reached varies with the order concurrent claims land in, so the two counts may differ.)
    const { items, judgmentsA, judgmentsB } = h2h.paired as { items: number; judgmentsA: number; judgmentsB: number };
    const forward = `on the ${items} gold items both labeled, from ${judgmentsA} judgments by ${crowd} and ${judgmentsB} by Experts`;
    const backward = `on the ${items} gold items both labeled, from ${judgmentsB} judgments by Experts and ${judgmentsA} by ${crowd}`;
    expect(html.includes(forward) || html.includes(backward), `missing: ${forward}, in either order`).toBe(true);
    expect(html).toMatch(/paired bootstrap-t test p (&lt;|=) /);

    const signals = html.slice(html.indexOf('<section id="signals">'));
    expectHas(signals, 'Too fast');
    const rushers = vendors[3]!;
    const flagged = (await w.manager.get(`/api/v1/projects/${projectId}/quality/signals?kind=too_fast&limit=500`)).json();
    const ofRushers = flagged.vendors.find((v: { vendorId: string }) => v.vendorId === rushers.vendorId);
    expect(ofRushers.byKind.too_fast).toBeGreaterThan(0);
    expectHas(signals, `${ofRushers.flagged} of ${ofRushers.n}`);
    const annotators = html.slice(html.indexOf('<section id="annotators">'), html.indexOf('<section id="signals">'));
    for (const v of vendors) for (const c of v.people) expectHas(annotators, escaped(c.user.name));
  });

  it('renders a project with no work yet, saying so where figures and charts would be', async () => {
    const res = await w.manager.post('/api/v1/projects', { name: 'Fresh', schema: simSchema });
    expect(res.statusCode, res.body).toBe(201);
    const html = (await w.manager.get(`/api/v1/projects/${res.json().id}/report`)).body;
    expectHas(html, 'No vendor on this project yet.');
    expectHas(html, 'Fewer than two vendors have gold judgments, so there is nothing to compare yet.');
    expectHas(html, 'No annotation is flagged.');
    expectHas(html, 'no gold judgments yet');
    expectLacks(html, '<svg width=');
  });

  it('is refused to reviewers, annotators and vendor managers, and not found from another organization', async () => {
    const vm = await w.addUser('vendor_manager', vendors[0]!.vendorId);
    for (const c of [w.reviewer, vendors[0]!.people[0]!, vm]) {
      const res = await c.get(`/api/v1/projects/${projectId}/report`);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const other = await buildWorld(store, { annotators: 0 });
    const res = await other.manager.get(`/api/v1/projects/${projectId}/report`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual((await other.manager.get('/api/v1/projects/nonexistent0000/report')).json());
    await other.app.close();
  });

  it('is written by `assay report --out`, whole, and a bad project id exits 2 naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-report-'));
    try {
      const run = (...args: string[]) =>
        runAssay(['report', ...args], { DATABASE_URL: db.url, ASSAY_DATA_DIR: dir, ASSAY_SECRET: 'cli-test-secret-0123456789' });
      const out = join(dir, 'report.html');
      const r = run('--project', projectId, '--out', out);
      expect(r.stderr).toContain(`wrote the quality report of ${projectId} to ${out}`);
      expect(r.status).toBe(0);
      const file = readFileSync(out, 'utf8');
      expect(file.startsWith('<!doctype html>')).toBe(true);
      expect(file.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3);
      expect(existsSync(`${out}.partial`)).toBe(false);
      const bad = run('--project', 'nonexistent0000', '--out', join(dir, 'nope.html'));
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('no project nonexistent0000');
      expect(existsSync(join(dir, 'nope.html'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
