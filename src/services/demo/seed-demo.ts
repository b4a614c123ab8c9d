/**
 * The first-run demo: an organization with an admin, a manager, a reviewer and three annotators who sign in, three
 * vendors with pay terms and simulated annotators of planted accuracy (one careless), and a project with a history:
 * most of it labeled over the past five days, gold judged, the careless annotator paused by the quality gate and
 * flagged by the signals, items flagged, reviews decided and more waiting (demo-history.ts). Every step goes
 * through the services, on a clock of its own and seeded generators, so the demo is the same on every first start
 * and each figure in it is one the product computed. Passwords are random and returned once, for printing.
 */
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { sentimentAndPreferenceSchema } from '../../core/schema/index.js';
import { systemActor, type Actor, type Role } from '../../core/permissions.js';
import { createRng, type Rng } from '../../quality/random.js';
import { countOrganizations } from '../../store/organizations.js';
import { withRelaxedDurability } from '../../store/durability.js';
import type { ServiceDeps } from '../deps.js';
import { createOrganization } from '../workforce/organizations.js';
import { createUser } from '../workforce/users.js';
import { createVendor, updateVendor } from '../workforce/vendors.js';
import type { PayModel, VendorKind } from '../../core/vendor.js';
import { createProject } from '../projects/create-project.js';
import { importItems } from '../items/import-items.js';
import { importGold } from '../items/import-gold.js';
import { setReviewPolicy } from '../review/policy.js';
import { DEMO_GUIDELINES, DEMO_ITEMS, handTruthOf, type DemoItem } from './demo-items.js';
import { generateDemoItems } from './demo-templates.js';
import { simulateHistory, type HistoryAnnotator, type HistoryTally, type KnownItem, type Session } from './demo-history.js';
import type { Behaviour } from './simulated-annotator.js';

export interface DemoCredentials {
  orgId: string;
  projectId: string;
  users: { email: string; role: Role; vendor: string | null; password: string }[];
}

/** What the history did, beside the credentials (for tests and the start banner). */
export interface DemoSeed extends DemoCredentials {
  history: HistoryTally;
  /** The simulated annotators with what was planted in them, by user id. */
  planted: { userId: string; name: string; vendor: string; accuracy: number; behaviour: Behaviour }[];
  vendors: { id: string; name: string; accuracy: number }[];
}

const password = () => randomBytes(9).toString('base64url');

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Days of history before today. */
export const DEMO_DAYS = 5;
export const DEMO_SEED = 20_261_209;
/** Generated items (the first `DEMO_GOLD_ITEMS` of them gold) beside the 36 written by hand. */
export const DEMO_GENERATED_ITEMS = 360;
export const DEMO_GOLD_ITEMS = 80;
/** Normal judgments the history makes; the rest of the project (k = 2) is left to the people who sign in. */
const TARGET_JUDGMENTS = 420;

interface VendorPlan {
  name: string;
  kind: VendorKind;
  terms: { payModel: PayModel; payRateMinor: number; currency: string };
  accuracy: number;
  seconds: number;
  /** Hours into each day of the history their session starts (the days end now), and tasks per session. */
  startHour: number;
  perSession: number;
  domain: string;
  people: { name: string; behaviour?: Behaviour }[];
}

/** Planted: the expert network most accurate and dearest, the crowd cheapest and least accurate, in-house between. */
const VENDORS: VendorPlan[] = [
  {
    name: 'Demo Lab experts',
    kind: 'in_house',
    terms: { payModel: 'per_hour', payRateMinor: 3800, currency: 'USD' },
    accuracy: 0.85,
    seconds: 45,
    startHour: 1,
    perSession: 16,
    domain: 'demolab.example',
    people: [{ name: 'Dana Okafor' }, { name: 'Elif Yilmaz' }],
  },
  {
    name: 'CrowdCo',
    kind: 'crowd',
    terms: { payModel: 'per_task', payRateMinor: 35, currency: 'USD' },
    accuracy: 0.76,
    seconds: 24,
    startHour: 4,
    perSession: 19,
    domain: 'crowdco.example',
    people: [{ name: 'Femi Adeyemi' }, { name: 'Grace Liu' }, { name: 'Hugo Martins' }, { name: 'Ivan Petrov', behaviour: 'straight_liner' }],
  },
  {
    name: 'Northwind Experts',
    kind: 'expert_network',
    terms: { payModel: 'per_task', payRateMinor: 140, currency: 'USD' },
    accuracy: 0.94,
    seconds: 60,
    startHour: 6,
    perSession: 11,
    domain: 'northwind.example',
    people: [{ name: 'Jun Park' }, { name: 'Kavya Rao' }, { name: 'Lena Fischer' }],
  },
];

const FLAG_REASONS = [
  'The review talks only about the delivery, not the product: unclear which sentiment applies.',
  'Both replies look right to me; I could not tell them apart.',
  'The review seems to be about a different product than the one named.',
];

/** Seeds the demo when the database has no organization yet; returns null when it already has one. */
export async function seedDemoIfEmpty(deps: ServiceDeps): Promise<DemoCredentials | null> {
  if ((await countOrganizations(deps.store.db)) > 0) return null;
  return seedDemo(deps);
}

/** Sessions over the past days: a start near the vendor's hour (some days off), `perSession` ± a few tasks each. */
function sessionsOf(rng: Rng, day0: number, v: VendorPlan, behaviour: Behaviour): Session[] {
  const out: Session[] = [];
  for (let d = 0; d < DEMO_DAYS; d++) {
    // The careless one joins on the second day and rushes through long sessions.
    if (behaviour !== 'honest' && d === 0) continue;
    if (behaviour === 'honest' && rng.next() < 0.15) continue;
    const startMs = day0 + d * DAY_MS + v.startHour * HOUR_MS + rng.nextInt(120) * 60_000;
    const count = behaviour === 'honest' ? v.perSession - 4 + rng.nextInt(9) : 40;
    out.push({ startMs, count });
  }
  return out;
}

/**
 * Seeds the demo (see the file comment). On SQLite its many small commits skip the fsync each (`withRelaxedDurability`):
 * seeding can be done again from scratch, and the first start stays quick.
 */
export function seedDemo(deps: ServiceDeps): Promise<DemoSeed> {
  return withRelaxedDurability(deps.store, () => seedHistory(deps));
}

async function seedHistory(deps: ServiceDeps): Promise<DemoSeed> {
  // The history's days are the 24-hour stretches before now, so its last hours are recent whenever the demo starts.
  const day0 = deps.now().getTime() - DEMO_DAYS * DAY_MS;
  const clock = { ms: day0 };
  const draws = createRng(DEMO_SEED + 1);
  // The demo's own clock and gold draw; no live refresh per submit (one at the end).
  const sim: ServiceDeps = { ...deps, now: () => new Date(clock.ms), random: () => draws.next(), live: undefined };
  const rng = createRng(DEMO_SEED);

  const org = await createOrganization(sim, 'Demo Lab');
  const sys = systemActor(org.id);
  const vendors: { id: string; plan: VendorPlan }[] = [];
  for (const v of VENDORS) {
    const created = await createVendor(sim, sys, { name: v.name, kind: v.kind });
    await updateVendor(sim, sys, created.id, v.terms);
    vendors.push({ id: created.id, plan: v });
  }
  const [inHouse, crowd] = vendors as [(typeof vendors)[0], (typeof vendors)[0]];

  const people: { email: string; name: string; role: Role; vendorId: string | null; vendor: string | null; domains?: string[] }[] = [
    { email: 'admin@demo.assay', name: 'Ada Admin', role: 'admin', vendorId: null, vendor: null },
    { email: 'manager@demo.assay', name: 'Max Manager', role: 'manager', vendorId: null, vendor: null },
    { email: 'reviewer@demo.assay', name: 'Rita Reviewer', role: 'reviewer', vendorId: inHouse.id, vendor: inHouse.plan.name },
    { email: 'annotator1@demo.assay', name: 'Ana Annotator', role: 'annotator', vendorId: inHouse.id, vendor: inHouse.plan.name, domains: ['consumer/reviews', 'general/assistant'] },
    { email: 'annotator2@demo.assay', name: 'Ben Annotator', role: 'annotator', vendorId: crowd.id, vendor: crowd.plan.name, domains: ['consumer/reviews'] },
    { email: 'annotator3@demo.assay', name: 'Cai Annotator', role: 'annotator', vendorId: crowd.id, vendor: crowd.plan.name, domains: ['consumer/reviews'] },
  ];
  const users: DemoCredentials['users'] = [];
  for (const p of people) {
    const pw = password();
    await createUser(sim, sys, { email: p.email, name: p.name, role: p.role, password: pw, vendorId: p.vendorId, domains: p.domains, languages: ['en'] });
    users.push({ email: p.email, role: p.role, vendor: p.vendor, password: pw });
  }
  // The simulated people have no password: nobody signs in as them.
  const asUser = (u: { id: string; role: Role; vendorId: string | null }): Actor => ({ kind: 'user', userId: u.id, orgId: org.id, role: u.role, vendorId: u.vendorId });
  const annotators: HistoryAnnotator[] = [];
  const planted: DemoSeed['planted'] = [];
  for (const { id: vendorId, plan } of vendors) {
    for (const person of plan.people) {
      const behaviour = person.behaviour ?? 'honest';
      const email = `${person.name.split(' ')[0]!.toLowerCase()}@${plan.domain}`;
      const u = await createUser(sim, sys, { email, name: person.name, role: 'annotator', vendorId, domains: ['consumer/reviews'], languages: ['en'] });
      const careless = behaviour !== 'honest';
      annotators.push({
        actor: asUser({ id: u.id, role: 'annotator', vendorId }),
        behaviour,
        accuracy: plan.accuracy,
        seconds: careless ? 3 : plan.seconds,
        rationale: plan.kind === 'crowd' ? 0.05 : 0.3,
        sessions: sessionsOf(rng, day0, plan, behaviour),
      });
      planted.push({ userId: u.id, name: person.name, vendor: plan.name, accuracy: plan.accuracy, behaviour });
    }
  }
  const senior = await createUser(sim, sys, { email: 'sam@demolab.example', name: 'Sam Senior', role: 'reviewer', vendorId: inHouse.id });

  const project = await createProject(sim, sys, {
    name: 'Product reviews: sentiment and reply preference',
    description: 'Label the sentiment of a product review, then say which of two assistant replies is better.',
    schema: sentimentAndPreferenceSchema,
    guidelines: DEMO_GUIDELINES,
    overlapK: 2,
    goldRate: 0.25,
    leaseSeconds: 1800,
  });
  // Every annotation of a flagged item, every one with a signal, and one in ten at random go to review.
  await setReviewPolicy(sim, sys, project.id, { sampleRate: 0.1, flagged: true, signals: true });

  // The generated items first (most of the history labels them), then the hand-written ones, left for the people who
  // sign in; gold answers go in through the gold import, as a lab keeping its gold apart would.
  const generated = generateDemoItems(DEMO_GENERATED_ITEMS, DEMO_GOLD_ITEMS, DEMO_SEED);
  const fromTemplates = generated.map((g) => ({ item: g.item, known: { truth: g.truth, isGold: g.item.gold !== undefined, why: g.why } }));
  // Gold last: Results lists items in import order, and a newcomer should meet the work first.
  const all: { item: DemoItem; known: KnownItem }[] = [
    ...fromTemplates.filter((x) => !x.known.isGold),
    ...DEMO_ITEMS.map((i) => ({ item: i, known: { truth: handTruthOf(i), isGold: i.gold !== undefined, why: i.gold_explanation } })),
    ...fromTemplates.filter((x) => x.known.isGold),
  ];
  const jsonl = all.map(({ item: { gold: _g, gold_explanation: _e, ...rest } }) => JSON.stringify(rest)).join('\n');
  await importItems(sim, sys, project.id, Readable.from([jsonl]), { format: 'jsonl' });
  const gold = all
    .filter((x) => x.item.gold)
    .map(({ item }) => JSON.stringify({ id: item.id, answers: item.gold, ...(item.gold_explanation && { explanation: item.gold_explanation }) }))
    .join('\n');
  await importGold(sim, sys, project.id, Readable.from([gold]), { format: 'jsonl' });

  const known = new Map(all.map(({ item, known: k }) => [keyOf(item), k]));
  const reviewSessions: Session[] = [];
  for (let d = 1; d < DEMO_DAYS; d++) reviewSessions.push({ startMs: day0 + d * DAY_MS + 10 * HOUR_MS + rng.nextInt(60) * 60_000, count: 6 });
  const history = await simulateHistory(sim, clock, {
    projectId: project.id,
    annotators,
    reviewer: { actor: asUser({ id: senior.id, role: 'reviewer', vendorId: inHouse.id }), sessions: reviewSessions },
    knownOf: (data) => {
      const k = known.get(keyOf(data as unknown as DemoItem));
      if (!k) throw new Error('the demo history met an item it does not know');
      return k;
    },
    targetJudgments: TARGET_JUDGMENTS,
    flagRate: 0.012,
    flagReasons: FLAG_REASONS,
    seed: DEMO_SEED,
  });
  // The items' aggregates, once, now the history is in (the server's live results, when it has them).
  deps.live?.noteInputsChanged(project.id);
  return {
    orgId: org.id,
    projectId: project.id,
    users,
    history,
    planted,
    vendors: vendors.map((v) => ({ id: v.id, name: v.plan.name, accuracy: v.plan.accuracy })),
  };
}

const keyOf = (i: Pick<DemoItem, 'review' | 'prompt' | 'response_a'>) => `${i.review}\u0000${i.prompt}\u0000${i.response_a}`;
