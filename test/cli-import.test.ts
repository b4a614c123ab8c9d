/** `assay import` as a user runs it: every error listed under the first, a dry run that writes nothing, a template that imports. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, createTestDatabase, type TestDatabase } from './support/databases.js';
import { openStore, migrateToLatest } from '../src/store/db.js';
import { makeDeps } from '../src/services/deps.js';
import { systemActor } from '../src/core/permissions.js';
import { createOrganization } from '../src/services/workforce/organizations.js';
import { createProject } from '../src/services/projects/create-project.js';
import { labelSchema } from './factories.js';
import { runAssay } from './support/cli-process.js';

describe.each(DIALECTS)('assay import on %s', (dialect) => {
  let tdb: TestDatabase;
  let dir: string;
  let projectId: string;
  const run = (...args: string[]) => runAssay(args, { DATABASE_URL: tdb.url, ASSAY_DATA_DIR: dir, ASSAY_SECRET: 'cli-test-secret-0123456789' });
  const countItems = async () => {
    const store = openStore(tdb.url);
    try {
      return Number((await store.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'assay-cli-import-'));
    const store = openStore(tdb.url);
    await migrateToLatest(store.db);
    const deps = makeDeps(store);
    const org = await createOrganization(deps, 'CLI Import Lab');
    projectId = (await createProject(deps, systemActor(org.id), { name: 'cli import', schema: labelSchema })).id;
    await store.close();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await tdb.drop();
  });

  const bad = ['{"id": "a", "text": "one"}', '{"id": "b", "text": "two"}', '{"id": "c", "text": ', '{"id": "d", "text": "four"}', '{"id": "e", "txt": "no text"}'].join('\n');

  it('lists every error under the first, exits 2 and imports nothing', async () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, bad);
    const r = run('import', file, '--project', projectId);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^assay: .*bad\.jsonl: line 3, column 21: not valid JSON: .* \(2 errors\); nothing was imported$/);
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^ {2}line 3, column 21: not valid JSON/), expect.stringMatching(/^ {2}line 5: .*"text".* \(field data\.text\)$/)]);
    expect(await countItems()).toBe(0);
  });

  it('checks a file with --dry-run and writes nothing, whether it is clean or not', async () => {
    const file = join(dir, 'dry.jsonl');
    writeFileSync(file, bad);
    const r = run('import', file, '--project', projectId, '--dry-run');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^assay: .*dry\.jsonl: 2 errors; nothing was written \(3 items pass every check\)\n {2}line 3, column 21: /);
    writeFileSync(file, '{"id": "a", "text": "one"}\n{"id": "b", "text": "two"}\n');
    const ok = run('import', file, '--project', projectId, '--dry-run');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('is ready: importing it adds 2 items (0 with gold answers)');
    expect(await countItems()).toBe(0);
  });

  it('writes a template with --template that then imports as it is', async () => {
    const file = join(dir, 'template.csv');
    const t = run('import', file, '--project', projectId, '--template');
    expect(t.status, t.stderr).toBe(0);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('id,priority,text,source,gold:json,gold_explanation');
    const stdout = run('import', '--project', projectId, '--template', '--format', 'jsonl');
    expect(stdout.stdout.trim().split('\n')).toHaveLength(2);
    const r = run('import', file, '--project', projectId);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('imported 2 items (1 with gold answers)');
    expect(await countItems()).toBe(2);
  });

  it('checks a gold file with --gold --dry-run, every error listed, and imports nothing', () => {
    const file = join(dir, 'gold.jsonl');
    writeFileSync(file, ['{"id": "nope", "answers": {"sentiment": "pos"}}', '{"id": "x", "answers": '].join('\n'));
    const r = run('import', file, '--project', projectId, '--gold', '--dry-run');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^assay: .*gold\.jsonl: 2 errors; nothing was written \(0 gold answers pass every check\)\n {2}line 1: the project has no item "nope".*\n {2}line 2, column \d+: not valid JSON/);
    const real = run('import', file, '--project', projectId, '--gold');
    expect(real.status).toBe(2);
    expect(real.stderr).toMatch(/\(2 errors\); nothing was imported \(field id\)\n {2}line 1: .*\n {2}line 2, column \d+: not valid JSON/);
  });
});
