/**
 * Standard errors of log-strengths from a Fisher information matrix with the structure of a weighted graph
 * Laplacian: I = Σ_c w_c (e_i − e_j)(e_i − e_j)ᵀ (+ a diagonal from a prior).
 *
 * Without a prior, I is singular along 1 (strengths are identified up to a common factor) and the scores are centred;
 * the covariance of centred scores is the Moore–Penrose inverse I⁺ = (I + 11ᵀ/n)⁻¹ − 11ᵀ/n. With a prior the diagonal
 * makes I invertible and the covariance is I⁻¹. Dense Cholesky, O(n³) time and O(n²) memory, so it is skipped above
 * `maxObjects`. Disconnected comparison graphs have no finite errors between components (reported as NaN).
 */

/** Symmetric n × n matrix, row-major. */
export function invertSpd(a: Float64Array, n: number): Float64Array | undefined {
  // Cholesky A = L Lᵀ, then A⁻¹ = L⁻ᵀ L⁻¹.
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2;
    if (!(d > 1e-12 * Math.max(1, Math.abs(a[j * n + j]!)))) return undefined;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / ljj;
    }
  }
  // Invert L (lower triangular) in place into m.
  const m = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    m[j * n + j] = 1 / l[j * n + j]!;
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i * n + k]! * m[k * n + j]!;
      m[i * n + j] = s / l[i * n + i]!;
    }
  }
  // A⁻¹ = Mᵀ M.
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += m[k * n + i]! * m[k * n + j]!;
      inv[i * n + j] = s;
      inv[j * n + i] = s;
    }
  return inv;
}

/** Standard errors sqrt(diag(Cov)) from the information matrix `info` (n × n), singular along 1 unless `anchored`. */
export function standardErrorsFromInformation(info: Float64Array, n: number, anchored: boolean): Float64Array {
  const a = Float64Array.from(info);
  if (!anchored) for (let x = 0; x < n * n; x++) a[x]! += 1 / n;
  const inv = invertSpd(a, n);
  const se = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = inv === undefined ? NaN : inv[i * n + i]! - (anchored ? 0 : 1 / n);
    se[i] = v > 0 ? Math.sqrt(v) : NaN;
  }
  return se;
}
