/**
 * The one-thread EM plan of Dawid–Skene (`dawid-skene.ts`) with the sweep in WebAssembly SIMD
 * (`dawid-skene-sweep.as`, AssemblyScript, compiled bytes in `dawid-skene-sweep-wasm.generated.ts`).
 *
 * The sweep is the JavaScript `sweep2` … `sweep6` with the K running products in 128-bit f64x2 registers; it
 * performs the same floating-point operations in the same order and calls back into JavaScript for the items the
 * unrolled JavaScript sends to its generic path (clamped, more than 8 judgments, underflow), and for `log`. So the
 * two plans give the same bits (`dawid-skene.test.ts` checks it), and this one is about twice as fast per iteration
 * on 1M labels (BENCHMARKS.md): no bounds checks, half the multiply and add instructions.
 * Everything the sweep reads or writes (`start`, `cell`, `gold`, θ, π, the posterior, the counts) lives in one
 * WebAssembly memory sized for the fit up front; the rest of the iteration runs in JavaScript on views of it.
 * The first M-step's accumulation (from the starting posterior) and each M-step of the workers (unless `pooling`)
 * run in WebAssembly too, likewise bit for bit.
 *
 * `wasmPlan` returns undefined, and the caller uses the JavaScript plan, when K is outside 2…6, when the runtime
 * lacks WebAssembly SIMD, or when the arrays would not fit in 2 GiB.
 */
import type { Observations } from '../types.js';
import { finishIteration, type EmPlan, type EmState } from './dawid-skene-em.js';
import { itemGeneric } from './dawid-skene-item.js';
import { SWEEP_WASM_BASE64 } from './dawid-skene-sweep-wasm.generated.js';

type WasmNormalize = (nWorkers: number, counts: number, theta: number, a: number, ad: number, init: number, uniform: number) => void;
type WasmAccumulate = (nItems: number, start: number, cell: number, post: number, counts: number, priorCounts: number) => void;
type WasmSweep = (
  nItems: number,
  start: number,
  cell: number,
  gold: number,
  theta: number,
  pi: number,
  post: number,
  counts: number,
  priorCounts: number,
) => number;

/**
 * The part of the WebAssembly JavaScript API used here. Node has it as a global; the project's `lib` (ES2023, no
 * DOM) does not declare it, so it is typed locally.
 */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => { readonly exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
}
type WasmModule = { readonly __brand: 'WebAssembly.Module' };
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly; // absent under `node --jitless`

const PAGE = 65_536;
const MAX_BYTES = 2 ** 31;

/** The compiled module, once per process (compiling takes about a millisecond); null when it does not validate. */
let compiled: WasmModule | null | undefined;

function sweepModule(): WasmModule | null {
  if (wasm === undefined) return null;
  if (compiled === undefined) {
    const bytes = Buffer.from(SWEEP_WASM_BASE64, 'base64');
    compiled = wasm.validate(bytes) ? new wasm.Module(bytes) : null;
  }
  return compiled;
}

/** Whether this runtime runs the WebAssembly sweep (then `dawidSkene` with 2 to 6 classes uses it). */
export function hasWasmSweep(): boolean {
  return sweepModule() !== null;
}

/** Bytes rounded up to 16, so that every array starts 16-byte aligned. */
function padded(bytes: number): number {
  return (bytes + 15) & ~15;
}

/**
 * A plan that runs each sweep in WebAssembly for a fit of `obs` (the M-step stays in JavaScript), or undefined when
 * the JavaScript plan must be used (see the file comment). The plan serves one fit.
 */
export function wasmPlan(obs: Observations): EmPlan | undefined {
  const K = obs.nClasses;
  if (K < 2 || K > 6) return undefined;
  const mod = sweepModule();
  if (mod === null || wasm === undefined) return undefined;
  const n = obs.label.length;
  const I = obs.nItems;
  const WKK = obs.nWorkers * K * K;
  // What `fit` places here: gold, start, cell (Int32), then post, counts, θ, priorCounts, π, pooled (Float64).
  const bytes =
    padded(4 * I) + padded(4 * (I + 1)) + padded(4 * n) + padded(8 * I * K) + 2 * padded(8 * WKK) + 2 * padded(8 * K) + padded(8 * K * K);
  if (bytes > MAX_BYTES) return undefined;
  const memory = new wasm.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
  let next = 0;
  const place = (byteLength: number): number => {
    const at = next;
    next += padded(byteLength);
    if (next > memory.buffer.byteLength) throw new Error('Dawid–Skene WebAssembly plan: an array beyond the planned memory');
    return at;
  };
  let state: EmState | undefined;
  const slowItem = (i: number, s: number, e: number): number => {
    const st = state!;
    return itemGeneric(i, K, s, e, st.cell, st.gold, st.theta, st.pi, st.post, st.counts, st.priorCounts, st.r);
  };
  const instance = new wasm.Instance(mod, { env: { memory, log: Math.log, slowItem } });
  const sweep = instance.exports[`sweep${K}`] as WasmSweep;
  const accumulate = instance.exports[`accumulate${K}`] as WasmAccumulate;
  const normalize = instance.exports[`normalize${K}`] as WasmNormalize;
  // The M-step of the workers without pooling (`finishIteration` keeps pooling in JavaScript).
  const normalizeWorkers = (s: EmState): void =>
    normalize(s.nWorkers, s.counts.byteOffset, s.theta.byteOffset, s.a, s.ad, K * s.a + s.ad + s.b, 1 / K);
  const view = <T>(ctor: new (buffer: ArrayBuffer, byteOffset: number, length: number) => T, bytesPer: number, length: number): T =>
    new ctor(memory.buffer, place(bytesPer * length), length);
  return {
    shareInt32(a) {
      const v = view(Int32Array, 4, a.length);
      v.set(a);
      return v;
    },
    shareFloat64(a) {
      const v = view(Float64Array, 8, a.length);
      v.set(a);
      return v;
    },
    newInt32: (length) => view(Int32Array, 4, length),
    newFloat64: (length) => view(Float64Array, 8, length),
    accumulate(s) {
      accumulate(s.nItems, s.start.byteOffset, s.cell.byteOffset, s.post.byteOffset, s.counts.byteOffset, s.priorCounts.byteOffset);
    },
    iterate(s) {
      state = s;
      s.counts.fill(0);
      s.priorCounts.fill(0);
      const { start, cell, gold, theta, pi, post, counts, priorCounts } = s;
      const ll = sweep(s.nItems, start.byteOffset, cell.byteOffset, gold.byteOffset, theta.byteOffset, pi.byteOffset, post.byteOffset, counts.byteOffset, priorCounts.byteOffset);
      return finishIteration(s, ll, normalizeWorkers);
    },
    end: () => undefined,
  };
}
