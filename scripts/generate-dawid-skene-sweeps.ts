/**
 * Writes `src/quality/aggregate/dawid-skene-sweep-unrolled.generated.ts` (see ./dawid-skene-sweeps-source.ts). Run
 * after changing the template: `node --import tsx scripts/generate-dawid-skene-sweeps.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unrolledSweepsSource } from './dawid-skene-sweeps-source.js';

const target = fileURLToPath(new URL('../src/quality/aggregate/dawid-skene-sweep-unrolled.generated.ts', import.meta.url));
writeFileSync(target, unrolledSweepsSource());
console.log(`wrote ${target}`);
