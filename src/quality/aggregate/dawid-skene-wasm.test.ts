import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSweepWasm, GENERATED, renderGenerated } from '../test-support/build-sweep-wasm.js';

describe('the committed WebAssembly sweep', () => {
  it('is what dawid-skene-sweep.as compiles to (regenerate with src/quality/test-support/build-sweep-wasm.ts)', async () => {
    const fresh = renderGenerated(await compileSweepWasm());
    expect(readFileSync(GENERATED, 'utf8')).toBe(fresh);
  });
});
