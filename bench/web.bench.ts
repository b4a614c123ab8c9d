/**
 * Web app figures (`npm run bench -- web`): the production bundle each area downloads on a first visit, gzipped,
 * against the framework floor (the entry chunk alone: React, the router, TanStack Query, the API client), and the
 * annotator's wait from submit to the next task being visible, measured in Debian's Chromium over 100 tasks
 * against a real `assay serve` (see bench/support/submit-to-next.ts).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { areaBundle, readManifest, type Area } from '../scripts/web-bundle.js';

const DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));
const GOAL_ANNOTATOR_KB = 250;

await build({ configFile: fileURLToPath(new URL('../web/vite.config.ts', import.meta.url)), logLevel: 'warn' });
const manifest = readManifest(DIST);
const floor = areaBundle(DIST, manifest, 'entry');
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
console.log(`floor (entry chunk: react, router, query, client): ${kb(floor.gzipBytes)} gzipped, ${kb(floor.rawBytes)} raw`);
for (const area of ['annotator', 'manager', 'admin'] as Area[]) {
  const b = areaBundle(DIST, manifest, area);
  console.log(
    `${area.padEnd(10)} ${kb(b.gzipBytes).padStart(9)} gzipped  ${kb(b.rawBytes).padStart(9)} raw  ${(b.gzipBytes / floor.gzipBytes).toFixed(2)}× floor  (${b.files.length} files)`,
  );
}
const annotator = areaBundle(DIST, manifest, 'annotator');
console.log(`\nheadline: annotator route ${kb(annotator.gzipBytes)} gzipped (goal < ${GOAL_ANNOTATOR_KB} KB)`);

const { measureSubmitToNext } = await import('./support/submit-to-next.js');
const latency = await measureSubmitToNext(100);
const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`\nsubmit → next task visible, ${latency.tasks} tasks in Chromium: p50 ${ms(latency.ui.p50)}, p95 ${ms(latency.ui.p95)}, max ${ms(latency.ui.max)}`);
console.log(`baseline (the same submit?next=true by fetch from the page): p50 ${ms(latency.api.p50)}, p95 ${ms(latency.api.p95)}; UI p95 = ${(latency.ui.p95 / latency.api.p95).toFixed(2)}× baseline p95`);
console.log(`headline: submit → next visible p95 ${ms(latency.ui.p95)} (goal < 100 ms)`);
