import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'assay-cli-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The module URLs `assay ...args` resolves, recorded by a resolve hook in the child process. */
function modulesLoadedBy(...args: string[]): string[] {
  const log = join(dir, `${args.join('-').replace(/\W/g, '')}.log`);
  const hook = join(dir, 'hook.mjs');
  writeFileSync(
    hook,
    "import { appendFileSync } from 'node:fs';\n" +
      'export async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(process.env.MODULE_LOG, r.url + "\\n"); return r; }\n',
  );
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', register, 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, MODULE_LOG: log },
  });
  expect(r.status).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe('assay start-up', () => {
  it('lists every command with --help without loading the server, the store, the charts or any service', () => {
    const loaded = modulesLoadedBy('--help');
    expect(loaded.some((u) => u.includes('/src/cli/usage/aggregate.'))).toBe(true);
    const heavy = loaded.filter((u) => /node_modules\/(fastify|@fastify|echarts|kysely|better-sqlite3|pg)\/|\/src\/(services|api|store|report)\//.test(u));
    expect(heavy).toEqual([]);
  }, 60_000);
});
