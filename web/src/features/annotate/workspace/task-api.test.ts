import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../../../api/client';
import type { Task } from '../../../api/types';
import { claimTask, skipTask, submitTask } from './task-api';

// The app calls the API by relative URL; Node's Request needs an absolute one. Installed before the client is built.
vi.hoisted(() => {
  const NodeRequest = globalThis.Request;
  globalThis.Request = class extends NodeRequest {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === 'string' ? new URL(input, 'http://assay.test') : input, init);
    }
  } as typeof Request;
});

const task = (assignmentId: string): Task => ({
  assignmentId,
  projectId: 'prj_1',
  item: { id: `item-${assignmentId}`, data: { review: 'Fine.' } },
  schemaVersion: 1,
  guidelineVersion: 1,
  leaseExpiresAt: '2030-01-01T00:00:00.000Z',
});
const annotation = { id: 'ann_1', assignmentId: 'a1', projectId: 'prj_1', itemId: 'i', annotatorId: 'u', answers: {}, schemaVersion: 1, guidelineVersion: 1, timeSpentMs: 1, clientSignals: {}, createdAt: 'now' };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The server, as a queue of answers; every request is recorded. */
let answers: (() => Response)[] = [];
const requests: Request[] = [];
const server = {
  async onRequest({ request }: { request: Request }) {
    requests.push(request.clone());
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request ${request.method} ${request.url}`);
    return next();
  },
};
beforeEach(() => {
  answers = [];
  requests.length = 0;
  api.use(server);
});
afterEach(() => api.eject(server));

const submission = { answers: { sentiment: 'positive' }, timeSpentMs: 1234.6, signals: { activeMs: 1234.6, pastes: 1, pastedChars: 5, focusLosses: 0, keystrokes: 9 } };

describe('submitTask', () => {
  it('sends one Idempotency-Key per task, the same on a retry, and another for the next task', async () => {
    answers.push(() => json(503, { error: { code: 'internal', message: 'Try again' } }));
    await expect(submitTask(task('a1'), submission)).rejects.toBeInstanceOf(ApiError);
    answers.push(() => json(201, { annotation, next: task('a2'), noTask: null }));
    const claim = await submitTask(task('a1'), submission);
    expect(claim.task?.assignmentId).toBe('a2');
    answers.push(() => json(201, { annotation, next: null, noTask: { reason: 'project_finished', message: 'Done' } }));
    expect(await submitTask(task('a2'), submission)).toEqual({ task: null, noTask: { reason: 'project_finished', message: 'Done' } });

    const keys = requests.map((r) => r.headers.get('idempotency-key'));
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(requests.every((r) => new URL(r.url).searchParams.get('next') === 'true')).toBe(true);
    expect(await requests[1]!.json()).toEqual({
      answers: { sentiment: 'positive' },
      timeSpentMs: 1235,
      clientSignals: { activeMs: 1235, pastes: 1, pastedChars: 5, focusLosses: 0, keystrokes: 9 },
    });
  });

  it('throws the server’s validation error with its field', async () => {
    answers.push(() => json(400, { error: { code: 'invalid', message: 'is required', field: 'answers.sentiment' } }));
    await expect(submitTask(task('a1'), submission)).rejects.toMatchObject({ status: 400, field: 'answers.sentiment' });
  });
});

describe('claimTask and skipTask', () => {
  it('turns a 409 no_task into the reason, not an error', async () => {
    answers.push(() => json(409, { error: { code: 'no_task', message: 'Nothing for you', details: { reason: 'none_eligible' } } }));
    expect(await claimTask('prj_1')).toEqual({ task: null, noTask: { reason: 'none_eligible', message: 'Nothing for you' } });
  });

  it('skips with the reason and hands over the next task', async () => {
    answers.push(() => json(200, { skipped: { assignmentId: 'a1', status: 'skipped', reason: 'Unclear' }, next: task('a3'), noTask: null }));
    expect((await skipTask(task('a1'), 'Unclear')).task?.assignmentId).toBe('a3');
    expect(await requests[0]!.json()).toEqual({ reason: 'Unclear' });
  });
});
