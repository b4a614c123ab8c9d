/**
 * One item of the Dawid–Skene sweep (`dawid-skene-sweep.ts`), any K: the path of items that are clamped, have more
 * than 8 judgments or underflow, which the unrolled sweeps and the WebAssembly sweep hand over to.
 */
import { safeLog } from './common.js';

/**
 * E-step and M-step accumulation for one item, any K. Returns the item's log-evidence. The running product is
 * rescaled by its maximum every 8 judgments (the scale goes into the log-likelihood); an item whose product still
 * underflows to 0 is recomputed in log space. A clamped item keeps its indicator posterior.
 */
export function itemGeneric(
  i: number,
  K: number,
  s: number,
  e: number,
  cell: Int32Array,
  gold: Int32Array,
  theta: Float64Array,
  pi: Float64Array,
  post: Float64Array,
  counts: Float64Array,
  priorCounts: Float64Array,
  r: Float64Array,
): number {
  const off = i * K;
  const gi = gold[i]!;
  if (gi >= 0) {
    // Clamped item: it contributes log π_g + Σ log θ[.][.][g].
    let lg = safeLog(pi[gi]!);
    for (let p = s; p < e; p++) {
      const c = cell[p]!;
      lg += safeLog(theta[c + gi]!);
      counts[c + gi]! += 1;
    }
    priorCounts[gi]! += 1;
    return lg;
  }
  for (let t = 0; t < K; t++) r[t] = pi[t]!;
  let logScale = 0;
  for (let p = s; p < e; p++) {
    const c = cell[p]!;
    for (let t = 0; t < K; t++) r[t]! *= theta[c + t]!;
    if (((p - s) & 7) === 7) {
      let m = 0;
      for (let t = 0; t < K; t++) if (r[t]! > m) m = r[t]!;
      if (m > 0 && m < 1e-100) {
        const inv = 1 / m;
        for (let t = 0; t < K; t++) r[t]! *= inv;
        logScale += Math.log(m);
      }
    }
  }
  let sum = 0;
  for (let t = 0; t < K; t++) sum += r[t]!;
  let logEvidence: number;
  if (sum > 0 && sum < Infinity) {
    const inv = 1 / sum;
    for (let t = 0; t < K; t++) post[off + t] = r[t]! * inv;
    logEvidence = logScale + Math.log(sum);
  } else {
    logEvidence = logSpaceRow(post, off, K, pi, theta, cell, s, e);
  }
  for (let t = 0; t < K; t++) priorCounts[t]! += post[off + t]!;
  for (let p = s; p < e; p++) {
    const c = cell[p]!;
    for (let t = 0; t < K; t++) counts[c + t]! += post[off + t]!;
  }
  return logEvidence;
}

/** Slow path for an item whose product underflowed: the E-step in log space. Returns the item's log-evidence. */
function logSpaceRow(
  post: Float64Array,
  off: number,
  K: number,
  pi: Float64Array,
  theta: Float64Array,
  cell: Int32Array,
  s: number,
  e: number,
): number {
  let max = -Infinity;
  for (let t = 0; t < K; t++) {
    let l = safeLog(pi[t]!);
    for (let p = s; p < e; p++) l += safeLog(theta[cell[p]! + t]!);
    post[off + t] = l;
    if (l > max) max = l;
  }
  let sum = 0;
  for (let t = 0; t < K; t++) {
    const v = Math.exp(post[off + t]! - max);
    post[off + t] = v;
    sum += v;
  }
  for (let t = 0; t < K; t++) post[off + t]! /= sum;
  return max + Math.log(sum);
}

