// AssemblyScript source of the WebAssembly SIMD sweep of Dawid–Skene (`dawid-skene-wasm.ts` loads it).
//
// It is `sweep2` … `sweep6` of `dawid-skene-sweep.ts`, operation for operation, with the K running products held in
// f64x2 pairs (plus one scalar when K is odd): the same multiplications and additions in the same order, so the
// result is bit for bit that of the JavaScript sweep. Items with more than 8 judgments follow `itemGeneric` there
// (`longItemK`); items that are clamped or underflow are handed back to JavaScript (`slowItem`, the generic per-item
// code), and `log` is JavaScript's Math.log, so no number depends on which path ran. Every pointer is a byte offset into the imported memory; `cell`
// holds element offsets (w·K + g)·K into the [worker][given][true] tables θ and counts.
//
// It also holds the first M-step's accumulation (`accumulateK`) and the M-step of the workers without pooling
// (`normalizeK`), likewise bit for bit `accumulateOneThread` and `normalizeWorkers` in `dawid-skene-em.ts`.
//
// The file is not TypeScript for tsc (it uses AssemblyScript's v128, f64x2, load<T>); the compiled bytes are
// committed in `dawid-skene-sweep-wasm.generated.ts`. After an edit, regenerate them with
//   node --import tsx src/quality/test-support/build-sweep-wasm.ts
// (`dawid-skene-wasm.test.ts` fails while the committed bytes are stale).

@external("env", "log") declare function jsLog(x: f64): f64;
@external("env", "slowItem") declare function slowItem(i: i32, s: i32, e: i32): f64;

// One sweep over items 0 … nItems−1 for a class count K known when the function is inlined (each export below
// passes a constant, so the K tests fold away). Returns the log-likelihood of the fast items plus slowItem's.
@inline
function sweepK(K: i32, nItems: i32, start: usize, cell: usize, gold: usize, theta: usize, pi: usize, post: usize, counts: usize, priorCounts: usize): f64 {
  const zero = f64x2.splat(0);
  let ll: f64 = 0;
  let prod: f64 = 1;
  const pi01 = v128.load(pi);
  const pi23 = K >= 4 ? v128.load(pi, 16) : zero;
  const pi45 = K >= 6 ? v128.load(pi, 32) : zero;
  const piOdd: f64 = K == 3 ? load<f64>(pi, 16) : K == 5 ? load<f64>(pi, 32) : 0;
  let pc01 = zero;
  let pc23 = zero;
  let pc45 = zero;
  let pcOdd: f64 = 0;
  let e = load<i32>(start);
  for (let i = 0; i < nItems; i++) {
    const s = e;
    e = load<i32>(start + ((<usize>i + 1) << 2));
    if (load<i32>(gold + (<usize>i << 2)) >= 0) {
      ll += slowItem(i, s, e);
      continue;
    }
    if (e - s > 8) {
      ll += longItemK(K, i, s, e, cell, theta, pi, post, counts, priorCounts);
      continue;
    }
    // E-step: r_t = π_t · Π θ[w][g][t] over the item's judgments.
    let r01 = pi01;
    let r23 = pi23;
    let r45 = pi45;
    let rOdd = piOdd;
    for (let p = s; p < e; p++) {
      const c = theta + (<usize>load<i32>(cell + (<usize>p << 2)) << 3);
      r01 = f64x2.mul(r01, v128.load(c));
      if (K >= 4) r23 = f64x2.mul(r23, v128.load(c, 16));
      if (K >= 6) r45 = f64x2.mul(r45, v128.load(c, 32));
      if (K == 3) rOdd *= load<f64>(c, 16);
      if (K == 5) rOdd *= load<f64>(c, 32);
    }
    // Σ_t r_t, added left to right as the JavaScript sweep does.
    let sum = f64x2.extract_lane(r01, 0) + f64x2.extract_lane(r01, 1);
    if (K == 3) sum += rOdd;
    if (K >= 4) {
      sum += f64x2.extract_lane(r23, 0);
      sum += f64x2.extract_lane(r23, 1);
    }
    if (K == 5) sum += rOdd;
    if (K >= 6) {
      sum += f64x2.extract_lane(r45, 0);
      sum += f64x2.extract_lane(r45, 1);
    }
    if (!(sum > 0)) {
      ll += slowItem(i, s, e);
      continue;
    }
    const inv = 1 / sum;
    const vinv = f64x2.splat(inv);
    r01 = f64x2.mul(r01, vinv);
    if (K >= 4) r23 = f64x2.mul(r23, vinv);
    if (K >= 6) r45 = f64x2.mul(r45, vinv);
    rOdd *= inv;
    const o = post + ((<usize>i * <usize>K) << 3);
    v128.store(o, r01);
    if (K == 3) store<f64>(o, rOdd, 16);
    if (K >= 4) v128.store(o, r23, 16);
    if (K == 5) store<f64>(o, rOdd, 32);
    if (K >= 6) v128.store(o, r45, 32);
    pc01 = f64x2.add(pc01, r01);
    if (K >= 4) pc23 = f64x2.add(pc23, r23);
    if (K >= 6) pc45 = f64x2.add(pc45, r45);
    pcOdd += rOdd;
    // M-step accumulation: counts[w][g][t] += T_it.
    for (let p = s; p < e; p++) {
      const c = counts + (<usize>load<i32>(cell + (<usize>p << 2)) << 3);
      v128.store(c, f64x2.add(v128.load(c), r01));
      if (K >= 4) v128.store(c, f64x2.add(v128.load(c, 16), r23), 16);
      if (K >= 6) v128.store(c, f64x2.add(v128.load(c, 32), r45), 32);
      if (K == 3) store<f64>(c, load<f64>(c, 16) + rOdd, 16);
      if (K == 5) store<f64>(c, load<f64>(c, 32) + rOdd, 32);
    }
    // The log-likelihood: one log per ~100 items, of a running product of the evidences.
    prod *= sum;
    if (prod < 1e-250) {
      ll += jsLog(prod);
      prod = 1;
    }
  }
  v128.store(priorCounts, f64x2.add(v128.load(priorCounts), pc01));
  if (K >= 4) v128.store(priorCounts, f64x2.add(v128.load(priorCounts, 16), pc23), 16);
  if (K >= 6) v128.store(priorCounts, f64x2.add(v128.load(priorCounts, 32), pc45), 32);
  if (K == 3) store<f64>(priorCounts, load<f64>(priorCounts, 16) + pcOdd, 16);
  if (K == 5) store<f64>(priorCounts, load<f64>(priorCounts, 32) + pcOdd, 32);
  return ll + jsLog(prod);
}

// An item with more than 8 judgments: `itemGeneric` of `dawid-skene-sweep.ts`, operation for operation (the product
// rescaled by its maximum after every 8th judgment once below 1e-100, the prior counts added at once, the item's
// log-evidence returned); an item whose product still underflows goes to `slowItem`, as there.
@inline
function longItemK(K: i32, i: i32, s: i32, e: i32, cell: usize, theta: usize, pi: usize, post: usize, counts: usize, priorCounts: usize): f64 {
  const zero = f64x2.splat(0);
  let r01 = v128.load(pi);
  let r23 = K >= 4 ? v128.load(pi, 16) : zero;
  let r45 = K >= 6 ? v128.load(pi, 32) : zero;
  let rOdd: f64 = K == 3 ? load<f64>(pi, 16) : K == 5 ? load<f64>(pi, 32) : 0;
  let logScale: f64 = 0;
  for (let p = s; p < e; p++) {
    const c = theta + (<usize>load<i32>(cell + (<usize>p << 2)) << 3);
    r01 = f64x2.mul(r01, v128.load(c));
    if (K >= 4) r23 = f64x2.mul(r23, v128.load(c, 16));
    if (K >= 6) r45 = f64x2.mul(r45, v128.load(c, 32));
    if (K == 3) rOdd *= load<f64>(c, 16);
    if (K == 5) rOdd *= load<f64>(c, 32);
    if (((p - s) & 7) == 7) {
      // m = the largest r_t (all ≥ 0), found as the JavaScript loop finds it.
      let m: f64 = 0;
      let x = f64x2.extract_lane(r01, 0);
      if (x > m) m = x;
      x = f64x2.extract_lane(r01, 1);
      if (x > m) m = x;
      if (K == 3 && rOdd > m) m = rOdd;
      if (K >= 4) {
        x = f64x2.extract_lane(r23, 0);
        if (x > m) m = x;
        x = f64x2.extract_lane(r23, 1);
        if (x > m) m = x;
      }
      if (K == 5 && rOdd > m) m = rOdd;
      if (K >= 6) {
        x = f64x2.extract_lane(r45, 0);
        if (x > m) m = x;
        x = f64x2.extract_lane(r45, 1);
        if (x > m) m = x;
      }
      if (m > 0 && m < 1e-100) {
        const inv = 1 / m;
        const vinv = f64x2.splat(inv);
        r01 = f64x2.mul(r01, vinv);
        if (K >= 4) r23 = f64x2.mul(r23, vinv);
        if (K >= 6) r45 = f64x2.mul(r45, vinv);
        rOdd *= inv;
        logScale += jsLog(m);
      }
    }
  }
  let sum = f64x2.extract_lane(r01, 0) + f64x2.extract_lane(r01, 1);
  if (K == 3) sum += rOdd;
  if (K >= 4) {
    sum += f64x2.extract_lane(r23, 0);
    sum += f64x2.extract_lane(r23, 1);
  }
  if (K == 5) sum += rOdd;
  if (K >= 6) {
    sum += f64x2.extract_lane(r45, 0);
    sum += f64x2.extract_lane(r45, 1);
  }
  if (!(sum > 0 && sum < Infinity)) return slowItem(i, s, e);
  const inv = 1 / sum;
  const vinv = f64x2.splat(inv);
  r01 = f64x2.mul(r01, vinv);
  if (K >= 4) r23 = f64x2.mul(r23, vinv);
  if (K >= 6) r45 = f64x2.mul(r45, vinv);
  rOdd *= inv;
  const o = post + ((<usize>i * <usize>K) << 3);
  v128.store(o, r01);
  if (K == 3) store<f64>(o, rOdd, 16);
  if (K >= 4) v128.store(o, r23, 16);
  if (K == 5) store<f64>(o, rOdd, 32);
  if (K >= 6) v128.store(o, r45, 32);
  v128.store(priorCounts, f64x2.add(v128.load(priorCounts), r01));
  if (K >= 4) v128.store(priorCounts, f64x2.add(v128.load(priorCounts, 16), r23), 16);
  if (K >= 6) v128.store(priorCounts, f64x2.add(v128.load(priorCounts, 32), r45), 32);
  if (K == 3) store<f64>(priorCounts, load<f64>(priorCounts, 16) + rOdd, 16);
  if (K == 5) store<f64>(priorCounts, load<f64>(priorCounts, 32) + rOdd, 32);
  for (let p = s; p < e; p++) {
    const c = counts + (<usize>load<i32>(cell + (<usize>p << 2)) << 3);
    v128.store(c, f64x2.add(v128.load(c), r01));
    if (K >= 4) v128.store(c, f64x2.add(v128.load(c, 16), r23), 16);
    if (K >= 6) v128.store(c, f64x2.add(v128.load(c, 32), r45), 32);
    if (K == 3) store<f64>(c, load<f64>(c, 16) + rOdd, 16);
    if (K == 5) store<f64>(c, load<f64>(c, 32) + rOdd, 32);
  }
  return logScale + jsLog(sum);
}

// The M-step accumulation alone from a given posterior (the first M-step, from the soft majority vote): `accumulate`
// of `dawid-skene-em.ts`, the same additions in the same order. Clamped items need nothing special here.
@inline
function accumulateK(K: i32, nItems: i32, start: usize, cell: usize, post: usize, counts: usize, priorCounts: usize): void {
  const zero = f64x2.splat(0);
  let pc01 = v128.load(priorCounts);
  let pc23 = K >= 4 ? v128.load(priorCounts, 16) : zero;
  let pc45 = K >= 6 ? v128.load(priorCounts, 32) : zero;
  let pcOdd: f64 = K == 3 ? load<f64>(priorCounts, 16) : K == 5 ? load<f64>(priorCounts, 32) : 0;
  let e = load<i32>(start);
  for (let i = 0; i < nItems; i++) {
    const s = e;
    e = load<i32>(start + ((<usize>i + 1) << 2));
    const o = post + ((<usize>i * <usize>K) << 3);
    const r01 = v128.load(o);
    const r23 = K >= 4 ? v128.load(o, 16) : zero;
    const r45 = K >= 6 ? v128.load(o, 32) : zero;
    const rOdd: f64 = K == 3 ? load<f64>(o, 16) : K == 5 ? load<f64>(o, 32) : 0;
    pc01 = f64x2.add(pc01, r01);
    if (K >= 4) pc23 = f64x2.add(pc23, r23);
    if (K >= 6) pc45 = f64x2.add(pc45, r45);
    pcOdd += rOdd;
    for (let p = s; p < e; p++) {
      const c = counts + (<usize>load<i32>(cell + (<usize>p << 2)) << 3);
      v128.store(c, f64x2.add(v128.load(c), r01));
      if (K >= 4) v128.store(c, f64x2.add(v128.load(c, 16), r23), 16);
      if (K >= 6) v128.store(c, f64x2.add(v128.load(c, 32), r45), 32);
      if (K == 3) store<f64>(c, load<f64>(c, 16) + rOdd, 16);
      if (K == 5) store<f64>(c, load<f64>(c, 32) + rOdd, 32);
    }
  }
  v128.store(priorCounts, pc01);
  if (K >= 4) v128.store(priorCounts, pc23, 16);
  if (K >= 6) v128.store(priorCounts, pc45, 32);
  if (K == 3) store<f64>(priorCounts, pcOdd, 16);
  if (K == 5) store<f64>(priorCounts, pcOdd, 32);
}

// The M-step for workers 0 … nWorkers−1 without pooling: `normalizeWorkers` of `dawid-skene-em.ts`, the same
// operations in the same order: colSum_t = (K·a + a_d) + Σ_g counts[g][t] (added g by g), inv_t = 1/colSum_t (0 when
// colSum_t ≤ 0), θ[g][t] = (counts[g][t] + a (+ a_d when g = t))·inv_t, or 1/K where inv_t is 0. `init` is K·a + a_d
// and `uniform` 1/K, as JavaScript computed them. (JavaScript's further "+ 0" terms leave these numbers unchanged.)
@inline
function normalizeK(K: i32, nWorkers: i32, counts: usize, theta: usize, a: f64, ad: f64, init: f64, uniform: f64): void {
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  const va = f64x2.splat(a);
  const vu = f64x2.splat(uniform);
  const vinit = f64x2.splat(init);
  const rowBytes = <usize>K << 3;
  for (let w = 0; w < nWorkers; w++) {
    const base = <usize>w * <usize>K * rowBytes;
    let s01 = vinit;
    let s23 = vinit;
    let s45 = vinit;
    let sOdd = init;
    for (let g = 0; g < K; g++) {
      const row = counts + base + <usize>g * rowBytes;
      s01 = f64x2.add(s01, v128.load(row));
      if (K >= 4) s23 = f64x2.add(s23, v128.load(row, 16));
      if (K >= 6) s45 = f64x2.add(s45, v128.load(row, 32));
      if (K == 3) sOdd += load<f64>(row, 16);
      if (K == 5) sOdd += load<f64>(row, 32);
    }
    // inv_t = colSum_t > 0 ? 1 / colSum_t : 0
    const i01 = v128.bitselect(f64x2.div(one, s01), zero, f64x2.gt(s01, zero));
    const i23 = K >= 4 ? v128.bitselect(f64x2.div(one, s23), zero, f64x2.gt(s23, zero)) : zero;
    const i45 = K >= 6 ? v128.bitselect(f64x2.div(one, s45), zero, f64x2.gt(s45, zero)) : zero;
    const iOdd: f64 = sOdd > 0 ? 1 / sOdd : 0;
    const m01 = f64x2.gt(i01, zero);
    const m23 = f64x2.gt(i23, zero);
    const m45 = f64x2.gt(i45, zero);
    for (let g = 0; g < K; g++) {
      const row = counts + base + <usize>g * rowBytes;
      const out = theta + base + <usize>g * rowBytes;
      v128.store(out, v128.bitselect(f64x2.mul(f64x2.add(v128.load(row), va), i01), vu, m01));
      if (K >= 4) v128.store(out, v128.bitselect(f64x2.mul(f64x2.add(v128.load(row, 16), va), i23), vu, m23), 16);
      if (K >= 6) v128.store(out, v128.bitselect(f64x2.mul(f64x2.add(v128.load(row, 32), va), i45), vu, m45), 32);
      if (K == 3) store<f64>(out, iOdd > 0 ? (load<f64>(row, 16) + a) * iOdd : uniform, 16);
      if (K == 5) store<f64>(out, iOdd > 0 ? (load<f64>(row, 32) + a) * iOdd : uniform, 32);
      // The diagonal cell also gets a_d.
      const gt = <usize>g << 3;
      const inv = lane(K, g, i01, i23, i45, iOdd);
      store<f64>(out + gt, inv > 0 ? (load<f64>(row + gt) + a + ad) * inv : uniform);
    }
  }
}

// inv_g of the pairs above (lane g of i01, i23, i45, or iOdd for the last class when K is odd).
@inline
function lane(K: i32, g: i32, i01: v128, i23: v128, i45: v128, iOdd: f64): f64 {
  if (g == 0) return f64x2.extract_lane(i01, 0);
  if (g == 1) return f64x2.extract_lane(i01, 1);
  if (g == 2) return K == 3 ? iOdd : f64x2.extract_lane(i23, 0);
  if (g == 3) return f64x2.extract_lane(i23, 1);
  if (g == 4) return K == 5 ? iOdd : f64x2.extract_lane(i45, 0);
  return f64x2.extract_lane(i45, 1);
}

export function sweep2(nItems: i32, start: usize, cell: usize, gold: usize, theta: usize, pi: usize, post: usize, counts: usize, priorCounts: usize): f64 {
  return sweepK(2, nItems, start, cell, gold, theta, pi, post, counts, priorCounts);
}

export function sweep3(nItems: i32, start: usize, cell: usize, gold: usize, theta: usize, pi: usize, post: usize, counts: usize, priorCounts: usize): f64 {
  return sweepK(3, nItems, start, cell, gold, theta, pi, post, counts, priorCounts);
}

export function sweep4(nItems: i32, start: usize, cell: usize, gold: usize, theta: usize, pi: usize, post: usize, counts: usize, priorCounts: usize): f64 {
  return sweepK(4, nItems, start, cell, gold, theta, pi, post, counts, priorCounts);
}

export function sweep5(nItems: i32, start: usize, cell: usize, gold: usize, theta: usize, pi: usize, post: usize, counts: usize, priorCounts: usize): f64 {
  return sweepK(5, nItems, start, cell, gold, theta, pi, post, counts, priorCounts);
}

export function sweep6(nItems: i32, start: usize, cell: usize, gold: usize, theta: usize, pi: usize, post: usize, counts: usize, priorCounts: usize): f64 {
  return sweepK(6, nItems, start, cell, gold, theta, pi, post, counts, priorCounts);
}

export function accumulate2(nItems: i32, start: usize, cell: usize, post: usize, counts: usize, priorCounts: usize): void {
  accumulateK(2, nItems, start, cell, post, counts, priorCounts);
}

export function accumulate3(nItems: i32, start: usize, cell: usize, post: usize, counts: usize, priorCounts: usize): void {
  accumulateK(3, nItems, start, cell, post, counts, priorCounts);
}

export function accumulate4(nItems: i32, start: usize, cell: usize, post: usize, counts: usize, priorCounts: usize): void {
  accumulateK(4, nItems, start, cell, post, counts, priorCounts);
}

export function accumulate5(nItems: i32, start: usize, cell: usize, post: usize, counts: usize, priorCounts: usize): void {
  accumulateK(5, nItems, start, cell, post, counts, priorCounts);
}

export function accumulate6(nItems: i32, start: usize, cell: usize, post: usize, counts: usize, priorCounts: usize): void {
  accumulateK(6, nItems, start, cell, post, counts, priorCounts);
}

export function normalize2(nWorkers: i32, counts: usize, theta: usize, a: f64, ad: f64, init: f64, uniform: f64): void {
  normalizeK(2, nWorkers, counts, theta, a, ad, init, uniform);
}

export function normalize3(nWorkers: i32, counts: usize, theta: usize, a: f64, ad: f64, init: f64, uniform: f64): void {
  normalizeK(3, nWorkers, counts, theta, a, ad, init, uniform);
}

export function normalize4(nWorkers: i32, counts: usize, theta: usize, a: f64, ad: f64, init: f64, uniform: f64): void {
  normalizeK(4, nWorkers, counts, theta, a, ad, init, uniform);
}

export function normalize5(nWorkers: i32, counts: usize, theta: usize, a: f64, ad: f64, init: f64, uniform: f64): void {
  normalizeK(5, nWorkers, counts, theta, a, ad, init, uniform);
}

export function normalize6(nWorkers: i32, counts: usize, theta: usize, a: f64, ad: f64, init: f64, uniform: f64): void {
  normalizeK(6, nWorkers, counts, theta, a, ad, init, uniform);
}
