/**
 * Review through the real HTTP API on both dialects: the policy (sample rate, first n, flagged) chooses the queue,
 * reviewers accept, reject with a reason or correct, never their own work, never the same annotation as another
 * reviewer, and corrections reach the export linked to what they correct.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildItems, buildProject, buildWorld, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';
import { newId } from '../src/core/ids.js';
import { SAMPLE_BUCKETS, sampleBucket } from '../src/store/review-candidates.js';

/** Labels `n` tasks of the project as the annotator; returns the annotation ids in order. */
async function label(c: Client, projectId: string, n: number, sentiment = 'pos'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const next = await c.post(`/api/v1/projects/${projectId}/tasks/next`);
    expect(next.statusCode, next.body).toBe(200);
    const sub = await c.post(`/api/v1/tasks/${next.json().assignmentId}/submit`, { answers: { sentiment }, timeSpentMs: 500 });
    expect(sub.statusCode, sub.body).toBe(201);
    ids.push(sub.json().id);
  }
  return ids;
}

const setPolicy = async (w: World, projectId: string, policy: object) => {
  const res = await w.manager.request('PUT', `/api/v1/projects/${projectId}/review-policy`, policy);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const next = (c: Client, projectId: string, body: object = {}) => c.post(`/api/v1/projects/${projectId}/reviews/next`, body);

/** Takes and accepts every review the queue offers the reviewer; returns the reviewed annotation ids. */
async function drain(c: Client, projectId: string): Promise<{ annotationId: string; triggers: string[] }[]> {
  const seen: { annotationId: string; triggers: string[] }[] = [];
  for (;;) {
    const res = await next(c, projectId);
    if (res.statusCode === 409) {
      expect(res.json().error).toMatchObject({ code: 'no_task', details: { reason: 'nothing_to_review' } });
      return seen;
    }
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    seen.push({ annotationId: r.annotation.id, triggers: r.triggers });
    expect((await c.post(`/api/v1/reviews/${r.id}/accept`)).statusCode).toBe(200);
  }
}

/**
 * Writes `n` submitted annotations per annotator straight into the store (real random ids), oldest first, for the
 * statistical tests that need more work than is worth labeling through the API.
 */
let seq = 0;
async function seedAnnotations(store: Store, projectId: string, annotatorIds: string[], n: number) {
  const base = Date.parse('2026-11-20T00:00:00.000Z');
  const ids: string[] = [];
  for (let i = 0; i < n; i += 200) {
    const rows: { itemId: string; assignmentId: string; id: string; annotatorId: string; t: string; seq: number }[] = [];
    for (let j = i; j < Math.min(n, i + 200); j++) {
      for (const annotatorId of annotatorIds) {
        const t = new Date(base + seq * 1000).toISOString();
        rows.push({ itemId: newId('item'), assignmentId: newId('assignment'), id: newId('annotation'), annotatorId, t, seq: seq++ });
      }
    }
    await store.write(async (trx) => {
      await trx
        .insertInto('items')
        .values(rows.map((r) => ({ id: r.itemId, project_id: projectId, external_id: null, data: JSON.stringify({ text: `seeded ${r.seq}` }), priority: 0, seq: 100_000 + r.seq, active_count: 1, submitted_count: 1, open: 0, import_id: null, created_at: r.t })))
        .execute();
      await trx
        .insertInto('assignments')
        .values(rows.map((r) => ({ id: r.assignmentId, project_id: projectId, item_id: r.itemId, annotator_id: r.annotatorId, status: 'submitted', lease_expires_at: r.t, skip_reason: null, created_at: r.t, completed_at: r.t })))
        .execute();
      await trx
        .insertInto('annotations')
        .values(rows.map((r) => ({ id: r.id, project_id: projectId, item_id: r.itemId, assignment_id: r.assignmentId, annotator_id: r.annotatorId, vendor_id: null, answers: JSON.stringify({ sentiment: 'pos' }), schema_version: 1, guideline_version: 1, time_spent_ms: 100, client_signals: '{}', idempotency_key: null, created_at: r.t })))
        .execute();
    });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

describe.each(DIALECTS)('review on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let w: World;
  let reviewer2: Client;
  let clock = Date.now();

  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 3, deps: { now: () => new Date(clock++) } });
    reviewer2 = await w.addUser('reviewer', w.vendors.crowd);
  });
  afterAll(async () => {
    await w.app.close();
    await close();
  });

  it('queues nothing until the manager sets a policy, which reviewers may read but not change', async () => {
    const projectId = await buildProject(w, { items: buildItems(3) });
    await label(w.annotators[0]!, projectId, 2);
    expect((await next(w.reviewer, projectId)).json().error).toMatchObject({ code: 'no_task' });
    expect((await w.reviewer.get(`/api/v1/projects/${projectId}/review-policy`)).json()).toMatchObject({ sampleRate: 0, firstN: 0, flagged: false, updatedAt: null });
    expect((await w.reviewer.request('PUT', `/api/v1/projects/${projectId}/review-policy`, { sampleRate: 1 })).statusCode).toBe(403);
    const set = await setPolicy(w, projectId, { sampleRate: 0.25 });
    expect(set).toMatchObject({ sampleRate: 0.25, firstN: 0, flagged: false });
    // A partial update keeps the rest.
    expect(await setPolicy(w, projectId, { firstN: 2 })).toMatchObject({ sampleRate: 0.25, firstN: 2 });
    expect((await w.manager.request('PUT', `/api/v1/projects/${projectId}/review-policy`, { sampleRate: 1.5 })).statusCode).toBe(400);
  });

  it('accepts, rejects with a reason and corrects; outcomes reach the tally, the list and the export', async () => {
    const projectId = await buildProject(w, { items: buildItems(5) });
    const author = w.annotators[0]!;
    const annotationIds = await label(author, projectId, 3, 'pos');
    await setPolicy(w, projectId, { sampleRate: 1 });

    // The queue serves oldest first, with the item, the annotation (by pseudonym) and its guideline version.
    const first = (await next(w.reviewer, projectId)).json();
    expect(first).toMatchObject({ status: 'leased', triggers: ['sample'], annotation: { id: annotationIds[0], answers: { sentiment: 'pos' }, guidelineVersion: 1, schemaVersion: 1 } });
    expect(first.annotation.annotator).not.toBe(author.user.name);
    expect(first.item.data.text).toMatch(/^Item number/);
    // Asking again resumes the held review rather than taking a second one.
    expect((await next(w.reviewer, projectId)).json().id).toBe(first.id);
    const accepted = await w.reviewer.post(`/api/v1/reviews/${first.id}/accept`);
    expect(accepted.json()).toMatchObject({ status: 'decided', outcome: 'accept', reviewerId: w.reviewer.user.id });
    expect((await w.reviewer.post(`/api/v1/reviews/${first.id}/accept`)).json().error.code).toBe('conflict');

    const second = (await next(w.reviewer, projectId)).json();
    expect(second.annotation.id).toBe(annotationIds[1]);
    expect((await w.reviewer.post(`/api/v1/reviews/${second.id}/reject`, {})).statusCode).toBe(400);
    const blank = await w.reviewer.post(`/api/v1/reviews/${second.id}/reject`, { reason: '   ' });
    expect(blank.json().error).toMatchObject({ code: 'invalid', field: 'reason' });
    // Another reviewer cannot decide a review someone else holds.
    expect((await reviewer2.post(`/api/v1/reviews/${second.id}/reject`, { reason: 'mine now' })).json().error.code).toBe('conflict');
    const rejected = await w.reviewer.post(`/api/v1/reviews/${second.id}/reject`, { reason: 'The text is negative' });
    expect(rejected.json()).toMatchObject({ outcome: 'reject', reason: 'The text is negative' });

    const third = (await next(w.reviewer, projectId)).json();
    const bad = await w.reviewer.post(`/api/v1/reviews/${third.id}/correct`, { answers: { sentiment: 'great' } });
    expect(bad.json().error).toMatchObject({ code: 'invalid' });
    const same = await w.reviewer.post(`/api/v1/reviews/${third.id}/correct`, { answers: { sentiment: 'pos' } });
    expect(same.json().error).toMatchObject({ code: 'invalid', field: 'answers' });
    const corrected = await w.reviewer.post(`/api/v1/reviews/${third.id}/correct`, { answers: { sentiment: 'neg', quality: 2 }, timeSpentMs: 900, reason: 'Sarcasm' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const { review, correction } = corrected.json();
    expect(review).toMatchObject({ outcome: 'correct', reason: 'Sarcasm', correctionAnnotationId: correction.id, annotationId: annotationIds[2] });
    expect(correction).toMatchObject({ annotatorId: w.reviewer.user.id, itemId: third.item.id, answers: { sentiment: 'neg', quality: 2 }, schemaVersion: 1, timeSpentMs: 900 });
    // The correction takes no judgment slot: the item still counts one submission.
    const item = await store.db.selectFrom('items').select(['submitted_count', 'active_count']).where('id', '=', third.item.id).executeTakeFirstOrThrow();
    expect(item).toEqual({ submitted_count: 1, active_count: 1 });
    // Corrections are never queued for review themselves.
    expect((await next(reviewer2, projectId)).json().error.code).toBe('no_task');

    const tally = (await w.manager.get(`/api/v1/projects/${projectId}/reviews/tally`)).json();
    expect(tally.annotators).toEqual([
      expect.objectContaining({ annotatorId: author.user.id, reviewed: 3, accepted: 1, rejected: 1, corrected: 1, acceptance: expect.objectContaining({ estimate: 1 / 3, n: 3 }) }),
    ]);
    expect(tally.annotators[0].acceptance.lower).toBeLessThan(1 / 3);
    expect(tally.annotators[0].acceptance.upper).toBeGreaterThan(1 / 3);

    const list = (await w.manager.get(`/api/v1/projects/${projectId}/reviews?outcome=reject`)).json();
    expect(list.items.map((r: { annotationId: string }) => r.annotationId)).toEqual([annotationIds[1]]);
    // The author reads the verdicts on their own work, without who gave them; another annotator reads none.
    const mine = (await author.get(`/api/v1/projects/${projectId}/reviews`)).json();
    expect(mine.items).toHaveLength(3);
    expect(mine.items[0]).not.toHaveProperty('reviewerId');
    expect((await w.annotators[1]!.get(`/api/v1/projects/${projectId}/reviews`)).json().items).toEqual([]);

    const exported = await w.manager.get(`/api/v1/projects/${projectId}/export?format=jsonl`);
    const records = exported.body.trim().split('\n').map((l) => JSON.parse(l));
    const byId = new Map<string, unknown>(records.map((r: { annotation_id: string }) => [r.annotation_id, r]));
    expect(byId.get(annotationIds[0]!)).toMatchObject({ review_outcome: 'accept', corrects_annotation_id: null });
    expect(byId.get(annotationIds[1]!)).toMatchObject({ review_outcome: 'reject' });
    expect(byId.get(annotationIds[2]!)).toMatchObject({ review_outcome: 'correct', corrects_annotation_id: null });
    expect(byId.get(correction.id)).toMatchObject({ corrects_annotation_id: annotationIds[2], review_outcome: null, answers: { sentiment: 'neg', quality: 2 } });
    const csv = (await w.manager.get(`/api/v1/projects/${projectId}/export?format=csv`)).body.split('\n');
    expect(csv.find((l) => l.startsWith(correction.id))).toContain(`,${annotationIds[2]},`);
  });

  it('never offers reviewers their own work, and refuses it by id', async () => {
    const projectId = await buildProject(w, { items: buildItems(4) });
    // The admin both labels and reviews.
    const own = await label(w.admin, projectId, 2);
    await setPolicy(w, projectId, { sampleRate: 1 });
    expect((await next(w.admin, projectId)).json().error.code).toBe('no_task');
    const byId = await next(w.admin, projectId, { annotationId: own[0] });
    expect(byId.statusCode).toBe(403);
    expect(byId.json().error.code).toBe('forbidden');

    // A review row of one's own annotation (e.g. taken before a role change) cannot be decided either.
    const reviewId = newId('review');
    await store.write((trx) =>
      trx
        .insertInto('reviews')
        .values({ id: reviewId, project_id: projectId, annotation_id: own[1]!, annotator_id: w.admin.user.id, reviewer_id: w.admin.user.id, status: 'leased', lease_expires_at: new Date(clock + 3600_000).toISOString(), triggers: 'sample', created_at: new Date(clock).toISOString() })
        .execute(),
    );
    for (const verb of ['accept', 'reject', 'correct']) {
      const res = await w.admin.post(`/api/v1/reviews/${reviewId}/${verb}`, { reason: 'x', answers: { sentiment: 'neg' } });
      expect(res.statusCode, verb).toBe(403);
    }
    // Someone else reviews the admin's work.
    expect((await next(w.reviewer, projectId)).json().annotation.id).toBe(own[0]);
  });

  it('gives concurrent reviewers different annotations', async () => {
    const projectId = await buildProject(w, { items: buildItems(12) });
    await Promise.all(w.annotators.map((a) => label(a, projectId, 4)));
    await setPolicy(w, projectId, { sampleRate: 1 });
    const reviewers = [w.reviewer, reviewer2, w.manager, w.admin];
    const taken: string[] = [];
    for (let round = 0; round < 3; round++) {
      const got = await Promise.all(reviewers.map((r) => next(r, projectId)));
      for (const res of got) {
        expect(res.statusCode, res.body).toBe(200);
        taken.push(res.json().annotation.id);
      }
      await Promise.all(got.map((res, i) => reviewers[i]!.post(`/api/v1/reviews/${res.json().id}/accept`)));
    }
    expect(new Set(taken).size).toBe(12);
    const rows = await store.db.selectFrom('reviews').select(['annotation_id']).where('project_id', '=', projectId).execute();
    expect(rows).toHaveLength(12);
  });

  it('hands a lapsed review lease to the next reviewer, and the first can no longer decide it', async () => {
    const projectId = await buildProject(w, { items: buildItems(2), leaseSeconds: 60 });
    await label(w.annotators[1]!, projectId, 1);
    await setPolicy(w, projectId, { sampleRate: 1 });
    const held = (await next(w.reviewer, projectId)).json();
    expect((await next(reviewer2, projectId)).json().error.code).toBe('no_task');
    clock += 61_000;
    const taken = (await next(reviewer2, projectId)).json();
    expect(taken).toMatchObject({ id: held.id, annotation: { id: held.annotation.id } });
    expect((await w.reviewer.post(`/api/v1/reviews/${held.id}/accept`)).json().error.code).toBe('conflict');
    expect((await reviewer2.post(`/api/v1/reviews/${held.id}/accept`)).statusCode).toBe(200);
  });

  it('samples the share of annotations the rate asks for, fixed by each id', async () => {
    const projectId = await buildProject(w, { items: [] });
    const ids = await seedAnnotations(store, projectId, [w.annotators[0]!.user.id], 1500);
    const rate = 0.1;
    await setPolicy(w, projectId, { sampleRate: rate });
    const reviewed = await drain(w.reviewer, projectId);
    const expected = ids.filter((id) => sampleBucket(id) < Math.round(rate * SAMPLE_BUCKETS));
    expect(new Set(reviewed.map((r) => r.annotationId))).toEqual(new Set(expected));
    // Binomial(1500, 0.1): mean 150, sd 11.6; ±5 sd.
    expect(reviewed.length).toBeGreaterThan(150 - 58);
    expect(reviewed.length).toBeLessThan(150 + 58);
    expect(reviewed.every((r) => r.triggers.join() === 'sample')).toBe(true);
  });

  it('reviews every one of each annotator’s first n annotations and nothing after', async () => {
    const projectId = await buildProject(w, { items: [] });
    const [a, b] = [w.annotators[0]!.user.id, w.annotators[1]!.user.id];
    const idsA = await seedAnnotations(store, projectId, [a], 6);
    const idsB = await seedAnnotations(store, projectId, [b], 2);
    await setPolicy(w, projectId, { firstN: 3 });
    const reviewed = await drain(w.reviewer, projectId);
    expect(reviewed.map((r) => r.annotationId)).toEqual([...idsA.slice(0, 3), ...idsB]);
    expect(reviewed.every((r) => r.triggers.join() === 'first_n')).toBe(true);
  });

  it('reviews every annotation of a flagged item; annotators flag only items they were given', async () => {
    const projectId = await buildProject(w, { items: buildItems(3), overlapK: 2 });
    const [x, y, z] = w.annotators as [Client, Client, Client];
    await label(x, projectId, 1);
    await label(y, projectId, 1);
    const annotation = (await w.manager.get(`/api/v1/projects/${projectId}/annotations`)).json().items[0];
    const itemId = annotation.itemId;
    expect((await z.post(`/api/v1/projects/${projectId}/items/${itemId}/flag`, { reason: 'Unclear' })).statusCode).toBe(404);
    const flagged = await x.post(`/api/v1/projects/${projectId}/items/${itemId}/flag`, { reason: 'The text is cut off' });
    expect(flagged.statusCode, flagged.body).toBe(200);
    // The item's page shows the flag, with who made it; an unflagged item's says null.
    expect((await w.manager.get(`/api/v1/projects/${projectId}/items/${itemId}`)).json().flag).toMatchObject({ reason: 'The text is cut off', flaggedBy: x.user.id });
    const others = (await w.manager.get(`/api/v1/projects/${projectId}/items`)).json().items.filter((i: { id: string }) => i.id !== itemId);
    expect((await w.manager.get(`/api/v1/projects/${projectId}/items/${others[0].id}`)).json().flag).toBeNull();
    // Flags count only when the policy says so.
    expect((await next(w.reviewer, projectId)).json().error.code).toBe('no_task');
    await setPolicy(w, projectId, { flagged: true });
    const first = (await next(w.reviewer, projectId)).json();
    expect(first).toMatchObject({ triggers: ['flagged'], flag: { reason: 'The text is cut off' }, item: { id: itemId } });
    await w.reviewer.post(`/api/v1/reviews/${first.id}/accept`);
    const reviewed = [first.annotation.id, ...(await drain(w.reviewer, projectId)).map((r) => r.annotationId)];
    const onItem = await store.db.selectFrom('annotations').select('id').where('item_id', '=', itemId).execute();
    expect(new Set(reviewed)).toEqual(new Set(onItem.map((r) => r.id)));
  });

  it('keeps reviews inside the organization', async () => {
    const other = await buildWorld(store, { annotators: 1 });
    try {
      const projectId = await buildProject(w, { items: buildItems(2) });
      await label(w.annotators[2]!, projectId, 1);
      await setPolicy(w, projectId, { sampleRate: 1 });
      expect((await next(other.reviewer, projectId)).json().error.code).toBe('not_found');
      const held = (await next(w.reviewer, projectId)).json();
      expect((await other.reviewer.post(`/api/v1/reviews/${held.id}/accept`)).json().error).toMatchObject({ code: 'not_found', message: 'Review not found or no access' });
    } finally {
      await other.app.close();
    }
  });
});
