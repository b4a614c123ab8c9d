/**
 * The layering rules (.dependency-cruiser.cjs) bite: a small tree with one forbidden arrow of each kind is cruised
 * with the repository's own rules, and each arrow is reported under its rule, while the same tree with only allowed
 * arrows passes. `npm run lint:deps` applies the same rules to the real tree.
 */
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

const CONFIG = resolve('.dependency-cruiser.cjs');

/** Files of an allowed tree: each part imports only what ALLOWED lets it. */
const ALLOWED_TREE: Record<string, string> = {
  'src/core/words.ts': `export const WORDS = ['a'] as const;\n`,
  'src/quality/score.ts': `import { WORDS } from '../core/words.js';\nexport const score = () => WORDS.length;\n`,
  'src/store/rows.ts': `import { WORDS } from '../core/words.js';\nexport const rows = () => [...WORDS];\n`,
  'src/store/db.ts': `export const openStore = () => ({});\n`,
  'src/threads/run.ts': `import { score } from '../quality/score.js';\nexport const run = () => score();\n`,
  'src/services/use-case.ts':
    `import { rows } from '../store/rows.js';\nimport { run } from '../threads/run.js';\nimport type { WORDS } from '../core/words.js';\n` +
    `export const useCase = (): typeof WORDS | number => rows().length + run();\n`,
  'src/jobs/runner.ts': `import { useCase } from '../services/use-case.js';\nexport const job = () => useCase();\n`,
  'src/api/routes.ts': `import { useCase } from '../services/use-case.js';\nexport const route = () => useCase();\n`,
  'src/api/app.ts':
    `import { route } from './routes.js';\nimport { openStore } from '../store/db.js';\nimport { job } from '../jobs/runner.js';\n` +
    `export const app = () => [route(), openStore(), job()];\n`,
  'src/cli/main.ts': `import { useCase } from '../services/use-case.js';\nuseCase();\n`,
};

/** One forbidden arrow per rule, each added to the allowed tree alone; the rule that must report it. */
const FORBIDDEN: [rule: string, file: string, source: string][] = [
  ['layer-core', 'src/core/bad.ts', `import { rows } from '../store/rows.js';\nexport const bad = () => rows();\n`],
  ['layer-core', 'src/core/bad-type.ts', `import type { rows } from '../store/rows.js';\nexport type Bad = typeof rows;\n`],
  ['layer-quality', 'src/quality/bad.ts', `import { useCase } from '../services/use-case.js';\nexport const bad = () => useCase();\n`],
  ['layer-threads', 'src/threads/bad.ts', `import { useCase } from '../services/use-case.js';\nexport const bad = () => useCase();\n`],
  ['layer-services', 'src/services/bad.ts', `import { job } from '../jobs/runner.js';\nexport const bad = () => job();\n`],
  ['layer-api', 'src/api/bad.ts', `import { rows } from '../store/rows.js';\nexport const bad = () => rows();\n`],
  ['layer-jobs', 'src/jobs/bad.ts', `import { rows } from '../store/rows.js';\nexport const bad = () => rows();\n`],
  ['layer-composition-root', 'src/api/app.ts', `import { rows } from '../store/rows.js';\n${ALLOWED_TREE['src/api/app.ts']}export const more = () => rows();\n`],
  ['pure-core-and-quality', 'src/quality/bad.ts', `import { readFileSync } from 'node:fs';\nexport const bad = () => readFileSync('x');\n`],
  ['no-circular', 'src/services/use-case.ts', `import { other } from './other.js';\nexport const useCase = () => other();\n`],
  ['not-to-unresolvable', 'src/services/bad.ts', `import { nothing } from './nowhere.js';\nexport const bad = () => nothing;\n`],
  ['no-orphans', 'src/services/lonely.ts', `export const lonely = 1;\n`],
  ['every-module-in-a-part', 'src/webhooks/send.ts', `import { rows } from '../store/rows.js';\nexport const send = () => rows();\n`],
];
/** The other half of the circle in FORBIDDEN. */
const CIRCLE_PARTNER = { 'src/services/other.ts': `import { useCase } from './use-case.js';\nexport const other = (): number => useCase();\n` };

let base: string;
let options: ICruiseOptions;

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src', 'web/src'] }));
}

async function violationsOf(files: Record<string, string>): Promise<{ rule: string; from: string; to: string }[]> {
  const dir = mkdtempSync(join(base, 'tree-'));
  writeTree(dir, files);
  const roots = ['src', 'web'].filter((d) => existsSync(join(dir, d)));
  const result = await cruise(roots, { ...options, baseDir: dir, tsConfig: { fileName: 'tsconfig.json' } }, {}, {});
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

describe('the layering rules', () => {
  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'assay-layering-'));
    options = await extractDepcruiseOptions(CONFIG);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('pass a tree whose arrows are all allowed', async () => {
    expect(await violationsOf(ALLOWED_TREE)).toEqual([]);
  });

  it.each(FORBIDDEN)('report %s for a forbidden arrow from %s', async (rule, file, source) => {
    const files = { ...ALLOWED_TREE, [file]: source, ...(rule === 'no-circular' ? CIRCLE_PARTNER : {}) };
    const found = await violationsOf(files);
    expect(found.map((v) => v.rule)).toContain(rule);
    expect(found.every((v) => v.from === file || (rule === 'no-circular' && v.from in CIRCLE_PARTNER))).toBe(true);
  });

  it('let the web app import pure core modules only', async () => {
    const found = await violationsOf({
      ...ALLOWED_TREE,
      'src/core/ids.ts': `import { randomBytes } from 'node:crypto';\nexport const newId = () => randomBytes(8).toString('hex');\n`,
      'web/src/app.ts': `import { WORDS } from '../../src/core/words.js';\nimport { newId } from '../../src/core/ids.js';\nimport { rows } from '../../src/store/rows.js';\nexport const x = [WORDS, newId(), rows()];\n`,
    });
    expect(found.filter((v) => v.from === 'web/src/app.ts').map((v) => `${v.rule} ${v.to}`).sort()).toEqual([
      'web-uses-pure-core-only src/store/rows.ts',
      'web-uses-pure-core-only-modules src/core/ids.ts',
    ]);
  });
});
