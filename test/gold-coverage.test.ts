/**
 * Gold coverage, on both dialects: gold is drawn least-judged first, at random among equals, so every gold item is
 * judged before any is judged twice (served in import order, the first few went to everyone and the rest to
 * nobody). Checked three ways: the store's gold candidate for a set of draws against the order worked out
 * independently in BigInt arithmetic (and the chance each tied item has of coming first, from the gaps of the
 * hashed points); every gold item served through the API against the least-judged rule read from the database just
 * before the claim; and the coverage of a project labeled by six annotators of two vendors.
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { worldPerSuite } from './support/world.js';
import { buildProject, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';
import { findClaimCandidates, type Claimer } from '../src/store/assignments.js';
import { createRng } from '../src/quality/random.js';

const GOLDEN = 2654435761n;
const CIRCLE = 4294967296n;
/** The tie-break key of an item at import position `seq` for a claim's `draw`, in exact integers. */
const keyOf = (seq: number, draw: number) => (BigInt(seq) * GOLDEN + BigInt(draw)) % CIRCLE;

const goldItems = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-g${i}`, data: { text: `Checked ${prefix} ${i}.` }, gold: { sentiment: 'neg' } }));
const plainItems = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-n${i}`, data: { text: `Plain ${prefix} ${i}.` } }));

describe.each(DIALECTS)('gold coverage on %s', (dialect) => {
  let store: Store;
  let w: World;
  let serverRng = createRng(1);
  worldPerSuite(dialect, { annotators: 6, deps: { random: () => serverRng.next() } }, (s, world) => {
    store = s;
    w = world;
  });

  const project = (items: unknown[], settings: Record<string, unknown>) => buildProject(w, { items, settings: { qualityGate: { enabled: false }, ...settings } });

  it('draws, among gold items judged equally often, the one after a random cut of the hashed circle, as BigInt arithmetic says', async () => {
    const id = await project([...plainItems(3, 'c'), ...goldItems(9, 'c')], { goldRate: 1 });
    const gold = await store.db.selectFrom('items').select(['id', 'seq']).where('project_id', '=', id).where('is_gold', '=', 1).execute();
    expect(gold).toHaveLength(9);
    const claimer: Omit<Claimer, 'draw'> = { projectId: id, annotatorId: w.annotators[0]!.user.id, vendorId: w.vendors.inHouse, skill: 0.5, now: new Date().toISOString(), goldOnly: 0 };
    const rng = createRng(99);
    const served = new Map<string, number>();
    for (let t = 0; t < 200; t++) {
      const draw = Math.floor(rng.next() * 2 ** 32);
      const { gold: got, normal } = await findClaimCandidates(store.db, { ...claimer, draw });
      const expected = [...gold].sort((a, b) => (keyOf(a.seq, draw) < keyOf(b.seq, draw) ? -1 : 1))[0]!;
      expect(got?.id, `draw ${draw}`).toBe(expected.id);
      expect(normal).toBeDefined(); // both kinds are looked up on every claim
      served.set(expected.id, (served.get(expected.id) ?? 0) + 1);
    }
    // Each item is first for the draws that fall in the gap before its point: with Fibonacci hashing the gaps of
    // nine consecutive positions take at most three lengths, so no tied item is much likelier than another. The
    // exact chances, from the sorted points: every one between 1/(2·9) and 2/9.
    const points = gold.map((g) => Number(keyOf(g.seq, 0))).sort((a, b) => a - b);
    const gaps = points.map((p, i) => (i === 0 ? p + 2 ** 32 - points[points.length - 1]! : p - points[i - 1]!) / 2 ** 32);
    expect(gaps.reduce((s, g) => s + g, 0)).toBeCloseTo(1, 12);
    for (const g of gaps) {
      expect(g).toBeGreaterThan(1 / 18);
      expect(g).toBeLessThan(2 / 9);
    }
    expect(new Set(gaps.map((g) => g.toFixed(9))).size).toBeLessThanOrEqual(3);
    // And the 200 seeded draws did reach every one of them.
    expect(served.size).toBe(9);
  });

  it('serves every gold item before any twice: each served one was least judged among those the annotator never had', async () => {
    const id = await project([...plainItems(72, 'r'), ...goldItems(24, 'r')], { goldRate: 0.25, overlapK: 2 });
    serverRng = createRng(2026);
    const goldIds = new Set(
      (await store.db.selectFrom('items').select('id').where('project_id', '=', id).where('is_gold', '=', 1).execute()).map((r) => r.id),
    );
    let goldJudgments = 0;
    let idle = 0;
    while (idle < 1) {
      let progressed = false;
      for (const c of w.annotators as Client[]) {
        // The gold items this annotator never had, with their judgments so far, read just before the claim.
        const before = await store.db
          .selectFrom('items as i')
          .select(['i.id', 'i.active_count'])
          .where('i.project_id', '=', id)
          .where('i.is_gold', '=', 1)
          .where((eb) => eb.not(eb.exists(eb.selectFrom('assignments as a').select('a.id').whereRef('a.item_id', '=', 'i.id').where('a.annotator_id', '=', c.user.id))))
          .execute();
        const next = await c.post(`/api/v1/projects/${id}/tasks/next`);
        if (next.statusCode === 409) continue;
        expect(next.statusCode, next.body).toBe(200);
        const t = next.json() as { assignmentId: string; item: { id: string } };
        if (goldIds.has(t.item.id)) {
          goldJudgments++;
          const least = Math.min(...before.map((b) => Number(b.active_count)));
          expect(Number(before.find((b) => b.id === t.item.id)!.active_count)).toBe(least);
        }
        const sub = await c.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment: 'neg' }, timeSpentMs: 500 });
        expect(sub.statusCode, sub.body).toBe(201);
        progressed = true;
      }
      if (!progressed) idle++;
    }
    // 144 normal judgments at a gold rate of 0.25: about 48 gold ones, enough for all 24; served least-judged first,
    // the first 24 gold judgments land on 24 different items, so the coverage is all that the judgments allow.
    expect(goldJudgments).toBeGreaterThanOrEqual(24);
    const judged = await store.db
      .selectFrom('annotations as a')
      .innerJoin('items as i', 'i.id', 'a.item_id')
      .select(['a.item_id'])
      .where('a.project_id', '=', id)
      .where('i.is_gold', '=', 1)
      .execute();
    const perItem = new Map<string, number>();
    for (const j of judged) perItem.set(j.item_id, (perItem.get(j.item_id) ?? 0) + 1);
    expect(perItem.size).toBe(24);
    const counts = [...perItem.values()];
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
  });
});
