/**
 * A fake server for component tests. The app's `api` client captures `fetch` and `Request` when it is created and
 * calls same-origin paths, which Node's Request cannot resolve; tests therefore replace the client module with
 *
 *   vi.mock('../../api/client', async () => (await import('./fakeApi')).clientModuleForTests());
 *
 * whose client has an absolute base URL and calls whatever `fetch` is at call time, which `fakeServer` stubs.
 */
import createClient from 'openapi-fetch';
import { vi } from 'vitest';
import type * as ClientModule from '../../api/client';
import type { paths } from '../../api/schema';

const ORIGIN = 'http://assay.test';

type Handler = (request: { url: URL; body: unknown }) => { status: number; body?: unknown };
export interface SentRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/** Replaces `fetch` with routes `"METHOD /path"` → handler; an unrouted call fails the test loudly. */
export function fakeServer(routes: Record<string, Handler>) {
  const sent: SentRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), ORIGIN), init);
    const url = new URL(request.url, ORIGIN);
    const text = await request.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    sent.push({ method: request.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body });
    const handler = routes[`${request.method} ${url.pathname}`];
    if (!handler) throw new Error(`No fake route for ${request.method} ${url.pathname}`);
    const res = handler({ url, body });
    return new Response(res.body === undefined ? null : JSON.stringify(res.body), {
      status: res.status,
      headers: res.body === undefined ? {} : { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { sent };
}

export async function clientModuleForTests(): Promise<typeof ClientModule> {
  const actual = await vi.importActual<typeof ClientModule>('../../api/client');
  return { ...actual, api: createClient<paths>({ baseUrl: ORIGIN, fetch: (request) => globalThis.fetch(request) }) };
}
