/**
 * The README's quick start, as a newcomer meets it: `npm start`'s entry point (`assay serve`) on a fresh data dir
 * seeds the demo and prints credentials; the demo annotator logs in with them and submits a label.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, api, type ServerProcess } from './support/server-process.js';

describe('quick start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'assay-quickstart-'));
  let server: ServerProcess | undefined;
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    if (server) await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves on SQLite under the data dir with a demo an annotator can label at once', async () => {
    const env = { ...process.env } as Record<string, string>;
    delete env.DATABASE_URL;
    delete env.ASSAY_SECRET;
    server = await startServer({ ...env, ASSAY_DATA_DIR: dataDir });
    const out = server.output();
    expect(out).toContain('Assay is running at');
    expect(existsSync(join(dataDir, 'assay.db'))).toBe(true);

    const line = out.split('\n').find((l) => l.includes('annotator1@demo.assay'));
    expect(line).toBeDefined();
    const password = line!.trim().split(/\s+/)[2]!;

    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'annotator1@demo.assay', password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const auth = { cookie };

    const projects = await api(server.url, 'GET', '/api/v1/projects', undefined, auth);
    expect(projects.status).toBe(200);
    expect(projects.json.items).toHaveLength(1);
    const projectId = projects.json.items[0].id;
    const schema = await api(server.url, 'GET', `/api/v1/projects/${projectId}/schema`, undefined, auth);
    expect(schema.json.schema.questions.map((q: { id: string }) => q.id)).toEqual(['sentiment', 'preference', 'rationale']);

    const task = await api(server.url, 'POST', `/api/v1/projects/${projectId}/tasks/next`, {}, auth);
    expect(task.status).toBe(200);
    expect(typeof task.json.item.data.review).toBe('string');
    const submit = await api(
      server.url,
      'POST',
      `/api/v1/tasks/${task.json.assignmentId}/submit`,
      { answers: { sentiment: 'positive', preference: -2 }, timeSpentMs: 8000 },
      auth,
    );
    expect(submit.status).toBe(201);
    expect(submit.json.answers).toEqual({ sentiment: 'positive', preference: -2 });

    const home = await fetch(`${server.url}/`);
    expect(home.status).toBe(200);
    const spec = await api(server.url, 'GET', '/api/v1/openapi.json');
    expect(spec.json.openapi).toBe('3.1.0');
    expect(Object.keys(spec.json.paths).length).toBeGreaterThan(15);
  });
});
