/**
 * The annotator's wait from submit to the next task on screen, in Debian's Chromium against a real `assay serve`.
 * A project with one label question is labelled task after task with the keyboard (`1`, then Ctrl+Enter); the page
 * records when the Ctrl+Enter keydown happened and when the workspace shows a different assignment ready to answer
 * (`data-assignment` / `data-ready` on `.ws`, watched by a MutationObserver). The baseline, measured in the same
 * page and run, is the bare API round trip the app makes for it: `POST /tasks/:id/submit?next=true` by `fetch`.
 */
import { startJourney } from '../../test/support/journey.js';
import { percentile } from './load.js';

/** What the in-page script below keeps on `window` (this file compiles without DOM types). */
declare const window: { __assay: { keyAt: number; shownAt: number; shown: string } };

export interface LatencyFigures {
  tasks: number;
  ui: { p50: number; p95: number; max: number };
  api: { p50: number; p95: number };
}

export async function measureSubmitToNext(tasks = 100): Promise<LatencyFigures> {
  // The annotator's browser session is signed in from the start; the manager makes a project of tasks + 40 items
  // through the API (the baseline's API calls use the extra ones).
  const journey = await startJourney({ name: 'submit-to-next', as: 'annotator1@demo.assay' });
  try {
    const { server, session, page } = journey;
    const { cookie } = await journey.apiAs('manager@demo.assay');
    /** As the manager, with the body as given (the items go up as JSON Lines). */
    const asManager = async (method: string, path: string, body: string, type = 'application/json') => {
      const res = await fetch(`${server.url}${path}`, { method, headers: { cookie, 'content-type': type }, body });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<{ id: string }>;
    };
    const schema = { questions: [{ id: 'topic', type: 'label', prompt: 'Topic?', field: 'text', options: ['news', 'sport', 'tech'].map((v) => ({ value: v, label: v })) }] };
    const project = await asManager('POST', '/api/v1/projects', JSON.stringify({ name: 'Latency', schema, overlapK: 1, guidelines: '# Pick the topic' }));
    const items = Array.from({ length: tasks + 40 }, (_, i) => JSON.stringify({ id: `t${i}`, text: `Item ${i}: a short text about something.` })).join('\n');
    await asManager('POST', `/api/v1/projects/${project.id}/items`, items, 'application/x-ndjson');

    await page.goto(`/annotate/${project.id}`);
    await page.waitForSelector('.ws[data-ready]');
    // As source text: tsx would wrap named functions in a helper that does not exist in the page.
    await page.evaluate(`(() => {
      window.__assay = { keyAt: 0, shownAt: 0, shown: '' };
      window.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && e.ctrlKey) window.__assay.keyAt = performance.now();
      }, true);
      const watch = () => {
        const ws = document.querySelector('.ws');
        const id = ws ? ws.getAttribute('data-assignment') || '' : '';
        if (ws && ws.hasAttribute('data-ready') && id !== window.__assay.shown) {
          window.__assay.shown = id;
          window.__assay.shownAt = performance.now();
        }
      };
      new MutationObserver(watch).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-assignment', 'data-ready'] });
      watch();
    })()`);

    const ui: number[] = [];
    for (let i = 0; i < tasks; i++) {
      const before = await page.evaluate(() => window.__assay.shown);
      await page.keyboard.press('1');
      await page.keyboard.press('Control+Enter');
      await page.waitForFunction((prev) => window.__assay.shown !== prev && window.__assay.shownAt > window.__assay.keyAt, before, { polling: 'raf' });
      ui.push(await page.evaluate(() => window.__assay.shownAt - window.__assay.keyAt));
    }

    // Baseline: the same round trip from the same page with fetch, no rendering (the rest of the items).
    const api = (await page.evaluate(`(async () => {
      const out = [];
      const post = (url, body, key) => fetch(url, { method: 'POST', headers: Object.assign({ 'content-type': 'application/json' }, key ? { 'idempotency-key': key } : {}), body: body === undefined ? undefined : JSON.stringify(body) });
      let id = (await (await post('/api/v1/projects/${project.id}/tasks/next')).json()).assignmentId;
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        const res = await (await post('/api/v1/tasks/' + id + '/submit?next=true', { answers: { topic: 'news' }, timeSpentMs: 1000 }, 'bench-' + id)).json();
        out.push(performance.now() - t0);
        if (!res.next) break;
        id = res.next.assignmentId;
      }
      return out;
    })()`)) as number[];

    if (session.outside.length > 0) throw new Error(`the page reached outside the server: ${session.outside.join(', ')}`);
    const sortedUi = [...ui].sort((a, b) => a - b);
    const sortedApi = [...api].sort((a, b) => a - b);
    return {
      tasks: ui.length,
      ui: { p50: percentile(sortedUi, 50), p95: percentile(sortedUi, 95), max: sortedUi[sortedUi.length - 1]! },
      api: { p50: percentile(sortedApi, 50), p95: percentile(sortedApi, 95) },
    };
  } finally {
    await journey.close();
  }
}
