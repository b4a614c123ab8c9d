/**
 * Builders for tests (Outline's buildUser/buildDocument style): valid objects with overrides, made through the
 * real services, plus a small client that calls the API in-process (`app.inject`) as a given user.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/api/app.js';
import { makeDeps, type ServiceDeps } from '../src/services/deps.js';
import type { Store } from '../src/store/db.js';
import { systemActor, type Role } from '../src/core/permissions.js';
import { createOrganization } from '../src/services/workforce/organizations.js';
import { createUser, type UserView } from '../src/services/workforce/users.js';
import { createVendor } from '../src/services/workforce/vendors.js';
import { createApiToken } from '../src/services/auth/api-tokens.js';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const labelSchema = {
  questions: [
    {
      id: 'sentiment',
      type: 'label',
      prompt: 'Sentiment?',
      field: 'text',
      options: [
        { value: 'pos', label: 'Positive' },
        { value: 'neu', label: 'Neutral' },
        { value: 'neg', label: 'Negative' },
      ],
    },
    { id: 'quality', type: 'rating', prompt: 'Quality 1-5', min: 1, max: 5, required: false },
  ],
};

/** A label question and an optional free-text one: the shape the gold-leak sweeps put marker strings into. */
export const goldSchema = {
  questions: [
    {
      id: 'sentiment',
      type: 'label',
      prompt: 'Sentiment?',
      field: 'text',
      options: [
        { value: 'pos', label: 'Positive' },
        { value: 'neu', label: 'Neutral' },
        { value: 'neg', label: 'Negative' },
      ],
    },
    { id: 'rationale', type: 'text', prompt: 'Why?', required: false },
  ],
};

export const buildItems = (n: number, prefix = 'it') =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i + 1}`, data: { text: `Item number ${i + 1}: the product was fine.` } }));

export const toJsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

export interface Client {
  user: UserView;
  token: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export function clientFor(app: FastifyInstance, user: UserView, token: string): Client {
  const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(body !== undefined && (typeof body === 'string' ? { payload: body } : { payload: body as object })),
    });
  return { user, token, request, get: (url) => request('GET', url), post: (url, body, headers) => request('POST', url, body ?? {}, headers) };
}

export interface World {
  deps: ServiceDeps;
  app: FastifyInstance;
  orgId: string;
  vendors: { inHouse: string; crowd: string };
  admin: Client;
  manager: Client;
  reviewer: Client;
  annotators: Client[];
  /** Creates one more user of the org with an API token. */
  addUser(role: Role, vendorId?: string | null): Promise<Client>;
}

/** An organization with an admin, a manager, a reviewer and `annotators` annotators alternating between two vendors. */
export async function buildWorld(store: Store, opts: { annotators?: number; deps?: Partial<ServiceDeps> } = {}): Promise<World> {
  const deps = { ...makeDeps(store, { secret: 'test-secret-0123456789' }), ...opts.deps };
  const app = await buildApp({ deps });
  const org = await createOrganization(deps, `Org ${unique()}`);
  const sys = systemActor(org.id);
  const inHouse = await createVendor(deps, sys, { name: 'In-house', kind: 'in_house' });
  const crowd = await createVendor(deps, sys, { name: 'Crowd', kind: 'crowd' });
  const addUser = async (role: Role, vendorId: string | null = null) => {
    const user = await createUser(deps, sys, { email: `${role}-${unique()}@test.assay`, name: `${role} ${unique()}`, role, password: 'correct horse battery', vendorId });
    const { token } = await createApiToken(deps, sys, { name: 'test', forUserId: user.id });
    return clientFor(app, user, token);
  };
  const annotators: Client[] = [];
  for (let i = 0; i < (opts.annotators ?? 3); i++) annotators.push(await addUser('annotator', i % 2 === 0 ? inHouse.id : crowd.id));
  return {
    deps,
    app,
    orgId: org.id,
    vendors: { inHouse: inHouse.id, crowd: crowd.id },
    admin: await addUser('admin'),
    manager: await addUser('manager'),
    reviewer: await addUser('reviewer', inHouse.id),
    annotators,
    addUser,
  };
}

/** Creates a project through the API as the manager and imports items; returns the project id. `settings` go into the create body as they are. */
export async function buildProject(
  w: World,
  opts: { schema?: unknown; items?: unknown[]; overlapK?: number; leaseSeconds?: number; name?: string; settings?: Record<string, unknown> } = {},
): Promise<string> {
  const res = await w.manager.post('/api/v1/projects', {
    name: opts.name ?? `Project ${unique()}`,
    schema: opts.schema ?? labelSchema,
    overlapK: opts.overlapK ?? 1,
    // No hidden gold unless a test asks for it (a new project's default is 0.1).
    goldRate: 0,
    ...(opts.leaseSeconds !== undefined && { leaseSeconds: opts.leaseSeconds }),
    guidelines: '# Guidelines\nBe careful.',
    ...opts.settings,
  });
  if (res.statusCode !== 201) throw new Error(`project create failed: ${res.body}`);
  const id = (res.json() as { id: string }).id;
  const items = opts.items ?? buildItems(10);
  if (items.length > 0) {
    const imp = await w.manager.request('POST', `/api/v1/projects/${id}/items`, toJsonl(items), { 'content-type': 'application/x-ndjson' });
    if (imp.statusCode !== 201) throw new Error(`import failed: ${imp.body}`);
  }
  return id;
}
