/**
 * The inner loop of Dawid–Skene (`dawid-skene.ts`): one EM sweep over the items, E-step fused with the M-step
 * accumulation of expected counts, over the [worker][given][true] tables described there. `sweep2` … `sweep6` are
 * the generic per-item code with the class loop unrolled (written out by a generator and identical up to K); they
 * are what makes the fast version fast, and `dawid-skene.test.ts` checks every path against the readable reference.
 */
import { safeLog } from './common.js';

/**
 * One EM sweep over the items: the E-step of each item (a product of probabilities; see `itemGeneric` for the
 * rescaling and the log-space fallback) fused with the M-step accumulation of expected counts. Returns the
 * log-likelihood. The sweep is a small function of its own so V8 optimises it whole, and for K ≤ 6 it is unrolled
 * over the classes (`sweep2` … `sweep6`, written out by a generator, identical up to K): keeping the K running
 * products in locals instead of a scratch array halves the time per iteration. Items that are clamped, have more
 * than 8 judgments or underflow take the generic path.
 */
export function sweep(
  nItems: number,
  K: number,
  start: Int32Array,
  cell: Int32Array,
  gold: Int32Array,
  theta: Float64Array,
  pi: Float64Array,
  post: Float64Array,
  counts: Float64Array,
  priorCounts: Float64Array,
  r: Float64Array,
): number {
  switch (K) {
    case 2:
      return sweep2(nItems, start, cell, gold, theta, pi, post, counts, priorCounts, r);
    case 3:
      return sweep3(nItems, start, cell, gold, theta, pi, post, counts, priorCounts, r);
    case 4:
      return sweep4(nItems, start, cell, gold, theta, pi, post, counts, priorCounts, r);
    case 5:
      return sweep5(nItems, start, cell, gold, theta, pi, post, counts, priorCounts, r);
    case 6:
      return sweep6(nItems, start, cell, gold, theta, pi, post, counts, priorCounts, r);
  }
  let ll = 0;
  for (let i = 0; i < nItems; i++) ll += itemGeneric(i, K, start[i]!, start[i + 1]!, cell, gold, theta, pi, post, counts, priorCounts, r);
  return ll;
}

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

// ---- Generated: sweep2 … sweep6 are the sweep above with the class loop unrolled. ----

function sweep2(
  nItems: number,
  start: Int32Array,
  cell: Int32Array,
  gold: Int32Array,
  theta: Float64Array,
  pi: Float64Array,
  post: Float64Array,
  counts: Float64Array,
  priorCounts: Float64Array,
  r: Float64Array,
): number {
  let ll = 0;
  let prod = 1;
  const pi0 = pi[0]!; const pi1 = pi[1]!;
  let pc0 = 0; let pc1 = 0;
  for (let i = 0; i < nItems; i++) {
    const s = start[i]!;
    const e = start[i + 1]!;
    if (e - s > 8 || gold[i]! >= 0) {
      ll += itemGeneric(i, 2, s, e, cell, gold, theta, pi, post, counts, priorCounts, r);
      continue;
    }
    let r0 = pi0; let r1 = pi1;
    for (let p = s; p < e; p++) {
      const c = cell[p]!;
      r0 *= theta[c]!; r1 *= theta[c + 1]!;
    }
    const sum = r0 + r1;
    if (!(sum > 0)) {
      ll += itemGeneric(i, 2, s, e, cell, gold, theta, pi, post, counts, priorCounts, r);
      continue;
    }
    const inv = 1 / sum;
    r0 *= inv; r1 *= inv;
    const off = i * 2;
    post[off] = r0; post[off + 1] = r1;
    pc0 += r0; pc1 += r1;
    for (let p = s; p < e; p++) {
      const c = cell[p]!;
      counts[c]! += r0; counts[c + 1]! += r1;
    }
    prod *= sum;
    if (prod < 1e-250) {
      ll += Math.log(prod);
      prod = 1;
    }
  }
  priorCounts[0]! += pc0; priorCounts[1]! += pc1;
  return ll + Math.log(prod);
}

function sweep3(
  nItems: number,
  start: Int32Array,
  cell: Int32Array,
  gold: Int32Array,
  theta: Float64Array,
  pi: Float64Array,
  post: Float64Array,
  counts: Float64Array,
  priorCounts: Float64Array,
  r: Float64Array,
): number {
  let ll = 0;
  let prod = 1;
  const pi0 = pi[0]!; const pi1 = pi[1]!; const pi2 = pi[2]!;
  let pc0 = 0; let pc1 = 0; let pc2 = 0;
  for (let i = 0; i < nItems; i++) {
    const s = start[i]!;
    const e = start[i + 1]!;
    if (e - s > 8 || gold[i]! >= 0) {
      ll += itemGeneric(i, 3, s, e, cell, gold, theta, pi, post, counts, priorCounts, r);
      continue;
    }
    let r0 = pi0; let r1 = pi1; let r2 = pi2;
    for (let p = s; p < e; p++) {
      const c = cell[p]!;
      r0 *= theta[c]!; r1 *= theta[c + 1]!; r2 *= theta[c + 2]!;
    }
    const sum = r0 + r1 + r2;
    if (!(sum > 0)) {
      ll += itemGeneric(i, 3, s, e, cell, gold, theta, pi, post, counts, priorCounts, r);
      continue;
    }
    const inv = 1 / sum;
    r0 *= inv; r1 *= inv; r2 *= inv;
    const off = i * 3;
    post[off] = r0; post[off + 1] = r1; post[off + 2] = r2;
    pc0 += r0; pc1 += r1; pc2 += r2;
    for (let p = s; p < e; p++) {
      const c = cell[p]!;
      counts[c]! += r0; counts[c + 1]! += r1; counts[c + 2]! += r2;
    }
    prod *= sum;
    if (prod < 1e-250) {
      ll += Math.log(prod);
      prod = 1;
    }
  }
  priorCounts[0]! += pc0; priorCounts[1]! += pc1; priorCounts[2]! += pc2;
  return ll + Math.log(prod);
}

function sweep4(
  nItems: number,
  start: Int32Array,
  cell: Int32Array,
  gold: Int32Array,
  theta: Float64Array,
  pi: Float64Array,
  post: Float64Array,
  counts: Float64Array,
  priorCounts: Float64Array,
  r: Float64Array,
): number {
  let ll = 0;
  let prod = 1;
  const pi0 = pi[0]!; const pi1 = pi[1]!; const pi2 = pi[2]!; const pi3 = pi[3]!;
  let pc0 = 0; let pc1 = 0; let pc2 = 0; let pc3 = 0;
  for (let i = 0; i < nItems; i++) {
    const s = start[i]!;
    const e = start[i + 1]!;
    if (e - s > 8 || gold[i]! >= 0) {
      ll += itemGeneric(i, 4, s, e, cell, gold, theta, pi, post, counts, priorCounts, r);
      continue;
    }
    let r0 = pi0; let r1 = pi1; let r2 = pi2; let r3 = pi3;
    for (let p = s; p < e; p++) {
      const c = cell[p]!;
      r0 *= theta[c]!; r1 *= theta[c + 1]!; r2 *= theta[c + 2]!; r3 *= theta[c + 3]!;
    }
    const sum = r0 + r1 + r2 + r3;
    if (!(sum > 0)) {
      ll += itemGeneric(i, 4, s, e, cell, gold, theta, pi, post, counts, priorCounts, r);
      continue;
    }
    const inv = 1 / sum;
    r0 *= inv; r1 *= inv; r2 *= inv; r3 *= inv;
    const off = i * 4;
    post[off] = r0; post[off + 1] = r1; post[off + 2] = r2; post[off + 3] = r3;
    pc0 += r0; pc1 += r1; pc2 += r2; pc3 += r3;
    for (let p = s; p < e; p++) {
      const c = cell[p]!;
      counts[c]! += r0; counts[c + 1]! += r1; counts[c + 2]! += r2; counts[c + 3]! += r3;
    }
    prod *= sum;
    if (prod < 1e-250) {
      ll += Math.log(prod);
      prod = 1;
    }
  }
  priorCounts[0]! += pc0; priorCounts[1]! += pc1; priorCounts[2]! += pc2; priorCounts[3]! += pc3;
  return ll + Math.log(prod);
}

function sweep5(
  nItems: number,
  start: Int32Array,
  cell: Int32Array,
  gold: Int32Array,
  theta: Float64Array,
  pi: Float64Array,
  post: Float64Array,
  counts: Float64Array,
  priorCounts: Float64Array,
  r: Float64Array,
): number {
  let ll = 0;
  let prod = 1;
  const pi0 = pi[0]!; const pi1 = pi[1]!; const pi2 = pi[2]!; const pi3 = pi[3]!; const pi4 = pi[4]!;
  let pc0 = 0; let pc1 = 0; let pc2 = 0; let pc3 = 0; let pc4 = 0;
  for (let i = 0; i < nItems; i++) {
    const s = start[i]!;
    const e = start[i + 1]!;
    if (e - s > 8 || gold[i]! >= 0) {
      ll += itemGeneric(i, 5, s, e, cell, gold, theta, pi, post, counts, priorCounts, r);
      continue;
    }
    let r0 = pi0; let r1 = pi1; let r2 = pi2; let r3 = pi3; let r4 = pi4;
    for (let p = s; p < e; p++) {
      const c = cell[p]!;
      r0 *= theta[c]!; r1 *= theta[c + 1]!; r2 *= theta[c + 2]!; r3 *= theta[c + 3]!; r4 *= theta[c + 4]!;
    }
    const sum = r0 + r1 + r2 + r3 + r4;
    if (!(sum > 0)) {
      ll += itemGeneric(i, 5, s, e, cell, gold, theta, pi, post, counts, priorCounts, r);
      continue;
    }
    const inv = 1 / sum;
    r0 *= inv; r1 *= inv; r2 *= inv; r3 *= inv; r4 *= inv;
    const off = i * 5;
    post[off] = r0; post[off + 1] = r1; post[off + 2] = r2; post[off + 3] = r3; post[off + 4] = r4;
    pc0 += r0; pc1 += r1; pc2 += r2; pc3 += r3; pc4 += r4;
    for (let p = s; p < e; p++) {
      const c = cell[p]!;
      counts[c]! += r0; counts[c + 1]! += r1; counts[c + 2]! += r2; counts[c + 3]! += r3; counts[c + 4]! += r4;
    }
    prod *= sum;
    if (prod < 1e-250) {
      ll += Math.log(prod);
      prod = 1;
    }
  }
  priorCounts[0]! += pc0; priorCounts[1]! += pc1; priorCounts[2]! += pc2; priorCounts[3]! += pc3; priorCounts[4]! += pc4;
  return ll + Math.log(prod);
}

function sweep6(
  nItems: number,
  start: Int32Array,
  cell: Int32Array,
  gold: Int32Array,
  theta: Float64Array,
  pi: Float64Array,
  post: Float64Array,
  counts: Float64Array,
  priorCounts: Float64Array,
  r: Float64Array,
): number {
  let ll = 0;
  let prod = 1;
  const pi0 = pi[0]!; const pi1 = pi[1]!; const pi2 = pi[2]!; const pi3 = pi[3]!; const pi4 = pi[4]!; const pi5 = pi[5]!;
  let pc0 = 0; let pc1 = 0; let pc2 = 0; let pc3 = 0; let pc4 = 0; let pc5 = 0;
  for (let i = 0; i < nItems; i++) {
    const s = start[i]!;
    const e = start[i + 1]!;
    if (e - s > 8 || gold[i]! >= 0) {
      ll += itemGeneric(i, 6, s, e, cell, gold, theta, pi, post, counts, priorCounts, r);
      continue;
    }
    let r0 = pi0; let r1 = pi1; let r2 = pi2; let r3 = pi3; let r4 = pi4; let r5 = pi5;
    for (let p = s; p < e; p++) {
      const c = cell[p]!;
      r0 *= theta[c]!; r1 *= theta[c + 1]!; r2 *= theta[c + 2]!; r3 *= theta[c + 3]!; r4 *= theta[c + 4]!; r5 *= theta[c + 5]!;
    }
    const sum = r0 + r1 + r2 + r3 + r4 + r5;
    if (!(sum > 0)) {
      ll += itemGeneric(i, 6, s, e, cell, gold, theta, pi, post, counts, priorCounts, r);
      continue;
    }
    const inv = 1 / sum;
    r0 *= inv; r1 *= inv; r2 *= inv; r3 *= inv; r4 *= inv; r5 *= inv;
    const off = i * 6;
    post[off] = r0; post[off + 1] = r1; post[off + 2] = r2; post[off + 3] = r3; post[off + 4] = r4; post[off + 5] = r5;
    pc0 += r0; pc1 += r1; pc2 += r2; pc3 += r3; pc4 += r4; pc5 += r5;
    for (let p = s; p < e; p++) {
      const c = cell[p]!;
      counts[c]! += r0; counts[c + 1]! += r1; counts[c + 2]! += r2; counts[c + 3]! += r3; counts[c + 4]! += r4; counts[c + 5]! += r5;
    }
    prod *= sum;
    if (prod < 1e-250) {
      ll += Math.log(prod);
      prod = 1;
    }
  }
  priorCounts[0]! += pc0; priorCounts[1]! += pc1; priorCounts[2]! += pc2; priorCounts[3]! += pc3; priorCounts[4]! += pc4; priorCounts[5]! += pc5;
  return ll + Math.log(prod);
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

