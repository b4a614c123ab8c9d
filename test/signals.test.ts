/**
 * Effort and fraud signals through the API on both dialects. Six annotators label the same 8 items (a label and a
 * free-text rationale): two honest ones (15-24 s, their own words), one too fast (0.8 s on everything), one paster
 * (client signals say the whole rationale was pasted), and two who submit the same rationale on each item. The
 * signals name exactly the seeded ones with the right kinds, nothing fires on the honest ones, the flags are
 * persisted for SQL and drive the review policy's `signal` trigger, a vendor manager sees their vendor only, an
 * annotator is refused, and the thresholds change what fires. On a gold project, a run of missed gold items as long
 * as the quality gate's streak flags exactly the annotations of that run.
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { worldPerSuite } from './support/world.js';
import { buildItems, buildProject, labelSchema, toJsonl, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';

const schema = {
  questions: [
    { id: 'sentiment', type: 'label', prompt: 'Sentiment?', field: 'text', options: [{ value: 'pos', label: 'Positive' }, { value: 'neg', label: 'Negative' }] },
    { id: 'rationale', type: 'text', prompt: 'Why?', required: false },
  ],
};
const ITEMS = 8;
/** 25 words unique to (who, item): no two such texts share a shingle. */
const ownWords = (who: string, item: number) => Array.from({ length: 25 }, (_, k) => `${who}w${item}x${k}`).join(' ');

type Role = 'honest' | 'fast' | 'paster' | 'copier';
interface Seeded {
  client: Client;
  role: Role;
  name: string;
}

async function labelAll(c: Client, projectId: string, s: Seeded, index: number): Promise<void> {
  for (let n = 0; ; n++) {
    const next = await c.post(`/api/v1/projects/${projectId}/tasks/next`);
    if (next.statusCode === 409) return;
    expect(next.statusCode, next.body).toBe(200);
    const t = next.json() as { assignmentId: string; item: { id: string; externalId?: string } };
    const item = n;
    const rationale = s.role === 'copier' ? `copied answer for ${t.item.id} ${ownWords('shared', 0)}` : ownWords(s.name, item);
    const timeSpentMs = s.role === 'fast' ? 800 : 15_000 + 1_000 * ((item * 7 + index * 3) % 10);
    const clientSignals = s.role === 'paster' ? { pastes: 1, pastedChars: rationale.length } : { pastes: 0, pastedChars: 0, keystrokes: rationale.length };
    const sub = await c.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment: (item + index) % 2 === 0 ? 'pos' : 'neg', rationale }, timeSpentMs, clientSignals });
    expect(sub.statusCode, sub.body).toBe(201);
  }
}

interface SignalsBody {
  items: {
    annotationId: string;
    itemId: string;
    itemExternalId: string | null;
    annotatorId: string;
    pseudonym: string;
    vendorId: string | null;
    flags: { kind: string; value: number; threshold: number; detail: string }[];
  }[];
  nextCursor: string | null;
  annotators: { annotatorId: string; vendorId: string | null; n: number; flagged: number; byKind: Record<string, number> }[];
  vendors: { vendorId: string | null; n: number; flagged: number; byKind: Record<string, number> }[];
}

describe.each(DIALECTS)('effort and fraud signals on %s', (dialect) => {
  let store: Store;
  let w: World;
  worldPerSuite(dialect, { annotators: 6 }, (s, world) => {
    store = s;
    w = world;
  });

  let projectId: string;
  let seeded: Seeded[];
  const roleOf = (annotatorId: string) => seeded.find((s) => s.client.user.id === annotatorId)!.role;
  const kindsByRole = (body: SignalsBody) => {
    const out: Record<string, Set<string>> = {};
    for (const f of body.items) for (const g of f.flags) (out[roleOf(f.annotatorId)] ??= new Set()).add(g.kind);
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
  };

  it('flags the too-fast annotator, the paster and both copiers with the right kinds, and not the honest ones', async () => {
    projectId = await buildProject(w, { schema, items: buildItems(ITEMS, 'sig'), overlapK: 6 });
    // buildWorld alternates vendors: even indices in-house, odd ones crowd.
    const roles: Role[] = ['honest', 'fast', 'paster', 'copier', 'copier', 'honest'];
    seeded = w.annotators.map((client, i) => ({ client, role: roles[i]!, name: `a${i}` }));
    for (const [i, s] of seeded.entries()) await labelAll(s.client, projectId, s, i);

    const res = await w.manager.get(`/api/v1/projects/${projectId}/quality/signals?limit=500`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as SignalsBody;
    expect(kindsByRole(body)).toEqual({ fast: ['too_fast'], paster: ['pasted'], copier: ['near_duplicate'] });
    // Every annotation of each seeded annotator is flagged: 8 + 8 + 2 × 8.
    expect(body.items).toHaveLength(4 * ITEMS);
    for (const s of seeded) {
      const counts = body.annotators.find((a) => a.annotatorId === s.client.user.id)!;
      expect(counts.n).toBe(ITEMS);
      expect(counts.flagged).toBe(s.role === 'honest' ? 0 : ITEMS);
    }
    const fast = body.items.find((f) => roleOf(f.annotatorId) === 'fast')!.flags[0]!;
    // 800 ms against the item's median of the five others (each between 15 and 24 s).
    expect(fast.threshold).toBe(0.25);
    expect(fast.value).toBeGreaterThan(800 / 24_000 - 1e-9);
    expect(fast.value).toBeLessThan(800 / 15_000 + 1e-9);
    const copy = body.items.find((f) => roleOf(f.annotatorId) === 'copier')!.flags[0]!;
    expect(copy).toMatchObject({ value: 1, threshold: 0.8 });
    const pasted = body.items.find((f) => roleOf(f.annotatorId) === 'paster')!.flags[0]!;
    expect(pasted).toMatchObject({ value: 1, threshold: 0.5 });
    // Per vendor: in-house has the paster and a copier (16 flagged of 24), crowd the fast one and a copier.
    expect(body.vendors.map((v) => [v.vendorId, v.n, v.flagged]).sort()).toEqual(
      [
        [w.vendors.crowd, 3 * ITEMS, 2 * ITEMS],
        [w.vendors.inHouse, 3 * ITEMS, 2 * ITEMS],
      ].sort(),
    );

    // Persisted for SQL: one row per annotation and kind.
    const rows = await store.db.selectFrom('annotation_signals').select(['kind']).where('project_id', '=', projectId).execute();
    const byKind = rows.reduce<Record<string, number>>((m, r) => ({ ...m, [r.kind]: (m[r.kind] ?? 0) + 1 }), {});
    expect(byKind).toEqual({ too_fast: ITEMS, pasted: ITEMS, near_duplicate: 2 * ITEMS });

    // Paged, oldest first, and filtered by kind.
    const first = (await w.manager.get(`/api/v1/projects/${projectId}/quality/signals?limit=10`)).json() as SignalsBody;
    expect(first.items).toHaveLength(10);
    const second = (await w.manager.get(`/api/v1/projects/${projectId}/quality/signals?limit=500&cursor=${first.nextCursor}`)).json() as SignalsBody;
    expect([...first.items, ...second.items].map((f) => f.annotationId)).toEqual(body.items.map((f) => f.annotationId));
    const onlyPasted = (await w.manager.get(`/api/v1/projects/${projectId}/quality/signals?kind=pasted`)).json() as SignalsBody;
    expect(onlyPasted.items.map((f) => roleOf(f.annotatorId))).toEqual(Array(ITEMS).fill('paster'));
    // Filtered by annotator: their flagged annotations only, the counts still everyone's.
    const fastOne = seeded.find((x) => x.role === 'fast')!.client.user.id;
    const onlyFast = (await w.manager.get(`/api/v1/projects/${projectId}/quality/signals?annotatorId=${fastOne}`)).json() as SignalsBody;
    expect(onlyFast.items).toHaveLength(ITEMS);
    expect(new Set(onlyFast.items.map((f) => f.annotatorId))).toEqual(new Set([fastOne]));
    expect(onlyFast.annotators).toHaveLength(6);
    expect(onlyFast.annotators.find((a) => a.annotatorId === fastOne)).toMatchObject({ pseudonym: onlyFast.items[0]!.pseudonym, n: ITEMS, flagged: ITEMS });
  });

  it("puts each annotation's flags on its item's page: the too-fast one's, and none on an honest one", async () => {
    const all = (await w.manager.get(`/api/v1/projects/${projectId}/quality/signals?kind=too_fast&limit=500`)).json() as SignalsBody;
    const fast = all.items[0]!;
    expect(fast.pseudonym).toMatch(/^annotator-/);
    expect(fast.itemExternalId).toMatch(/^sig/);
    for (const reader of [w.manager, w.reviewer]) {
      const res = await reader.get(`/api/v1/projects/${projectId}/items/${fast.itemId}`);
      expect(res.statusCode, res.body).toBe(200);
      const item = res.json() as { annotations: { id: string; annotatorId: string; flags: SignalsBody['items'][number]['flags'] }[] };
      expect(item.annotations).toHaveLength(6);
      const mine = item.annotations.find((a) => a.id === fast.annotationId)!;
      expect(mine.flags).toEqual(fast.flags);
      expect(mine.flags).toEqual([expect.objectContaining({ kind: 'too_fast', threshold: 0.25, detail: expect.stringMatching(/^800 ms on task: 0\.0\d × the item's median/) })]);
      const honest = item.annotations.filter((a) => roleOf(a.annotatorId) === 'honest');
      expect(honest).toHaveLength(2);
      for (const a of honest) expect(a.flags).toEqual([]);
      // The paster's and the copiers' flags are there too, each with its own kind.
      const kinds = item.annotations.map((a) => [roleOf(a.annotatorId), a.flags.map((f) => f.kind)]);
      expect(kinds).toEqual(expect.arrayContaining([['paster', ['pasted']], ['copier', ['near_duplicate']]]));
    }
  });

  it('shows a vendor manager their vendor only, a reviewer everything, and refuses annotators', async () => {
    const vm = await w.addUser('vendor_manager', w.vendors.crowd);
    const res = await vm.get(`/api/v1/projects/${projectId}/quality/signals?limit=500`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as SignalsBody;
    expect(body.items.length).toBe(2 * ITEMS);
    expect(new Set(body.items.map((f) => f.vendorId))).toEqual(new Set([w.vendors.crowd]));
    expect(body.annotators.every((a) => a.vendorId === w.vendors.crowd)).toBe(true);
    expect(body.vendors.map((v) => v.vendorId)).toEqual([w.vendors.crowd]);
    expect(kindsByRole(body)).toEqual({ fast: ['too_fast'], copier: ['near_duplicate'] });

    expect((await w.reviewer.get(`/api/v1/projects/${projectId}/quality/signals`)).statusCode).toBe(200);
    expect((await w.annotators[0]!.get(`/api/v1/projects/${projectId}/quality/signals`)).statusCode).toBe(403);
    expect((await w.annotators[0]!.get(`/api/v1/projects/${projectId}/signal-policy`)).statusCode).toBe(403);
  });

  it('sends flagged annotations to review with trigger signal when the review policy asks', async () => {
    const put = await w.manager.request('PUT', `/api/v1/projects/${projectId}/review-policy`, { signals: true });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ signals: true, sampleRate: 0 });
    const next = await w.reviewer.post(`/api/v1/projects/${projectId}/reviews/next`, {});
    expect(next.statusCode, next.body).toBe(200);
    const review = next.json() as { annotationId: string; triggers: string[]; annotatorId: string };
    expect(review.triggers).toEqual(['signal']);
    expect(roleOf(review.annotatorId)).not.toBe('honest');
    await w.manager.request('PUT', `/api/v1/projects/${projectId}/review-policy`, { signals: false });
  });

  it('computes the flags for the signal trigger when nobody has asked for them yet', async () => {
    const fresh = await buildProject(w, { schema, items: buildItems(3, 'rt'), overlapK: 5 });
    const five = w.annotators.slice(0, 5);
    for (const [i, c] of five.entries()) {
      for (;;) {
        const next = await c.post(`/api/v1/projects/${fresh}/tasks/next`);
        if (next.statusCode === 409) break;
        const sub = await c.post(`/api/v1/tasks/${next.json().assignmentId}/submit`, { answers: { sentiment: 'pos' }, timeSpentMs: i === 0 ? 800 : 20_000 + 1_000 * i });
        expect(sub.statusCode, sub.body).toBe(201);
      }
    }
    expect(await store.db.selectFrom('annotation_signals').select('annotation_id').where('project_id', '=', fresh).execute()).toEqual([]);
    expect((await w.manager.request('PUT', `/api/v1/projects/${fresh}/review-policy`, { signals: true })).statusCode).toBe(200);
    const next = await w.reviewer.post(`/api/v1/projects/${fresh}/reviews/next`, {});
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json()).toMatchObject({ triggers: ['signal'], annotatorId: five[0]!.user.id });
    const rows = await store.db.selectFrom('annotation_signals').select(['kind']).where('project_id', '=', fresh).execute();
    expect(rows.map((r) => r.kind)).toEqual(['too_fast', 'too_fast', 'too_fast']);
  });

  it('uses the project thresholds: defaults, validation naming the field, and a change that changes what fires', async () => {
    const def = await w.manager.get(`/api/v1/projects/${projectId}/signal-policy`);
    expect(def.json()).toMatchObject({ tooFastRatio: 0.25, pastedShare: 0.5, duplicateJaccard: 0.8, straightShare: 0.9, straightAlpha: 0.001, straightMinN: 20, updatedAt: null });

    const bad = await w.manager.request('PUT', `/api/v1/projects/${projectId}/signal-policy`, { tooFastRatio: 2 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('tooFastRatio');
    const badMin = await w.manager.request('PUT', `/api/v1/projects/${projectId}/signal-policy`, { duplicateMinWords: 2.5 });
    expect(badMin.statusCode).toBe(400);
    expect(badMin.json().error.field).toContain('duplicateMinWords');
    expect((await w.manager.get(`/api/v1/projects/${projectId}/signal-policy`)).json()).toMatchObject({ updatedAt: null });

    // 800 ms is 0.033-0.053 of the item medians: a ratio of 0.02 no longer flags it. Copies need more than
    // 40 words to count now (theirs have 29), so they stop too; the paster still fires.
    const put = await w.manager.request('PUT', `/api/v1/projects/${projectId}/signal-policy`, { tooFastRatio: 0.02, duplicateMinWords: 40 });
    expect(put.statusCode, put.body).toBe(200);
    const after = (await w.manager.get(`/api/v1/projects/${projectId}/quality/signals?limit=500`)).json() as SignalsBody;
    expect(kindsByRole(after)).toEqual({ paster: ['pasted'] });
    const rows = await store.db.selectFrom('annotation_signals').select(['kind']).where('project_id', '=', projectId).execute();
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['pasted']));

    // Straight-lining: 8 answers are under n = 20; at n ≥ 5, share ≥ 0.5 and α = 0.5 the label answers of everyone
    // alternate evenly (share ½ against a prior of ½, p > 0.5), so it still does not fire.
    await w.manager.request('PUT', `/api/v1/projects/${projectId}/signal-policy`, { straightMinN: 5, straightShare: 0.5, straightAlpha: 0.5 });
    const sl = (await w.manager.get(`/api/v1/projects/${projectId}/quality/signals?kind=straight_lining`)).json() as SignalsBody;
    expect(sl.items).toEqual([]);
  });

  it('flags a straight-liner: 10 of 10 "pos" against the others\' share ½, p = ½¹⁰ = 9.8e-4 < 0.001', async () => {
    const sl = await buildProject(w, { schema, items: buildItems(10, 'sl'), overlapK: 3 });
    const [liner, b, c] = w.annotators as [Client, Client, Client];
    for (const [who, answerOf] of [
      [liner, () => 'pos'],
      [b, (n: number) => (n % 2 === 0 ? 'pos' : 'neg')],
      [c, (n: number) => (n % 2 === 0 ? 'neg' : 'pos')],
    ] as const) {
      for (let n = 0; ; n++) {
        const next = await who.post(`/api/v1/projects/${sl}/tasks/next`);
        if (next.statusCode === 409) break;
        const sub = await who.post(`/api/v1/tasks/${next.json().assignmentId}/submit`, { answers: { sentiment: answerOf(n) }, timeSpentMs: 20_000 });
        expect(sub.statusCode, sub.body).toBe(201);
      }
    }
    // At the default n ≥ 20 nobody has enough answers.
    expect(((await w.manager.get(`/api/v1/projects/${sl}/quality/signals`)).json() as SignalsBody).items).toEqual([]);
    expect((await w.manager.request('PUT', `/api/v1/projects/${sl}/signal-policy`, { straightMinN: 10 })).statusCode).toBe(200);
    const body = (await w.manager.get(`/api/v1/projects/${sl}/quality/signals`)).json() as SignalsBody;
    expect(body.items).toHaveLength(10);
    expect(new Set(body.items.map((f) => f.annotatorId))).toEqual(new Set([liner.user.id]));
    for (const f of body.items) {
      expect(f.flags).toHaveLength(1);
      expect(f.flags[0]).toMatchObject({ kind: 'straight_lining', value: 1, threshold: 0.9 });
      expect(f.flags[0]!.detail).toContain('10 of 10');
      expect(f.flags[0]!.detail).toContain('p = 9.77e-4');
    }
  });

  it('flags the gold items of a run of misses as long as the gate streak, and not a run broken by a right answer', async () => {
    const res = await w.manager.post('/api/v1/projects', { name: `Gold streak ${Math.random()}`, schema: labelSchema, overlapK: 1, goldRate: 1, qualityGate: { floor: 0.9 } });
    // Floor 0.9 on this schema (chance 1/15): the derived streak is 3 (gates' rule.maxFailStreak), as the flags below use.
    expect(res.statusCode, res.body).toBe(201);
    const goldProject = res.json().id as string;
    const items = [
      ...Array.from({ length: 4 }, (_, i) => ({ id: `plain-${i}`, data: { text: `A plain review ${i}.` } })),
      ...Array.from({ length: 8 }, (_, i) => ({ id: `gold-${i}`, data: { text: `A checked review ${i}.` }, gold: { sentiment: 'neg' } })),
    ];
    expect((await w.manager.request('POST', `/api/v1/projects/${goldProject}/items`, toJsonl(items), { 'content-type': 'application/x-ndjson' })).statusCode).toBe(201);
    const label = async (c: Client, sentiment: string) => {
      const t = await c.post(`/api/v1/projects/${goldProject}/tasks/next`);
      expect(t.statusCode, t.body).toBe(200);
      const sub = await c.post(`/api/v1/tasks/${t.json().assignmentId}/submit`, { answers: { sentiment }, timeSpentMs: 10_000 });
      expect(sub.statusCode, sub.body).toBe(201);
      return sub.json().id as string;
    };
    const [missing, , recovering] = w.annotators as [Client, Client, Client];
    // Three misses in a row (the gate then pauses them); the other misses two, answers right, misses once more.
    const run = [await label(missing, 'pos'), await label(missing, 'pos'), await label(missing, 'neu')];
    for (const s of ['pos', 'pos', 'neg', 'pos']) await label(recovering, s);

    const body = (await w.manager.get(`/api/v1/projects/${goldProject}/quality/signals`)).json() as SignalsBody;
    expect(body.items.map((f) => f.annotationId).sort()).toEqual([...run].sort());
    for (const f of body.items) expect(f.flags).toEqual([{ kind: 'gold_fail_streak', detail: 'one of 3 gold items missed in a row', value: 3, threshold: 3 }]);
    const recovered = body.annotators.find((a) => a.annotatorId === recovering.user.id)!;
    expect(recovered).toMatchObject({ n: 4, flagged: 0 });

    // On the item's page a manager sees the streak; a reviewer, who may not learn which items are gold, does not.
    const flagged = body.items[0]!;
    const itemOf = async (c: Client) =>
      ((await c.get(`/api/v1/projects/${goldProject}/items/${flagged.itemId}`)).json() as { annotations: { id: string; flags: unknown[] }[] }).annotations.find((a) => a.id === flagged.annotationId)!;
    expect((await itemOf(w.manager)).flags).toEqual(flagged.flags);
    expect((await itemOf(w.reviewer)).flags).toEqual([]);

    // The signal policy can ask for a longer streak than the gate's.
    await w.manager.request('PUT', `/api/v1/projects/${goldProject}/signal-policy`, { goldFailStreak: 4 });
    expect(((await w.manager.get(`/api/v1/projects/${goldProject}/quality/signals`)).json() as SignalsBody).items).toEqual([]);
  });
});
