/**
 * `assay aggregate` end to end on a 1,000,000-row CSV: parse (d3-dsv), encode, Dawid–Skene with default
 * settings, write task,label,confidence. Goal: under 1 s and under 300 MB peak RSS (Crowd-Kit: about 6.6 s and
 * 509 MB for the same file on this machine, see BENCHMARKS.md). Run with `npm run bench -- quality-e2e`.
 *
 * The parent writes the CSV (the synthetic crowd of quality.bench.ts: 200,000 tasks × 5 labels, 5 classes, 5,000
 * workers) to a temporary directory, then runs the command in a fresh child process, which reports its own time and
 * peak RSS, so neither the generator's memory nor the JIT warm-up of the generator counts. The floor is the same
 * child reading the file and counting its lines. Runs alternate between the default (Dawid–Skene on one thread,
 * sweep in WebAssembly) and `threads: 2` (the JavaScript sweep on two threads), so both see the same load on a
 * shared machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAggregate } from '../src/cli/commands/aggregate.js';
import { processIo } from '../src/cli/io/cli-io.js';
import { syntheticCrowd } from './quality.bench.js';

const self = fileURLToPath(import.meta.url);

async function child(mode: string, input: string, out: string): Promise<void> {
  const t0 = process.hrtime.bigint();
  if (mode === 'floor') {
    const buf = readFileSync(input);
    let lines = 0;
    for (let i = 0; i < buf.length; i++) if (buf[i] === 10) lines++;
    if (lines === 0) throw new Error('empty');
  } else {
    const code = await runAggregate(input, { method: 'ds', out, ...(mode === 'two-threads' && { threads: 2 }) }, processIo);
    if (code !== 0) throw new Error(`exit ${code}`);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({ seconds, rssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

function runChild(mode: string, input: string, out: string): { seconds: number; rssMb: number; wall: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, mode, input, out], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return { ...(JSON.parse(r.stdout.trim().split('\n').pop()!) as { seconds: number; rssMb: number }), wall };
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'assay-bench-'));
  try {
    const obs = syntheticCrowd();
    const lines = ['task,worker,label'];
    for (let o = 0; o < obs.label.length; o++) lines.push(`task${obs.item[o]},worker${obs.worker[o]},class${obs.label[o]}`);
    const input = join(dir, 'labels.csv');
    writeFileSync(input, lines.join('\n') + '\n');
    const out = join(dir, 'out.csv');
    console.log(`input: ${(lines.length - 1).toLocaleString('en')} rows, ${(statSync(input).size / 1e6).toFixed(1)} MB; node ${process.version}`);
    const floors = [0, 1, 2].map(() => runChild('floor', input, out));
    const runs: { seconds: number; rssMb: number; wall: number }[] = [];
    const two: { seconds: number; rssMb: number; wall: number }[] = [];
    for (let r = 0; r < 5; r++) {
      runs.push(runChild('aggregate', input, out));
      two.push(runChild('two-threads', input, out));
    }
    const floor = Math.min(...floors.map((r) => r.seconds));
    const bestRun = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    console.log(`floor (read the file, count lines): ${(floor * 1e3).toFixed(0)} ms`);
    const show = (name: string, r: { seconds: number; rssMb: number; wall: number }) =>
      console.log(
        `${name}: ${(r.seconds * 1e3).toFixed(0)} ms in-process, ${(r.wall * 1e3).toFixed(0)} ms process wall ` +
          `(incl. node + tsx start-up), peak RSS ${r.rssMb.toFixed(0)} MB`,
      );
    runs.forEach((r, i) => {
      show('assay aggregate (ds, defaults)   ', r);
      show('assay aggregate (ds, --threads 2)', two[i]!);
    });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
    const bestTwo = two.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    console.log(
      `--threads 2: best ${bestTwo.seconds.toFixed(3)} s, median ${median(two.map((r) => r.seconds)).toFixed(3)} s, ` +
        `peak RSS up to ${Math.max(...two.map((r) => r.rssMb)).toFixed(0)} MB`,
    );
    console.log(
      `\nheadline: 1M-row CSV end to end: ${bestRun.seconds.toFixed(3)} s, median ${median(runs.map((r) => r.seconds)).toFixed(3)} s ` +
        `(goal < 1 s), peak RSS up to ${Math.max(...runs.map((r) => r.rssMb)).toFixed(0)} MB (goal < 300 MB), ` +
        `${(bestRun.seconds / floor).toFixed(1)}× the read floor; output ${readFileSync(out, 'utf8').split('\n').length - 2} rows`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, input, out] = process.argv.slice(2);
if (mode !== undefined && input !== undefined && out !== undefined) await child(mode, input, out);
else main();
