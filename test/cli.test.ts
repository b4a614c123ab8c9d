/** The `assay` CLI as a user runs it: a real process, exit codes, messages naming file and line, no half-written output. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIALECTS } from './support/databases.js';
import { buildItems, toJsonl } from './factories.js';
import { openCliProject, type CliProject } from './support/cli-project.js';

describe.each(DIALECTS)('the assay CLI on %s', (dialect) => {
  let cli: CliProject;
  let dir: string;
  let projectId: string;
  const run = (...args: string[]) => cli.run(...args);
  const count = (table: 'items' | 'users' | 'api_tokens') => cli.count(table);

  beforeAll(async () => {
    cli = await openCliProject(dialect, 'CLI Lab');
    ({ dir, projectId } = cli);
  });
  afterAll(() => cli?.close());

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
