/**
 * The annotator's browser downloads neither the manager console nor the charts: each area is its own chunk, and
 * what an annotator loads is the entry plus the annotate routes. (Sizes are measured by `npm run bench -- web`.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaBundle, readManifest, staticClosure, AREAS } from '../scripts/web-bundle.js';
import { webDist } from './support/run-builds.js';

// This run's build (web/dist when the run was started without builds).
const DIST = `${webDist()}/`;

describe('web app code splitting (built by the test setup)', () => {
  const manifest = readManifest(DIST);

  it('keeps manager and admin modules out of the annotator route', () => {
    const annotator = areaBundle(DIST, manifest, 'annotator');
    const manager = areaBundle(DIST, manifest, 'manager');
    const managerOnly = manager.files.filter((f) => !annotator.files.includes(f));
    expect(managerOnly.length).toBeGreaterThan(0);
    for (const key of staticClosure(manifest, [...AREAS.manager, ...AREAS.admin])) {
      if (AREAS.manager.includes(key as never) || AREAS.admin.includes(key as never)) {
        expect(annotator.files, key).not.toContain(manifest[key]!.file);
      }
    }
  });

  it('loads no chart library on the annotator route', () => {
    // The marker is real: the manager's chart chunk carries it.
    const all = Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js'));
    expect(all.some((f) => readFileSync(join(DIST, f), 'utf8').includes('echarts'))).toBe(true);
    const annotator = areaBundle(DIST, manifest, 'annotator');
    for (const f of annotator.files.filter((x) => x.endsWith('.js'))) {
      const code = readFileSync(join(DIST, f), 'utf8');
      // ECharts registers its renderers under these names; none may be in an annotator chunk.
      expect(code.includes('echarts'), f).toBe(false);
    }
  });
});
