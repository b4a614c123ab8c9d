import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DawidSkeneThreads } from '../../threads/dawid-skene-threads.js';
import { hasWasmSweep } from '../../quality/aggregate/dawid-skene-wasm.js';
import { hasDatasets, datasetsDir } from '../../quality/test-support/datasets.js';
import { calibratedFit } from '../../quality/aggregate/calibrated.js';
import { runCategorical } from '../../quality/aggregate/methods.js';
import { createEncoder } from '../../quality/encode.js';
import { createRng } from '../../quality/random.js';
import { THREADED_DS_MIN_LABELS } from '../aggregate/aggregate-options.js';
import type { CliIo } from '../io/cli-io.js';
import { formatProbability } from '../io/csv-output.js';
import { scanCsv, type CsvReader } from '../io/scan-csv.js';
import { registerAggregateCommand } from '../usage/aggregate.js';
import { runAggregate } from './aggregate.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-aggregate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** Captures what a command writes. */
function capture(isTTY = false): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s), isTTY },
    out: () => out,
    err: () => err,
  };
}

const LABELS = 'task,worker,label\nt1,a,yes\nt1,b,yes\nt1,c,no\nt2,a,no\nt2,b,no\nt2,c,no\nt3,a,yes\nt3,c,yes\n';

describe('assay aggregate', () => {
  it('writes task,label,confidence to stdout with the default method', async () => {
    const io = capture();
    expect(await runAggregate(file('ok.csv', LABELS), {}, io)).toBe(0);
    const rows = parse(io.out(), { columns: true }) as { task: string; label: string; confidence: string }[];
    expect(rows.map((r) => [r.task, r.label])).toEqual([['t1', 'yes'], ['t2', 'no'], ['t3', 'yes']]);
    for (const r of rows) expect(Number(r.confidence)).toBeGreaterThan(0.5);
    expect(io.err()).toBe('confidence: model-based, not calibrated (no --clamp-gold), method bds\n');
  });

  it('writes to --out and prints the accuracy against --gold with its interval and n', async () => {
    const io = capture();
    const out = join(dir, 'out.csv');
    const gold = file('gold.csv', 'task,label\nt1,yes\nt2,yes\n');
    expect(await runAggregate(file('ok2.csv', LABELS), { method: 'mv', out, gold }, io)).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('task,label,confidence');
    // One of two right: Wilson 95% interval for 1/2 is 0.0945–0.9055.
    expect(io.err()).toMatch(/accuracy 0\.5000 \(95% Wilson interval 0\.0945–0\.9055, n = 2\)/);
  });

  it('clamps gold answers with --clamp-gold', async () => {
    const io = capture();
    const clamp = file('clamp.csv', 'task,label\nt1,no\n');
    expect(await runAggregate(file('ok3.csv', LABELS), { clampGold: clamp }, io)).toBe(0);
    const rows = parse(io.out(), { columns: true }) as { task: string; label: string; confidence: string }[];
    expect(rows[0]).toEqual({ task: 't1', label: 'no', confidence: '1' });
    expect(io.err()).toMatch(/^confidence: model-based, not calibrated \(1 gold items judged, fewer than 80\), method bds$/m);
  });

  // 300 tasks × 3 judgments by 30 workers of accuracy 0.55–0.95, gold known for 120 tasks (independent of the CLI).
  const crowd = (() => {
    const rng = createRng(9);
    const lines = ['task,worker,label'];
    const gold = ['task,label'];
    const enc = createEncoder();
    const truth: string[] = [];
    for (let i = 0; i < 300; i++) {
      const t = rng.next() < 0.5 ? 'pos' : 'neg';
      truth.push(t);
      if (i % 10 < 4) gold.push(`t${i},${t}`);
      for (let j = 0; j < 3; j++) {
        const w = rng.nextInt(30);
        const g = rng.next() < 0.55 + (0.4 * w) / 29 ? t : t === 'pos' ? 'neg' : 'pos';
        lines.push(`t${i},w${w},${g}`);
        enc.add(`t${i}`, `w${w}`, g);
      }
    }
    return { labels: lines.join('\n') + '\n', gold: gold.join('\n') + '\n', enc };
  })();

  it('calibrates the other tasks\' confidences on --clamp-gold by default, cross-fitted, and says so', async () => {
    const io = capture();
    const labels = file('crowd.csv', crowd.labels);
    const gold = file('crowd-gold.csv', crowd.gold);
    expect(await runAggregate(labels, { clampGold: gold }, io)).toBe(0);
    expect(io.err()).toBe('confidence: calibrated on 120 gold items (cross-fitted, 10 folds), method bds\n');
    const rows = parse(io.out(), { columns: true }) as { task: string; label: string; confidence: string }[];
    expect(Object.keys(rows[0]!)).toEqual(['task', 'label', 'confidence']);
    // The same as the engine's calibrated fit with the same gold (classes and items encoded in file order).
    const { obs, itemIds, classIds } = crowd.enc.finish();
    const goldOf = new Map(crowd.gold.trim().split('\n').slice(1).map((l) => l.split(',') as [string, string]));
    const g = Int32Array.from(itemIds, (id) => (goldOf.has(id) ? classIds.indexOf(goldOf.get(id)!) : -1));
    const expected = calibratedFit(obs, g, (o, gg) => runCategorical('bds', o, gg ? { gold: gg } : {})).result;
    rows.forEach((r, i) => {
      expect(r.label).toBe(classIds[expected.labels[i]!]);
      expect(Number(r.confidence)).toBeCloseTo(expected.posterior[i * 2 + expected.labels[i]!]!, 5);
    });
    // --no-calibrate: the model's own confidences (gold clamped), and stderr says so.
    const plain = capture();
    expect(await runAggregate(labels, { clampGold: gold, calibrate: false }, plain)).toBe(0);
    expect(plain.err()).toBe('confidence: model-based, not calibrated (--no-calibrate), method bds\n');
    const model = runCategorical('bds', obs, { gold: g });
    const plainRows = parse(plain.out(), { columns: true }) as { task: string; label: string; confidence: string }[];
    plainRows.forEach((r, i) => expect(Number(r.confidence)).toBeCloseTo(model.posterior[i * 2 + model.labels[i]!]!, 5));
    expect(plainRows.some((r, i) => Math.abs(Number(r.confidence) - Number(rows[i]!.confidence)) > 0.01)).toBe(true);
  });

  it('refuses --clamp-gold with a method that cannot clamp', async () => {
    const io = capture();
    expect(await runAggregate(file('ok4.csv', LABELS), { method: 'glad', clampGold: file('c.csv', 'task,label\nt1,no\n') }, io)).toBe(2);
    expect(io.err()).toMatch(/--clamp-gold needs --method ds or bds or onecoin/);
  });

  it.each([
    ['a missing header', 't1,a,yes\nt1,b,no\n', ':1: missing header'],
    ['an empty file', '', ': empty file'],
    ['a header only', 'task,worker,label\n', ''],
    ['a row with too few fields', 'task,worker,label\nt1,a,yes\nt1,b\n', ':3: wrong number of fields'],
    ['a row with too many fields', 'task,worker,label\nt1,a,yes,extra\n', ':2: wrong number of fields'],
    ['an empty label', 'task,worker,label\nt1,a,yes\n\nt1,b,\n', ':4: empty label'],
    ['an empty worker id', 'task,worker,label\nt1,,yes\n', ':2: empty worker'],
    ['an unterminated quote', 'task,worker,label\nt1,"a,yes\n', ':'],
  ])('rejects %s with the file and line, exit code 2 and no output file', async (_what, text, where) => {
    const io = capture();
    const input = file(`bad-${Math.random().toString(36).slice(2)}.csv`, text);
    const out = join(dir, `never-${Math.random().toString(36).slice(2)}.csv`);
    const code = await runAggregate(input, { out }, io);
    if (text === 'task,worker,label\n') {
      // A header without rows is valid input with nothing to aggregate.
      expect(code).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe('task,label,confidence\n');
      return;
    }
    expect(code).toBe(2);
    expect(io.err()).toContain(`assay aggregate: ${input}${where}`);
    expect(existsSync(out)).toBe(false);
    expect(io.out()).toBe('');
  });

  it('reads quoted fields and CRLF line ends, and quotes ids on output', async () => {
    const io = capture();
    const text = 'task,worker,label\r\n"a, b",w1,x\r\n"a, b",w2,x\r\n"say ""hi""",w1,y\r\n';
    expect(await runAggregate(file('quoted.csv', text), { method: 'mv' }, io)).toBe(0);
    expect(io.out()).toBe('task,label,confidence\n"a, b",x,1\n"say ""hi""",y,1\n');
  });

  it('reports a missing file with exit code 2', async () => {
    const io = capture();
    expect(await runAggregate(join(dir, 'nope.csv'), {}, io)).toBe(2);
    expect(io.err()).toMatch(/nope\.csv: cannot read the file/);
  });

  it('rejects unknown methods and bad numbers', async () => {
    const input = file('ok5.csv', LABELS);
    for (const opts of [{ method: 'em' }, { maxIter: -1 }, { tol: Number.NaN }, { seed: 1.5 }, { threads: 0 }]) {
      const io = capture();
      expect(await runAggregate(input, opts, io)).toBe(2);
    }
  });

  it('shows no progress bar when stderr is not a terminal, even for a large input', async () => {
    const lines = ['task,worker,label'];
    for (let i = 0; i < 110_000; i++) lines.push(`t${i >> 2},w${i % 7},${i % 3}`);
    const big = file('big.csv', lines.join('\n') + '\n');
    const io = capture(false);
    expect(await runAggregate(big, { method: 'mv', out: join(dir, 'big-out.csv') }, io)).toBe(0);
    expect(io.err()).toBe('confidence: model-based, not calibrated (no --clamp-gold), method mv\n'); // no bar
  });

  it('shows a progress bar on a terminal once the input passes 100,000 rows', async () => {
    const lines = ['task,worker,label'];
    for (let i = 0; i < 120_000; i++) lines.push(`t${i >> 2},w${i % 7},${i % 3}`);
    const big = file('big-tty.csv', lines.join('\n') + '\n');
    let err = '';
    // A stand-in for a terminal: what cli-progress calls on a TTY stream.
    const tty = {
      isTTY: true,
      columns: 100,
      write: (s: string) => (err += s),
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
      clearScreenDown: () => true,
      on: () => tty,
      removeListener: () => tty,
    };
    const io: CliIo = { stdout: { write: () => true }, stderr: tty };
    expect(await runAggregate(big, { method: 'mv', out: join(dir, 'big-tty-out.csv') }, io)).toBe(0);
    expect(err).toContain('reading [');
    expect(err).toContain('100%');
  });

  it('aggregates pairwise comparisons into per-task scores with standard errors and ranks', async () => {
    const io = capture();
    const pw = file('pw.csv', 'task,worker,left,right,winner\nq,w1,a,b,a\nq,w2,a,b,a\nq,w1,b,c,b\nq,w2,a,c,tie\nq,w3,c,b,b\n');
    expect(await runAggregate(pw, { pairwise: true }, io)).toBe(0);
    const rows = parse(io.out(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.object)).toEqual(['a', 'b', 'c']);
    expect(rows.map((r) => r.rank)).toEqual(['1', '2', '3']);
    for (const r of rows) expect(Number(r.se)).toBeGreaterThan(0);
  });

  it('rejects a pairwise winner that is neither side', async () => {
    const io = capture();
    const pw = file('pw-bad.csv', 'task,worker,left,right,winner\nq,w1,a,b,z\n');
    expect(await runAggregate(pw, { pairwise: true }, io)).toBe(2);
    expect(io.err()).toMatch(/pw-bad\.csv:2: winner must be/);
  });

  it('is wired into commander with its flags', async () => {
    const program = new Command().exitOverride();
    registerAggregateCommand(program);
    const cmd = program.commands.find((c) => c.name() === 'aggregate')!;
    expect(cmd.options.map((o) => o.long)).toEqual(['--method', '--gold', '--clamp-gold', '--no-calibrate', '--out', '--max-iter', '--tol', '--seed', '--pairwise', '--threads']);
    const out = join(dir, 'via-commander.csv');
    const before = process.exitCode;
    await program.parseAsync(['node', 'assay', 'aggregate', file('ok6.csv', LABELS), '--method', 'onecoin', '--max-iter', '5', '--out', out]);
    expect(process.exitCode ?? 0).toBe(0);
    process.exitCode = before;
    expect(readFileSync(out, 'utf8').startsWith('task,label,confidence\n')).toBe(true);
  });
});

describe('the two CSV readers (d3-dsv on quote-free text, csv-parse streaming otherwise)', () => {
  const COLUMNS = ['task', 'worker', 'label'];
  const scan = async (path: string, reader: CsvReader) => {
    const rows: string[] = [];
    try {
      const n = await scanCsv(path, COLUMNS, (v, line) => rows.push(`${line}:${v.join('|')}`), { reader });
      return { n, rows };
    } catch (err) {
      return { error: (err as Error).message, rows };
    }
  };

  it.each([
    ['a plain file', LABELS],
    ['CRLF line ends, a BOM and empty lines', '\ufefftask,worker,label\r\nt1,a,yes\r\n\r\nt2,b,no\r\n\r\n'],
    ['UTF-8 beyond ASCII, without a BOM', 'task,worker,label\ntâche-1,Zoë,oui\nタスク2,b,ß 😀\n'],
    ['columns in another order, an extra column, no final newline', 'label,extra,worker,task\nyes,1,a,t1\nno,2,b,t2'],
    ['a missing header', 't1,a,yes\nt1,b,no\n'],
    ['a row with too few fields', 'task,worker,label\nt1,a,yes\nt1,b\n'],
    ['a row with too many fields after an empty line', 'task,worker,label\nt1,a,yes\n\nt1,b,no,x\n'],
    ['an empty label', 'task,worker,label\nt1,a,yes\n\nt1,b,\n'],
    ['a line of blanks', 'task,worker,label\nt1,a,yes\n  \n'],
    ['a header only', 'task,worker,label\n'],
  ])('give the same rows, line numbers and errors for %s', async (_what, text) => {
    const path = file(`readers-${Math.random().toString(36).slice(2)}.csv`, text);
    const fast = await scan(path, 'auto');
    const stream = await scan(path, 'stream');
    expect(fast).toEqual(stream);
  });
});

describe('formatProbability', () => {
  const slow = (p: number) => String(Number(p.toPrecision(6)));

  it('gives String(Number(p.toPrecision(6))) for any probability, near-ties of its shortcut included', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => formatProbability(p) === slow(p)), { numRuns: 20_000 });
    // Halfway points k + ½ millionths and the doubles around them, where rounding direction is decided.
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: 999_999 }), fc.integer({ min: -3, max: 3 }), (k, ulps) => {
        let p = (k + 0.5) / 1e6;
        for (let j = 0; j < Math.abs(ulps); j++) p = nextDouble(p, Math.sign(ulps));
        return formatProbability(p) === slow(p);
      }),
      { numRuns: 20_000 },
    );
    for (const p of [0, 0.1, 0.0999999, 0.1000004, 0.5, 0.9999994, 0.9999995, 0.9999996, 1, 1e-7, 2.5, -0.3]) expect(formatProbability(p)).toBe(slow(p));
  });
});

/** The double next to x towards +∞ (dir 1) or −∞ (dir −1), for positive finite x. */
function nextDouble(x: number, dir: number): number {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x);
  b.setBigUint64(0, b.getBigUint64(0) + BigInt(dir));
  return b.getFloat64(0);
}

describe('assay aggregate on a large input (Dawid–Skene on several threads)', () => {
  it('writes the labels and confidences of the one-thread fit, on one thread unless asked for more', async () => {
    // 50,000 tasks × 5 labels from 500 workers, 4 classes: above the threshold for the threads.
    const rng = createRng(5);
    const lines = ['task,worker,label'];
    const enc = createEncoder();
    for (let i = 0; i < 50_000; i++) {
      const truth = rng.nextInt(4);
      for (let j = 0; j < 5; j++) {
        const w = rng.nextInt(500);
        const label = rng.next() < 0.55 + (w % 5) * 0.08 ? truth : rng.nextInt(4);
        lines.push(`t${i},w${w},c${label}`);
        enc.add(`t${i}`, `w${w}`, `c${label}`);
      }
    }
    expect(lines.length - 1).toBeGreaterThanOrEqual(THREADED_DS_MIN_LABELS);
    const input = file('large.csv', lines.join('\n') + '\n');
    const { obs, itemIds, classIds } = enc.finish();
    const single = runCategorical('ds', obs);
    const start = vi.spyOn(DawidSkeneThreads, 'start');
    const fit = vi.spyOn(DawidSkeneThreads.prototype, 'fit');
    for (const threads of [undefined, 2]) {
      const out = join(dir, `large-out-${threads}.csv`);
      expect(await runAggregate(input, { method: 'ds', out, ...(threads && { threads }) }, capture())).toBe(0);
      const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as { task: string; label: string; confidence: string }[];
      expect(rows.length).toBe(obs.nItems);
      rows.forEach((r, i) => {
        expect(r.task).toBe(itemIds[i]);
        expect(r.label).toBe(classIds[single.labels[i]!]);
        expect(Number(r.confidence)).toBeCloseTo(single.posterior[i * obs.nClasses + single.labels[i]!]!, 5);
      });
    }
    // The default is one thread where WebAssembly SIMD runs the sweep (every core otherwise); --threads 2 is heard.
    expect(start).toHaveBeenCalledTimes(hasWasmSweep() ? 1 : availableParallelism() > 1 ? 2 : 1);
    expect(fit).toHaveBeenCalledTimes(hasWasmSweep() || availableParallelism() === 1 ? 1 : 2);
    start.mockRestore();
    fit.mockRestore();
  }, 60_000);
});

describe.skipIf(!hasDatasets())('assay aggregate on a public data set', () => {
  it('matches the library result for rte (accuracy 0.9275 with the default method)', async () => {
    const io = capture();
    const d = datasetsDir();
    expect(await runAggregate(join(d, 'rte', 'labels.csv'), { gold: join(d, 'rte', 'gold.csv') }, io)).toBe(0);
    expect(io.err()).toMatch(/accuracy 0\.9275 .* n = 800\)/);
  });
});
