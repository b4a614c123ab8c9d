/** The `assay` CLI as a user runs it: a real process, exit codes, messages naming file and line, no half-written output. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, createTestDatabase, type TestDatabase } from './support/databases.js';
import { openStore, migrateToLatest } from '../src/store/db.js';
import { makeDeps } from '../src/services/deps.js';
import { systemActor } from '../src/core/permissions.js';
import { createOrganization } from '../src/services/workforce/organizations.js';
import { createProject } from '../src/services/projects/create-project.js';
import { labelSchema, buildItems, toJsonl } from './factories.js';
import { runAssay } from './support/cli-process.js';

describe.each(DIALECTS)('the assay CLI on %s', (dialect) => {
  let tdb: TestDatabase;
  let dir: string;
  let projectId: string;
  const run = (...args: string[]) => runAssay(args, { DATABASE_URL: tdb.url, ASSAY_DATA_DIR: dir, ASSAY_SECRET: 'cli-test-secret-0123456789' });
  const count = async (table: 'items' | 'users' | 'api_tokens') => {
    const store = openStore(tdb.url);
    try {
      const r = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'assay-cli-'));
    const store = openStore(tdb.url);
    await migrateToLatest(store.db);
    const deps = makeDeps(store);
    const org = await createOrganization(deps, 'CLI Lab');
    projectId = (await createProject(deps, systemActor(org.id), { name: 'cli', schema: labelSchema })).id;
    await store.close();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await tdb.drop();
  });

  it('imports a JSON Lines file into a project', async () => {
    const file = join(dir, 'items.jsonl');
    writeFileSync(file, toJsonl(buildItems(25)));
    const r = run('import', file, '--project', projectId);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`imported 25 items (0 with gold answers) into ${projectId}`);
    expect(await count('items')).toBe(25);
  });

  it('names the file and line of a bad record, exits 2 and imports nothing', async () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, toJsonl(buildItems(3, 'bad')) + '{"id":"x", "data": {"txt": "no text field"}}\n');
    const before = await count('items');
    const r = run('import', file, '--project', projectId);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^assay: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line 4: .*text`));
    expect(await count('items')).toBe(before);
  });

  it('reports a missing file and an unknown format clearly', () => {
    const missing = run('import', join(dir, 'nope.jsonl'), '--project', projectId);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const odd = join(dir, 'items.txt');
    writeFileSync(odd, 'x');
    const r = run('import', odd, '--project', projectId);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--format');
  });

  it('adds a user and creates a token that authenticates', async () => {
    const add = run('user', 'add', '--email', `cli-${dialect}@test.assay`, '--name', 'Cli', '--role', 'manager', '--password', 'long enough pw');
    expect(add.status).toBe(0);
    expect(add.stdout).toMatch(/created manager/);
    const dup = run('user', 'add', '--email', `cli-${dialect}@test.assay`, '--name', 'Cli', '--role', 'manager');
    expect(dup.status).toBe(2);
    expect(dup.stderr).toContain('already exists');
    const tok = run('token', 'create', '--user', `cli-${dialect}@test.assay`, '--name', 'ci');
    expect(tok.status).toBe(0);
    expect(tok.stdout.trim()).toMatch(/^assay_[A-Za-z0-9_-]{40,}$/);
    expect(await count('api_tokens')).toBe(1);
    const bad = run('user', 'add', '--email', 'x@test.assay', '--name', 'X', '--role', 'wizard');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--role must be one of');
  });

  it('exports to a file atomically, and writes no file on error', () => {
    const out = join(dir, 'out.jsonl');
    const r = run('export', '--project', projectId, '--format', 'jsonl', '--out', out);
    expect(r.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe('');
    const csvOut = join(dir, 'out.csv');
    expect(run('export', '--project', projectId, '--format', 'csv', '--out', csvOut).status).toBe(0);
    expect(readFileSync(csvOut, 'utf8').split('\n')[0]).toContain('annotation_id,item_id');
    const missing = join(dir, 'never.jsonl');
    const bad = run('export', '--project', 'prj_nope', '--out', missing);
    expect(bad.status).toBe(2);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(`${missing}.partial`)).toBe(false);
  });

  it('migrates idempotently', () => {
    const r = run('migrate');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('already up to date');
  });
});
