/**
 * The first-run demo: an organization with an admin, a manager, a reviewer and three annotators in two vendors,
 * and a project with a few dozen items ready to label. Passwords are random and returned once, for printing.
 */
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { sentimentAndPreferenceSchema } from '../../core/schema/index.js';
import { systemActor, type Role } from '../../core/permissions.js';
import { countOrganizations } from '../../store/organizations.js';
import type { ServiceDeps } from '../deps.js';
import { createOrganization } from '../workforce/organizations.js';
import { createUser } from '../workforce/users.js';
import { createVendor } from '../workforce/vendors.js';
import { createProject } from '../projects/projects.js';
import { importItems } from '../items/import-items.js';
import { DEMO_GUIDELINES, DEMO_ITEMS } from './demo-items.js';

export interface DemoCredentials {
  orgId: string;
  projectId: string;
  users: { email: string; role: Role; vendor: string | null; password: string }[];
}

const password = () => randomBytes(9).toString('base64url');

/** Seeds the demo when the database has no organization yet; returns null when it already has one. */
export async function seedDemoIfEmpty(deps: ServiceDeps): Promise<DemoCredentials | null> {
  if ((await countOrganizations(deps.store.db)) > 0) return null;
  return seedDemo(deps);
}

export async function seedDemo(deps: ServiceDeps): Promise<DemoCredentials> {
  const org = await createOrganization(deps, 'Demo Lab');
  const sys = systemActor(org.id);
  const inHouse = await createVendor(deps, sys, { name: 'Demo Lab experts', kind: 'in_house' });
  const crowd = await createVendor(deps, sys, { name: 'CrowdCo', kind: 'crowd' });

  const people: { email: string; name: string; role: Role; vendorId: string | null; vendor: string | null; domains?: string[] }[] = [
    { email: 'admin@demo.assay', name: 'Ada Admin', role: 'admin', vendorId: null, vendor: null },
    { email: 'manager@demo.assay', name: 'Max Manager', role: 'manager', vendorId: null, vendor: null },
    { email: 'reviewer@demo.assay', name: 'Rita Reviewer', role: 'reviewer', vendorId: inHouse.id, vendor: inHouse.name },
    { email: 'annotator1@demo.assay', name: 'Ana Annotator', role: 'annotator', vendorId: inHouse.id, vendor: inHouse.name, domains: ['consumer/reviews', 'general/assistant'] },
    { email: 'annotator2@demo.assay', name: 'Ben Annotator', role: 'annotator', vendorId: crowd.id, vendor: crowd.name, domains: ['consumer/reviews'] },
    { email: 'annotator3@demo.assay', name: 'Cai Annotator', role: 'annotator', vendorId: crowd.id, vendor: crowd.name, domains: ['consumer/reviews'] },
  ];
  const users: DemoCredentials['users'] = [];
  for (const p of people) {
    const pw = password();
    await createUser(deps, sys, { email: p.email, name: p.name, role: p.role, password: pw, vendorId: p.vendorId, domains: p.domains, languages: ['en'] });
    users.push({ email: p.email, role: p.role, vendor: p.vendor, password: pw });
  }

  const project = await createProject(deps, sys, {
    name: 'Product reviews: sentiment and reply preference',
    description: 'Label the sentiment of a product review, then say which of two assistant replies is better.',
    schema: sentimentAndPreferenceSchema,
    guidelines: DEMO_GUIDELINES,
    overlapK: 2,
    goldRate: 0.1,
    leaseSeconds: 1800,
  });
  const jsonl = DEMO_ITEMS.map((i) => JSON.stringify(i)).join('\n');
  await importItems(deps, sys, project.id, Readable.from([jsonl]), { format: 'jsonl' });
  return { orgId: org.id, projectId: project.id, users };
}
