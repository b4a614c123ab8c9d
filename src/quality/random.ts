/**
 * Seeded pseudo-random numbers, so every randomised computation in the engine (restarts, bootstrap, simulation)
 * is reproducible bit for bit. The generator is xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom
 * number generators", ACM TOMS 47(4), 2021, doi:10.1145/3460772), seeded through SplitMix32 so that nearby seeds
 * give unrelated streams. It uses only 32-bit integer arithmetic (`Math.imul`, `>>> 0`), exact in JavaScript.
 * Normal deviates use the Marsaglia polar method (Marsaglia & Bray 1964, doi:10.1137/1006063).
 */

/** A seeded random source. Never shared across threads; one per computation. */
export interface Rng {
  /** Uniform on [0, 1) with 32 bits of randomness. */
  next(): number;
  /** Uniform integer in `0..n-1` (n ≥ 1), without modulo bias. */
  nextInt(n: number): number;
  /** Standard normal deviate. */
  normal(): number;
  /** Raw 32-bit unsigned output. */
  nextUint32(): number;
}

/** Creates a xoshiro128** generator from an integer seed (any JS number; its low 32 bits and high bits are mixed). */
export function createRng(seed: number): Rng {
  let sm = (seed | 0) ^ Math.floor(seed / 4294967296);
  const splitmix = (): number => {
    sm = (sm + 0x9e3779b9) | 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitmix();
  let s1 = splitmix();
  let s2 = splitmix();
  let s3 = splitmix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  let spare = NaN;
  return {
    nextUint32,
    next: () => nextUint32() / 4294967296,
    nextInt(n: number): number {
      if (!(n >= 1) || n > 4294967296) throw new RangeError(`nextInt needs 1 ≤ n ≤ 2^32, got ${n}`);
      // Rejection sampling removes the bias of `x mod n` when n does not divide 2^32.
      const limit = 4294967296 - (4294967296 % n);
      for (;;) {
        const x = nextUint32();
        if (x < limit) return x % n;
      }
    },
    normal(): number {
      if (!Number.isNaN(spare)) {
        const s = spare;
        spare = NaN;
        return s;
      }
      for (;;) {
        const u = 2 * (nextUint32() / 4294967296) - 1;
        const v = 2 * (nextUint32() / 4294967296) - 1;
        const r = u * u + v * v;
        if (r > 0 && r < 1) {
          const f = Math.sqrt((-2 * Math.log(r)) / r);
          spare = v * f;
          return u * f;
        }
      }
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
