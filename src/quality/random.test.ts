import { describe, expect, it } from 'vitest';
import { createRng } from './random.js';

describe('createRng', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(xs);
  });
  it('draws uniforms in [0, 1) with mean ½ and variance 1/12', () => {
    const rng = createRng(1);
    let s = 0;
    let s2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      s += u;
      s2 += u * u;
    }
    // Standard errors: 1/√(12n) ≈ 0.00065 for the mean; tolerances are ~5 SE.
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 3);
  });
  it('draws integers without bias over a range that does not divide 2^32', () => {
    const rng = createRng(2);
    const counts = new Array<number>(3).fill(0);
    for (let i = 0; i < 90_000; i++) counts[rng.nextInt(3)]!++;
    for (const c of counts) expect(Math.abs(c - 30_000)).toBeLessThan(700); // SD ≈ 141
  });
  it('draws standard normals with mean 0, variance 1 and the right tail mass', () => {
    const rng = createRng(3);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      s += z;
      s2 += z * z;
      if (z > 1.959964) tail++;
    }
    expect(s / n).toBeCloseTo(0, 2);
    expect(s2 / n).toBeCloseTo(1, 1);
    expect(tail / n).toBeCloseTo(0.025, 2);
  });
});
