/** How `assay serve` serves the built web app: deep links open the app, assets are cached, the API keeps JSON 404s. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/api/app.js';
import { makeDeps } from '../src/services/deps.js';
import { createTestStore } from './support/databases.js';

describe('serving the web app', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'assay-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Assay app</title>');
    writeFileSync(join(root, 'assets', 'main-abc123.js'), 'console.log(1)');
    const t = await createTestStore('sqlite');
    close = t.close;
    app = await buildApp({ deps: makeDeps(t.store), webRoot: root });
  });
  afterAll(async () => {
    await app.close();
    await close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers a deep link with the app, uncached', async () => {
    const res = await app.inject({ method: 'GET', url: '/annotate/prj_123?x=1', headers: { accept: 'text/html,*/*' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Assay app');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets for good', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('keeps JSON 404s for the API and for non-page requests', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/v1/no-such-route', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(401); // the API asks who is calling before it looks for the route
    const asset = await app.inject({ method: 'GET', url: '/assets/missing.js', headers: { accept: '*/*' } });
    expect(asset.statusCode).toBe(404);
    expect(asset.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /assets/missing.js' } });
    const post = await app.inject({ method: 'POST', url: '/annotate', headers: { accept: 'text/html' } });
    expect(post.statusCode).toBe(404);
  });
});
