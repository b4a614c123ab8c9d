/**
 * Annotators hear the verdict, through the real HTTP API on both databases: `GET /me/reviews` gives an annotator
 * each decided review of their own annotations (accepted; rejected with the reason; corrected with the correction)
 * with the item, their answers and the guideline version it was judged under, newest first and paged; nobody else's,
 * never the reviewer, and nothing of an item that is gold (an item promoted to gold after its correction leaves the
 * list, here and in `GET /projects/{id}/reviews`, so its correction cannot give the gold answer away).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildItems, buildProject, buildWorld, toJsonl, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';

interface MyReview {
  id: string;
  projectId: string;
  projectName: string;
  item: { id: string; data: { text: string } };
  annotation: { id: string; answers: Record<string, unknown>; schemaVersion: number; guidelineVersion: number; createdAt: string };
  outcome: 'accept' | 'reject' | 'correct';
  reason: string | null;
  correction: { answers: Record<string, unknown> } | null;
  decidedAt: string;
}

const REASON = 'REJECT-REASON-7c1e: the text praises the delivery, not the product.';
const FIX_NOTE = 'FIX-NOTE-2b9d: it is negative.';
const GOLD_EXPLANATION = 'GOLD-EXPLANATION-MY-REVIEWS-5a0f';

function ok(res: LightMyRequestResponse, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

describe.each(DIALECTS)('an annotator’s reviewed work on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let w: World;
  let other: World;
  let x: Client;
  let y: Client;
  let z: Client;
  let projectId: string;
  /** x's annotations in submit order, and the item of each. */
  const xs: { id: string; itemId: string }[] = [];
  const ys: { id: string; itemId: string }[] = [];

  const submit = async (ann: Client, sentiment: string) => {
    const t = ok(await ann.post(`/api/v1/projects/${projectId}/tasks/next`));
    const s = ok(await ann.post(`/api/v1/tasks/${t.assignmentId}/submit`, { answers: { sentiment }, timeSpentMs: 1000 }), 201);
    return { id: s.id as string, itemId: t.item.id as string };
  };
  const mine = async (c: Client, query = '') => ok(await c.get(`/api/v1/me/reviews${query}`)) as { items: MyReview[]; nextCursor: string | null };

  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 3 });
    other = await buildWorld(store, { annotators: 1 });
    [x, y, z] = w.annotators as [Client, Client, Client];
    projectId = await buildProject(w, { items: buildItems(6, 'rev'), overlapK: 2, settings: { goldRate: 0 } });
    ok(await w.manager.request('PUT', `/api/v1/projects/${projectId}/review-policy`, { sampleRate: 1 }));
    xs.push(await submit(x, 'pos'), await submit(x, 'pos'));
    // The third is made under guidelines version 2.
    ok(await w.manager.request('PUT', `/api/v1/projects/${projectId}/guidelines`, { markdown: '# Version 2\nDelivery is not the product.' }), 201);
    xs.push(await submit(x, 'pos'));
    ys.push(await submit(y, 'neu'), await submit(y, 'neu'));

    // Oldest first: x's three, then y's first; y's second stays held (not decided).
    const take = async () => ok(await w.reviewer.post(`/api/v1/projects/${projectId}/reviews/next`, {})) as { id: string; annotationId: string };
    const r1 = await take();
    expect(r1.annotationId).toBe(xs[0]!.id);
    ok(await w.reviewer.post(`/api/v1/reviews/${r1.id}/accept`, { comment: 'Good call.' }));
    const r2 = await take();
    ok(await w.reviewer.post(`/api/v1/reviews/${r2.id}/reject`, { reason: REASON }));
    const r3 = await take();
    ok(await w.reviewer.post(`/api/v1/reviews/${r3.id}/correct`, { answers: { sentiment: 'neg' }, reason: FIX_NOTE }));
    const r4 = await take();
    expect(r4.annotationId).toBe(ys[0]!.id);
    ok(await w.reviewer.post(`/api/v1/reviews/${r4.id}/accept`, {}));
    expect((await take()).annotationId).toBe(ys[1]!.id);
  });
  afterAll(async () => {
    await w?.app.close();
    await other?.app.close();
    await close?.();
  });

  it('gives the annotator each verdict on their own work, newest first, with the item, answers and guideline version', async () => {
    const page = await mine(x);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((r) => r.annotation.id)).toEqual([xs[2]!.id, xs[1]!.id, xs[0]!.id]);
    const [corrected, rejected, accepted] = page.items as [MyReview, MyReview, MyReview];
    expect(rejected).toMatchObject({ outcome: 'reject', reason: REASON, correction: null, projectId, annotation: { answers: { sentiment: 'pos' }, guidelineVersion: 1, schemaVersion: 1 } });
    expect(corrected).toMatchObject({ outcome: 'correct', reason: FIX_NOTE, correction: { answers: { sentiment: 'neg' } }, annotation: { answers: { sentiment: 'pos' }, guidelineVersion: 2 } });
    expect(accepted).toMatchObject({ outcome: 'accept', reason: 'Good call.', correction: null, annotation: { guidelineVersion: 1 } });
    for (const r of page.items) {
      const item = await store.db.selectFrom('items').select(['id', 'data']).where('id', '=', r.item.id).executeTakeFirstOrThrow();
      expect(r.item.data).toEqual(typeof item.data === 'string' ? JSON.parse(item.data) : item.data);
      expect(r.projectName).toMatch(/^Project /);
    }
    expect(Date.parse(corrected.decidedAt)).toBeGreaterThanOrEqual(Date.parse(rejected.decidedAt));
  });

  it('never names the reviewer', async () => {
    const res = await x.get('/api/v1/me/reviews');
    expect(res.body).not.toContain(w.reviewer.user.id);
    expect(res.body).not.toContain(w.reviewer.user.pseudonym);
    expect(res.body).not.toMatch(/"reviewer/i);
  });

  it('pages with a cursor and filters by outcome and project', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: MyReview[]; nextCursor: string | null } = await mine(x, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((r) => r.annotation.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([xs[2]!.id, xs[1]!.id, xs[0]!.id]);
    expect((await mine(x, '?outcome=reject')).items.map((r) => r.reason)).toEqual([REASON]);
    expect((await mine(x, `?projectId=${projectId}`)).items).toHaveLength(3);
    const elsewhere = await buildProject(w, { items: buildItems(1, 'else') });
    expect((await mine(x, `?projectId=${elsewhere}`)).items).toEqual([]);
  });

  it('says which query field is wrong, and answers 404 for a project the annotator may not see', async () => {
    const bad = await x.get('/api/v1/me/reviews?outcome=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('outcome');
    const cursor = await x.get('/api/v1/me/reviews?cursor=garbage');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.field).toBe('cursor');
    const foreign = await buildProject(other, { items: buildItems(1, 'foreign') });
    const res = await x.get(`/api/v1/me/reviews?projectId=${foreign}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual((await x.get('/api/v1/me/reviews?projectId=nonexistent0000')).json());
  });

  it("shows another annotator only their own decided reviews, and nothing of x's", async () => {
    const ofY = await mine(y);
    expect(ofY.items.map((r) => r.annotation.id)).toEqual([ys[0]!.id]);
    const body = JSON.stringify(ofY);
    for (const a of xs) expect(body).not.toContain(a.id);
    expect(body).not.toContain(REASON);
    expect((await mine(z)).items).toEqual([]);
    // An annotator of another organization sees none of it either.
    expect((await mine(other.annotators[0]!)).items).toEqual([]);
  });

  it('is refused to vendor managers, managers and reviewers (they have no work of their own to hear about)', async () => {
    const vm = await w.addUser('vendor_manager', w.vendors.inHouse);
    for (const c of [vm, w.manager, w.reviewer]) {
      const res = await c.get('/api/v1/me/reviews');
      expect(res.statusCode, res.body).toBe(403);
      expect(res.body).not.toContain(REASON);
    }
  });

  it('leaves out an item promoted to gold after its correction, here and in the project’s review list', async () => {
    const correctedItem = xs[2]!.itemId;
    const external = await store.db.selectFrom('items').select('external_id').where('id', '=', correctedItem).executeTakeFirstOrThrow();
    const before = await x.get(`/api/v1/projects/${projectId}/reviews`);
    expect(before.json().items.map((r: { annotationId: string }) => r.annotationId)).toContain(xs[2]!.id);
    // The lab turns the corrected item into gold, with the correction as its answer.
    const gold = toJsonl([{ id: external.external_id, answers: { sentiment: 'neg' }, explanation: GOLD_EXPLANATION }]);
    ok(await w.manager.request('POST', `/api/v1/projects/${projectId}/gold`, gold, { 'content-type': 'application/x-ndjson' }), 201);

    const after = await x.get('/api/v1/me/reviews');
    const items = (after.json() as { items: MyReview[] }).items;
    expect(items.map((r) => r.annotation.id)).toEqual([xs[1]!.id, xs[0]!.id]);
    expect(after.body).not.toContain(correctedItem);
    expect(after.body).not.toContain(FIX_NOTE);
    expect(after.body).not.toContain(GOLD_EXPLANATION);
    expect(after.body).not.toMatch(/"(is_?gold|gold\w*)"\s*:/i);
    const list = await x.get(`/api/v1/projects/${projectId}/reviews`);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(xs[2]!.id);
    expect(list.body).not.toContain(FIX_NOTE);
    // Managers still see that review.
    const all = (await w.manager.get(`/api/v1/projects/${projectId}/reviews`)).json();
    expect(all.items.map((r: { annotationId: string }) => r.annotationId)).toContain(xs[2]!.id);
  });
});
