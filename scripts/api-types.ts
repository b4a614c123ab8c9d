/**
 * Writes `web/src/api/schema.d.ts`, the TypeScript types of the API the web app's client is typed with, from the
 * OpenAPI document the server builds. Run after changing a route: `npm run api:types`. `test/web-client.test.ts`
 * fails when the committed file differs from what this would write.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateApiTypes } from './api-types-source.js';

const target = fileURLToPath(new URL('../web/src/api/schema.d.ts', import.meta.url));
writeFileSync(target, await generateApiTypes());
console.log(`wrote ${target}`);
