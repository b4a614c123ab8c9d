/**
 * The API client module for component tests: the real module with its `api` on a fetch that answers from a table of
 * handlers and records every request. Imports nothing that imports the client, so `vi.mock` can load it.
 */
import { vi } from 'vitest';
import type * as ClientModule from '../../../api/client';

type Handler = (url: URL) => { status?: number; body: unknown };

const state: { handlers: Record<string, Handler>; sent: URL[] } = { handlers: {}, sent: [] };

/** Routes keyed `GET /api/v1/projects/p1/items` (the path, no query); returns the requests made. */
export function serve(handlers: Record<string, Handler>): URL[] {
  state.handlers = handlers;
  state.sent = [];
  return state.sent;
}

async function fakeFetch(input: Request): Promise<Response> {
  const url = new URL(input.url);
  state.sent.push(url);
  const handler = state.handlers[`${input.method} ${url.pathname}`];
  if (!handler) return new Response(JSON.stringify({ error: { code: 'not_found', message: `no handler for ${url.pathname}` } }), { status: 404 });
  const { status = 200, body } = handler(url);
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** What `vi.mock('../../../api/client', …)` returns: the real module with a client on the fake fetch. */
export async function clientModuleForTests() {
  // The real module, not the mocked one this factory builds (importing it plainly would wait on itself).
  const real = await vi.importActual<typeof ClientModule>('../../../api/client');
  const { default: createClient } = await import('openapi-fetch');
  return { ...real, api: createClient<ClientModule.paths>({ baseUrl: 'http://assay.test', fetch: fakeFetch }) };
}

