import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unrolledSweepsSource } from './dawid-skene-sweeps-source.js';

describe('the unrolled Dawid–Skene sweeps', () => {
  it('are what the generator writes (run scripts/generate-dawid-skene-sweeps.ts after changing its template)', () => {
    const committed = readFileSync(new URL('../src/quality/aggregate/dawid-skene-sweep-unrolled.generated.ts', import.meta.url), 'utf8');
    expect(committed).toBe(unrolledSweepsSource());
  });
});
