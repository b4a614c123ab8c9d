/** `assay import` as a user runs it: every error listed under the first, a dry run that writes nothing, a template that imports. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIALECTS } from './support/databases.js';
import { openCliProject, type CliProject } from './support/cli-project.js';

describe.each(DIALECTS)('assay import on %s', (dialect) => {
  let cli: CliProject;
  let dir: string;
  let projectId: string;
  const run = (...args: string[]) => cli.run(...args);
  const countItems = () => cli.count('items');

  beforeAll(async () => {
    cli = await openCliProject(dialect, 'CLI Import Lab');
    ({ dir, projectId } = cli);
  });
  afterAll(() => cli?.close());

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
