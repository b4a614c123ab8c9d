/**
 * A new project measures something unless told otherwise: two judgments per item and one task in ten a hidden gold
 * item (the reason is in the API's schema and in `services/projects/create-project.ts`); asking for k = 1 and no gold still
 * works. Both databases, through the HTTP API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildWorld, labelSchema, type World } from './factories.js';

describe.each(DIALECTS)('new project defaults on %s', (dialect) => {
  let close: () => Promise<void>;
  let w: World;
  beforeAll(async () => {
    let store;
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 0 });
  });
  afterAll(async () => {
    await w?.app.close();
    await close?.();
  });

  it('are overlap 2 and gold rate 0.1, and say why in the OpenAPI document', async () => {
    const res = await w.manager.post('/api/v1/projects', { name: 'Defaults', schema: labelSchema });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ overlapK: 2, goldRate: 0.1 });
    const doc = (await w.manager.get('/api/v1/openapi.json')).json();
    const body = doc.paths['/api/v1/projects'].post.requestBody.content['application/json'].schema.properties;
    expect(body.overlapK.description).toMatch(/New projects: 2\. With two judgments per item a careless or mistaken judgment shows up as a disagreement/);
    expect(body.goldRate.description).toMatch(/New projects: 0\.1\. One task in ten is a hidden gold item .* measures each annotator’s accuracy/);
  });

  it('still take k = 1 and no gold when asked', async () => {
    const res = await w.manager.post('/api/v1/projects', { name: 'Measure nothing', schema: labelSchema, overlapK: 1, goldRate: 0 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ overlapK: 1, goldRate: 0 });
  });
});
