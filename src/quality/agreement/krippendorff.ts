/**
 * Krippendorff's alpha, for nominal, ordinal, interval and ratio data, with missing values.
 *
 * Definition (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011, repository.upenn.edu/asc_papers/43;
 * Krippendorff, Content Analysis, 4th ed., SAGE 2019, ch. 12; Hayes & Krippendorff, Communication Methods and
 * Measures 1(1):77–89, 2007, doi:10.1080/19312450709336664). Only units with at least two values ("pairable") count.
 * With m_u values in unit u, the coincidence matrix is o_ck = Σ_u (number of ordered c–k pairs of values in u)/(m_u − 1),
 * n_c = Σ_k o_ck and n = Σ_c n_c (the number of pairable values). Then
 *   α = 1 − D_o / D_e = 1 − (n − 1) · Σ_{c,k} o_ck δ²_ck / Σ_{c,k} n_c n_k δ²_ck
 * with the difference function δ² of the level of measurement:
 *   nominal  δ² = [c ≠ k]
 *   ordinal  δ² = (Σ_{g from c to k} n_g − (n_c + n_k)/2)²       (ranks of the observed values, with their counts)
 *   interval δ² = (c − k)²
 *   ratio    δ² = ((c − k)/(c + k))²
 * Cost: O(Σ_u d_u² + V²) for d_u distinct values in unit u and V distinct values overall.
 *
 * Confidence interval: a percentile bootstrap over units (units are resampled with replacement, α recomputed;
 * Efron & Tibshirani 1993, ch. 13; the unit bootstrap recommended for alpha by Zapf, Castell, Morawietz & Karch,
 * BMC Med. Res. Methodol. 16:93, 2016, doi:10.1186/s12874-016-0200-9), seeded, so the same seed gives the same interval.
 * Krippendorff's own bootstrap (resampling pairs of values) answers a different question and is not implemented.
 */
import { createRng } from '../random.js';
import { MEASUREMENT_LEVELS, type MeasurementLevel } from '../../core/agreement.js';

// The levels are the domain's vocabulary (core/agreement.ts); the engine's callers keep importing them from here.
export { MEASUREMENT_LEVELS, type MeasurementLevel };

/** Reliability data: one value per (unit, coder) judgment; missing judgments are simply absent. */
export interface ReliabilityData {
  /** Unit index of each value, in `0..nUnits-1`. */
  readonly unit: Int32Array;
  /** The value (a class index for nominal data, a number otherwise). */
  readonly value: Float64Array;
  readonly nUnits: number;
}

export interface AlphaResult {
  readonly alpha: number;
  readonly level: MeasurementLevel;
  /** Observed and expected disagreement, D_o and D_e. */
  readonly observed: number;
  readonly expected: number;
  /** Pairable units (with two values or more). */
  readonly nUnits: number;
  /** Pairable values n, the sample size of the coincidence matrix. */
  readonly nValues: number;
}

export interface AlphaInterval extends AlphaResult {
  readonly lower: number;
  readonly upper: number;
  /** Confidence level, e.g. 0.95. */
  readonly confidence: number;
  /** Bootstrap replicates used (replicates where α is undefined are dropped). */
  readonly replicates: number;
}

/** Per-unit value counts in compact form, computed once and reused by the bootstrap. */
interface Prepared {
  /** Distinct values, sorted ascending. */
  readonly values: Float64Array;
  /** For each pairable unit: offsets into `vIdx`/`cnt`. */
  readonly start: Int32Array;
  readonly vIdx: Int32Array;
  readonly cnt: Float64Array;
  readonly m: Float64Array;
}

function prepare(data: ReliabilityData): Prepared {
  const { unit, value, nUnits } = data;
  if (unit.length !== value.length) throw new RangeError('unit and value must have the same length');
  for (let o = 0; o < unit.length; o++) {
    if (unit[o]! < 0 || unit[o]! >= nUnits) throw new RangeError(`value ${o}: unit ${unit[o]} outside 0..${nUnits - 1}`);
    if (!Number.isFinite(value[o]!)) throw new RangeError(`value ${o} is not a finite number`);
  }
  const values = Float64Array.from(new Set(value)).sort();
  const index = new Map<number, number>();
  values.forEach((v, k) => index.set(v, k));
  const byUnit: Map<number, number>[] = Array.from({ length: nUnits }, () => new Map());
  for (let o = 0; o < unit.length; o++) {
    const m = byUnit[unit[o]!]!;
    const k = index.get(value[o]!)!;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  const starts: number[] = [0];
  const vIdx: number[] = [];
  const cnt: number[] = [];
  const ms: number[] = [];
  for (const m of byUnit) {
    let total = 0;
    for (const c of m.values()) total += c;
    if (total < 2) continue;
    for (const [k, c] of m) {
      vIdx.push(k);
      cnt.push(c);
    }
    starts.push(vIdx.length);
    ms.push(total);
  }
  return { values, start: Int32Array.from(starts), vIdx: Int32Array.from(vIdx), cnt: Float64Array.from(cnt), m: Float64Array.from(ms) };
}

/** δ² between distinct values a and b (indices into `values`) given the marginals n_c. */
function deltaMatrix(level: MeasurementLevel, values: Float64Array, nc: Float64Array): Float64Array {
  const V = values.length;
  const d = new Float64Array(V * V);
  let cum: Float64Array | undefined;
  if (level === 'ordinal') {
    cum = new Float64Array(V + 1);
    for (let k = 0; k < V; k++) cum[k + 1] = cum[k]! + nc[k]!;
  }
  for (let a = 0; a < V; a++) {
    for (let b = a + 1; b < V; b++) {
      const c = values[a]!;
      const k = values[b]!;
      let x: number;
      switch (level) {
        case 'nominal':
          x = 1;
          break;
        case 'ordinal': {
          const s = cum![b + 1]! - cum![a]! - (nc[a]! + nc[b]!) / 2;
          x = s * s;
          break;
        }
        case 'interval':
          x = (c - k) * (c - k);
          break;
        case 'ratio':
          x = c + k === 0 ? 0 : ((c - k) / (c + k)) ** 2;
          break;
      }
      d[a * V + b] = x;
      d[b * V + a] = x;
    }
  }
  return d;
}

/** α from prepared data, with unit weights (1 each, or bootstrap multiplicities). */
function alphaFrom(p: Prepared, level: MeasurementLevel, weight?: Float64Array): AlphaResult {
  const V = p.values.length;
  const o = new Float64Array(V * V);
  const nUnitsAll = p.m.length;
  let nUnits = 0;
  let nExact = 0; // Σ_u w_u m_u: the same n as the coincidence matrix's total, without its rounding
  for (let u = 0; u < nUnitsAll; u++) {
    const w = weight === undefined ? 1 : weight[u]!;
    if (w === 0) continue;
    nUnits += w;
    nExact += w * p.m[u]!;
    const f = w / (p.m[u]! - 1);
    for (let x = p.start[u]!; x < p.start[u + 1]!; x++) {
      const a = p.vIdx[x]!;
      const ca = p.cnt[x]!;
      for (let y = p.start[u]!; y < p.start[u + 1]!; y++) {
        const b = p.vIdx[y]!;
        o[a * V + b]! += (x === y ? ca * (ca - 1) : ca * p.cnt[y]!) * f;
      }
    }
  }
  const nc = new Float64Array(V);
  const n = nExact;
  for (let a = 0; a < V; a++) for (let b = 0; b < V; b++) nc[a]! += o[a * V + b]!;
  const d = deltaMatrix(level, p.values, nc);
  let obs = 0;
  let exp = 0;
  for (let a = 0; a < V; a++)
    for (let b = 0; b < V; b++) {
      obs += o[a * V + b]! * d[a * V + b]!;
      exp += nc[a]! * nc[b]! * d[a * V + b]!;
    }
  const Do = n > 0 ? obs / n : NaN;
  const De = n > 1 ? exp / (n * (n - 1)) : NaN;
  return { alpha: De > 0 ? 1 - Do / De : NaN, level, observed: Do, expected: De, nUnits, nValues: n };
}

/** Krippendorff's alpha at the given level of measurement (NaN when there is no pairable variation). */
export function krippendorffAlpha(data: ReliabilityData, level: MeasurementLevel = 'nominal'): AlphaResult {
  return alphaFrom(prepare(data), level);
}

export interface AlphaBootstrapOptions {
  readonly level?: MeasurementLevel;
  /** Number of bootstrap replicates (default 1000). */
  readonly replicates?: number;
  /** Confidence level (default 0.95). */
  readonly confidence?: number;
  /** Seed of the resampling (default 0). */
  readonly seed?: number;
}

/** Alpha with a seeded percentile-bootstrap confidence interval over units. */
export function krippendorffAlphaInterval(data: ReliabilityData, opts: AlphaBootstrapOptions = {}): AlphaInterval {
  const level = opts.level ?? 'nominal';
  const B = opts.replicates ?? 1000;
  const confidence = opts.confidence ?? 0.95;
  if (!(Number.isInteger(B) && B >= 1)) throw new RangeError('replicates must be a positive integer');
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('confidence must be in (0, 1)');
  const p = prepare(data);
  const point = alphaFrom(p, level);
  const U = p.m.length;
  const rng = createRng(opts.seed ?? 0);
  const weight = new Float64Array(U);
  const boot: number[] = [];
  for (let b = 0; b < B && U > 0; b++) {
    weight.fill(0);
    for (let u = 0; u < U; u++) weight[rng.nextInt(U)]!++;
    const a = alphaFrom(p, level, weight).alpha;
    if (!Number.isNaN(a)) boot.push(a);
  }
  boot.sort((x, y) => x - y);
  const q = (prob: number): number => {
    if (boot.length === 0) return NaN;
    // Type-7 quantile (linear interpolation between order statistics), as R's default.
    const h = (boot.length - 1) * prob;
    const lo = Math.floor(h);
    return boot[lo]! + (h - lo) * ((boot[Math.min(lo + 1, boot.length - 1)] ?? boot[lo]!) - boot[lo]!);
  };
  return { ...point, lower: q((1 - confidence) / 2), upper: q(1 - (1 - confidence) / 2), confidence, replicates: boot.length };
}
