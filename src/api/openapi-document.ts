/**
 * The OpenAPI document of this version of the API, built without a database or a listening socket: the source
 * from which the web app's typed client is generated (`npm run api:types`) and against which a test checks it.
 */
import { buildApp } from './app.js';
import { openStore } from '../store/db.js';
import { makeDeps } from '../services/deps.js';

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const store = await openStore('sqlite::memory:');
  try {
    const app = await buildApp({ deps: makeDeps(store) });
    try {
      await app.ready();
      return app.swagger() as unknown as Record<string, unknown>;
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
  }
}
