import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../io/cli-io.js';
import { registerAgreementCommand } from '../usage/agreement.js';
import { runAgreement } from './agreement.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-agreement-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, out: () => out, err: () => err };
}

// Krippendorff (2011)'s 4 observers × 12 units example as task,worker,label rows (see krippendorff.test.ts).
const MATRIX = ['1 2 3 3 2 1 4 1 2 . . .', '1 2 3 3 2 2 4 1 2 5 . 3', '. 3 3 3 2 3 4 2 2 5 1 .', '1 2 3 3 2 4 4 1 2 5 1 .'];
const csv = ['task,worker,label'];
MATRIX.forEach((row, c) => row.split(' ').forEach((v, u) => v !== '.' && csv.push(`u${u + 1},${'ABCD'[c]},${v}`)));
const example = join(dir, 'k2011.csv');
writeFileSync(example, csv.join('\n') + '\n');

describe('assay agreement', () => {
  it.each([
    ['nominal', '0.743'],
    ['ordinal', '0.815'],
    ['interval', '0.849'],
    ['ratio', '0.797'],
  ])('prints alpha at the %s level with its interval and sample sizes', async (level, alpha) => {
    const io = capture();
    expect(await runAgreement(example, { level, replicates: 200, seed: 1 }, io)).toBe(0);
    expect(io.out()).toContain(`Krippendorff's alpha (${level}) ${alpha}, 95% bootstrap interval`);
    expect(io.out()).toContain('11 units with 2+ judgments, 40 pairable values');
  });

  it('rejects non-numeric labels at the interval level, naming the line', async () => {
    const p = join(dir, 'words.csv');
    writeFileSync(p, 'task,worker,label\nt1,a,1\nt1,b,high\n');
    const io = capture();
    expect(await runAgreement(p, { level: 'interval' }, io)).toBe(2);
    expect(io.err()).toContain(`assay agreement: ${p}:3: label high is not a number`);
  });

  it('rejects an unknown level', async () => {
    const io = capture();
    expect(await runAgreement(example, { level: 'cardinal' }, io)).toBe(2);
  });

  it('is wired into commander', () => {
    const program = new Command();
    registerAgreementCommand(program);
    const cmd = program.commands.find((c) => c.name() === 'agreement')!;
    expect(cmd.options.map((o) => o.long)).toEqual(['--level', '--replicates', '--seed', '--confidence']);
  });
});
