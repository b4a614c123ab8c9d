/**
 * What each area of the web app makes a browser download, from the Vite manifest (web/dist/.vite/manifest.json):
 * the entry chunk with its static imports, plus the lazily loaded route modules of the area with theirs. Chunks a
 * route module loads later with `import()` are not counted. Sizes are gzipped (level 9, like a CDN would serve).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The route modules of each area, as in web/src/app/routes.tsx. */
export const AREAS = {
  annotator: ['src/features/annotate/AnnotatorHome.tsx', 'src/features/annotate/Workspace.tsx'],
  manager: [
    'src/features/manage/ProjectsPage.tsx',
    'src/features/manage/NewProjectPage.tsx',
    'src/features/manage/ProjectPage.tsx',
    'src/features/qualifications/manage/QualificationsPage.tsx',
    'src/features/qualifications/manage/NewQualificationPage.tsx',
    'src/features/qualifications/manage/QualificationPage.tsx',
  ],
  admin: ['src/features/admin/AdminPage.tsx'],
} as const;
export type Area = keyof typeof AREAS;

export function readManifest(distDir: string): Manifest {
  return JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** Manifest keys of the chunks statically reachable from `roots` (JS files only; CSS listed separately). */
export function staticClosure(manifest: Manifest, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the Vite manifest: was web/src/app/routes.tsx changed?`);
    seen.add(key);
    for (const k of chunk.imports ?? []) visit(k);
  };
  roots.forEach(visit);
  return seen;
}

export function entryKey(manifest: Manifest): string {
  const key = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!key) throw new Error('no entry chunk in the Vite manifest');
  return key;
}

export interface AreaBundle {
  area: Area | 'entry';
  /** Output files (JS and CSS) a first visit to the area downloads. */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

export function areaBundle(distDir: string, manifest: Manifest, area: Area | 'entry'): AreaBundle {
  const roots = area === 'entry' ? [entryKey(manifest)] : [entryKey(manifest), ...AREAS[area]];
  const files = new Set<string>();
  for (const key of staticClosure(manifest, roots)) {
    const chunk = manifest[key]!;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const bytes = readFileSync(join(distDir, f));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { area, files: [...files].sort(), rawBytes, gzipBytes };
}
