/**
 * CLI start-up, as whole processes on the compiled CLI: `node -e 0` (the floor: Node itself), `assay --version`,
 * `assay --help` and `assay aggregate --method ds` on the 1M-label file of quality-e2e.bench.ts (200,000 tasks × 5
 * labels, Dawid–Skene as that bench runs it), each run several times in turn so all see the same load, with medians
 * and the ratio to `node -e 0` of the same run. Goals (issue 18): `--help` < 0.3 s, `aggregate` on 1M labels < 1 s.
 * Run with `npm run bench -- startup`.
 *
 * The CLI is compiled by `tsc -p tsconfig.build.json` into a temporary folder (dist/ is left alone: other runs may be
 * using it), beside links to package.json and node_modules so it resolves its packages as dist/ does. Set
 * ASSAY_CLI=path/to/main.js to time an existing build instead (e.g. dist/src/cli/main.js).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { syntheticCrowd } from './quality.bench.js';

const ROUNDS = 7;
const root = resolve(import.meta.dirname, '..');

function compileCli(dir: string): string {
  const out = join(dir, 'build');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', out], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('tsc failed');
  symlinkSync(join(root, 'package.json'), join(out, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'));
  return join(out, 'src/cli/main.js');
}

function writeLabels(dir: string): string {
  const obs = syntheticCrowd();
  const lines = ['task,worker,label'];
  for (let o = 0; o < obs.label.length; o++) lines.push(`task${obs.item[o]},worker${obs.worker[o]},class${obs.label[o]}`);
  const file = join(dir, 'labels.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** CPU seconds (user + system) of the children waited for so far, from /proc (Linux; 0 elsewhere). */
function childrenCpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // cutime and cstime, fields 16 and 17 of stat(5), in clock ticks of 1/100 s on Linux.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

/**
 * Wall-clock and CPU seconds of one process, from spawn to exit. The CPU time tells the figures apart on a loaded
 * machine, where the wall clock mostly measures the wait for a core.
 */
function time(args: readonly string[]): { wall: number; cpu: number } {
  const c0 = childrenCpu();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: root });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wall, cpu: childrenCpu() - c0 };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'assay-startup-'));
  try {
    const cli = process.env.ASSAY_CLI ? resolve(process.env.ASSAY_CLI) : compileCli(dir);
    const labels = writeLabels(dir);
    const out = join(dir, 'out.csv');
    const cases: { name: string; args: string[]; goal?: number }[] = [
      { name: 'node -e 0', args: ['-e', '0'] },
      { name: 'assay --version', args: [cli, '--version'] },
      { name: 'assay --help', args: [cli, '--help'], goal: 0.3 },
      { name: 'assay aggregate (1M, ds)', args: [cli, 'aggregate', labels, '--method', 'ds', '--out', out], goal: 1 },
    ];
    console.log(`cli: ${cli}; labels: 1,000,000 rows, ${(statSync(labels).size / 1e6).toFixed(1)} MB; node ${process.version}; ${ROUNDS} rounds`);
    for (const c of cases) time(c.args); // warm the file cache
    const runs = cases.map(() => [] as { wall: number; cpu: number }[]);
    for (let r = 0; r < ROUNDS; r++) cases.forEach((c, i) => runs[i]!.push(time(c.args)));
    const floor = median(runs[0]!.map((x) => x.wall));
    const cpuFloor = median(runs[0]!.map((x) => x.cpu));
    for (const [i, c] of cases.entries()) {
      const m = median(runs[i]!.map((x) => x.wall));
      const cpu = median(runs[i]!.map((x) => x.cpu));
      const goal = c.goal === undefined ? '' : `  goal < ${c.goal} s: ${m < c.goal ? 'met' : 'MISSED'}`;
      console.log(
        `${c.name.padEnd(28)} median ${(m * 1e3).toFixed(0).padStart(5)} ms wall (${(m / floor).toFixed(1)}× node -e 0), ` +
          `${(cpu * 1e3).toFixed(0).padStart(5)} ms CPU (${(cpu / cpuFloor).toFixed(1)}×)${goal}`,
      );
    }
    console.log(`load average at the end: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
