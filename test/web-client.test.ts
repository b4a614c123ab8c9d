/**
 * The web app's typed client is generated from the OpenAPI document: the committed types must be what the current
 * routes produce, or the browser would call an API that no longer exists without a type error to say so.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiTypes } from '../scripts/api-types-source.js';

describe('web/src/api/schema.d.ts', () => {
  it('matches the OpenAPI document of the current routes (run `npm run api:types` after changing a route)', async () => {
    const committed = readFileSync(new URL('../web/src/api/schema.d.ts', import.meta.url), 'utf8');
    const fresh = await generateApiTypes();
    expect(fresh.length).toBeGreaterThan(10_000);
    expect(committed === fresh, 'web/src/api/schema.d.ts is stale: run `npm run api:types`').toBe(true);
  });
});
