/** The OpenAPI document is what clients (the web app's typed client, labs' scripts) are generated from: it must be valid. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createTestStore } from './support/databases.js';
import { buildApp } from '../src/api/app.js';
import { makeDeps } from '../src/services/deps.js';
import { PUBLIC_ROUTES } from './support/access.js';
import type { FastifyInstance } from 'fastify';

describe('the OpenAPI document', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const t = await createTestStore('sqlite');
    close = t.close;
    app = await buildApp({ deps: makeDeps(t.store) });
  });
  afterAll(async () => {
    await app.close();
    await close();
  });

  it('is a valid OpenAPI 3.1 document describing every API route', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    const result = await new Validator().validate(spec);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // The check can fail: the same document without its required `info` is refused.
    const { info: _info, ...broken } = spec as typeof spec & { info: unknown };
    expect((await new Validator().validate(broken)).valid).toBe(false);
    expect(spec.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/auth/login', '/api/v1/projects/{projectId}/items', '/api/v1/projects/{projectId}/tasks/next', '/api/v1/tasks/{assignmentId}/submit', '/api/v1/projects/{projectId}/export']) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    // Every operation documents the error body.
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const responses = (op as { responses: Record<string, unknown> }).responses;
        if (!PUBLIC_ROUTES.has(`${method.toUpperCase()} ${path}`)) expect(Object.keys(responses), `${method} ${path}`).toContain('401');
      }
    }
  });
});
