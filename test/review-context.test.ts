/**
 * What a reviewer sees beside the annotation, through the real HTTP API on both dialects: how many are left (the
 * queue's own count, per reviewer, after every decision, and per project on the landing), the item's other
 * annotations by pseudonym, its aggregate as the results service gives it, and a gold item's gold answer only for
 * those allowed to see gold (managers and admins; reviewers when the policy brings gold to review). Nothing about gold
 * reaches an annotator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildItems, buildProject, buildWorld, labelSchema, toJsonl, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';

const GOLD_EXPLANATION = 'REVIEW-GOLD-EXPLANATION-4e1d';
const GOLD_EXT = 'review-gold-ext-1';

const next = (c: Client, projectId: string, body: object = {}) => c.post(`/api/v1/projects/${projectId}/reviews/next`, body);

async function setPolicy(w: World, projectId: string, policy: object) {
  const res = await w.manager.request('PUT', `/api/v1/projects/${projectId}/review-policy`, policy);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Claims and submits one task as the annotator, answering by the item; returns the annotation and item ids. */
async function labelOne(c: Client, projectId: string, answer: (item: { id: string; data: { text: string } }) => object) {
  const t = await c.post(`/api/v1/projects/${projectId}/tasks/next`);
  expect(t.statusCode, t.body).toBe(200);
  const task = t.json();
  const sub = await c.post(`/api/v1/tasks/${task.assignmentId}/submit`, { answers: answer(task.item), timeSpentMs: 800 });
  expect(sub.statusCode, sub.body).toBe(201);
  return { annotationId: sub.json().id as string, itemId: task.item.id as string };
}

const leftOf = async (c: Client, projectId: string) => {
  const res = await c.get('/api/v1/me/review-queues');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().projects as { projectId: string; left: number; holding: boolean; policyOn: boolean }[]).find((p) => p.projectId === projectId);
};

describe.each(DIALECTS)('review context on %s', (dialect) => {
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

  it('counts what is left for each reviewer, after every decision, and per project on the landing', async () => {
    const projectId = await buildProject(w, { items: buildItems(5), name: 'Counting project' });
    const quiet = await buildProject(w, { items: buildItems(2), name: 'No policy project' });
    for (let i = 0; i < 4; i++) await labelOne(w.annotators[i % 2]!, projectId, () => ({ sentiment: 'pos' }));
    await labelOne(w.annotators[0]!, quiet, () => ({ sentiment: 'pos' }));

    // Nothing selected yet: the landing lists the project with nothing left and the policy off.
    expect(await leftOf(w.reviewer, projectId)).toMatchObject({ left: 0, holding: false, policyOn: false });
    await setPolicy(w, projectId, { sampleRate: 1 });
    expect(await leftOf(w.reviewer, projectId)).toMatchObject({ left: 4, holding: false, policyOn: true });
    expect(await leftOf(w.reviewer, quiet)).toMatchObject({ left: 0, policyOn: false });

    const first = (await next(w.reviewer, projectId)).json();
    expect(first.left).toBe(4);
    // The held one counts on the landing too; a second reviewer sees it taken.
    expect(await leftOf(w.reviewer, projectId)).toMatchObject({ left: 4, holding: true });
    expect(await leftOf(reviewer2, projectId)).toMatchObject({ left: 3, holding: false });
    expect((await w.reviewer.post(`/api/v1/reviews/${first.id}/accept`)).statusCode).toBe(200);
    const second = (await next(w.reviewer, projectId)).json();
    expect(second.left).toBe(3);
    const other = (await next(reviewer2, projectId)).json();
    expect(other.left).toBe(2);
    expect((await w.reviewer.post(`/api/v1/reviews/${second.id}/reject`, { reason: 'Not positive' })).statusCode).toBe(200);
    // reviewer2 holds one: what is left for the first reviewer is the last one only.
    const third = (await next(w.reviewer, projectId)).json();
    expect(third.left).toBe(1);
    expect((await w.reviewer.post(`/api/v1/reviews/${third.id}/accept`)).statusCode).toBe(200);
    expect((await next(w.reviewer, projectId)).statusCode).toBe(409);
    expect(await leftOf(w.reviewer, projectId)).toMatchObject({ left: 0, holding: false });
    expect(await leftOf(reviewer2, projectId)).toMatchObject({ left: 1, holding: true });

    // Every reviewer counts the same queue: for the manager too, nothing is left but what reviewer2 holds.
    expect(await leftOf(w.manager, projectId)).toMatchObject({ left: 0, holding: false });
    // Annotators and vendor managers have no review queues.
    expect((await w.annotators[0]!.get('/api/v1/me/review-queues')).statusCode).toBe(403);
  });

  it("shows the item's other annotations by pseudonym and its aggregate as the results service gives it", async () => {
    const projectId = await buildProject(w, { items: buildItems(1), overlapK: 3 });
    const answers = ['pos', 'pos', 'neg'];
    const made: { annotationId: string; itemId: string }[] = [];
    for (let i = 0; i < 3; i++) made.push(await labelOne(w.annotators[i]!, projectId, () => ({ sentiment: answers[i], quality: 4 })));
    await setPolicy(w, projectId, { sampleRate: 1 });
    const task = (await next(w.reviewer, projectId)).json();
    expect(task.annotation.id).toBe(made[0]!.annotationId);
    expect(task.left).toBe(3);
    const others = task.context.others as { id: string; annotator: string; answers: Record<string, unknown>; isCorrection: boolean; outcome: string | null }[];
    expect(others.map((o) => o.id)).toEqual([made[1]!.annotationId, made[2]!.annotationId]);
    expect(others.map((o) => o.annotator)).toEqual([w.annotators[1]!.user.pseudonym, w.annotators[2]!.user.pseudonym]);
    expect(others.map((o) => o.answers.sentiment)).toEqual(['pos', 'neg']);
    expect(others.every((o) => !o.isCorrection && o.outcome === null)).toBe(true);
    // Blind to names: no annotator's name or email anywhere in the task.
    for (const a of w.annotators) {
      expect(JSON.stringify(task)).not.toContain(a.user.name);
      expect(JSON.stringify(task)).not.toContain(a.user.email);
    }
    // The aggregate is the results service's, figure for figure, with its confidence and basis.
    const item = (await w.reviewer.get(`/api/v1/projects/${projectId}/items/${made[0]!.itemId}`)).json();
    expect(task.context.aggregates).toEqual(item.aggregates);
    const sentiment = task.context.aggregates.find((a: { questionId: string }) => a.questionId === 'sentiment');
    expect(sentiment).toMatchObject({ answer: 'pos', n: 3 });
    expect(sentiment.confidence).toBeGreaterThan(0);
    expect(sentiment.basis).toMatchObject({ kind: expect.any(String), nGold: expect.any(Number) });
    // Not a gold item: no gold, even for a manager.
    expect(task.context).not.toHaveProperty('gold');

    // A correction shows up beside the next review as a reviewer's correction, with the verdicts given.
    const fixed = await w.reviewer.post(`/api/v1/reviews/${task.id}/correct`, { answers: { sentiment: 'neu', quality: 3 } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const second = (await next(w.reviewer, projectId)).json();
    expect(second.annotation.id).toBe(made[1]!.annotationId);
    expect(second.left).toBe(2);
    const seen = second.context.others as { id: string; isCorrection: boolean; outcome: string | null; answers: { sentiment: string } }[];
    expect(seen.find((o) => o.id === made[0]!.annotationId)).toMatchObject({ outcome: 'correct', isCorrection: false });
    expect(seen.find((o) => o.isCorrection)).toMatchObject({ answers: { sentiment: 'neu' }, outcome: null });
  });

  describe('a gold item', () => {
    let projectId: string;
    let goldItem: string;
    let goldAnnotations: string[];
    let plainAnnotations: string[];

    beforeAll(async () => {
      const res = await w.manager.post('/api/v1/projects', {
        name: `Review gold ${Math.random()}`,
        schema: labelSchema,
        overlapK: 1,
        goldRate: 1,
        qualityGate: { enabled: false },
      });
      expect(res.statusCode, res.body).toBe(201);
      projectId = res.json().id;
      const items = [
        ...Array.from({ length: 3 }, (_, i) => ({ id: `plain-${i}`, data: { text: `A plain review number ${i}.` } })),
        { id: GOLD_EXT, data: { text: 'A checked review.' }, gold: { sentiment: 'neg', quality: 2 }, gold_explanation: GOLD_EXPLANATION },
      ];
      const imp = await w.manager.request('POST', `/api/v1/projects/${projectId}/items`, toJsonl(items), { 'content-type': 'application/x-ndjson' });
      expect(imp.statusCode, imp.body).toBe(201);
      goldItem = (await store.db.selectFrom('gold_answers').select('item_id').where('project_id', '=', projectId).executeTakeFirstOrThrow()).item_id;
      // At rate 1 each annotator gets the gold item first (while normal work remains), then a plain one.
      goldAnnotations = [];
      plainAnnotations = [];
      for (const a of w.annotators.slice(0, 2)) {
        for (let i = 0; i < 2; i++) {
          const made = await labelOne(a, projectId, () => ({ sentiment: 'pos' }));
          (made.itemId === goldItem ? goldAnnotations : plainAnnotations).push(made.annotationId);
        }
      }
      expect(goldAnnotations).toHaveLength(2);
      expect(plainAnnotations).toHaveLength(2);
    });

    it('stays out of every queue while the policy keeps gold from review; a reviewer cannot ask for it by id', async () => {
      await setPolicy(w, projectId, { sampleRate: 1, gold: false });
      expect((await leftOf(w.reviewer, projectId))!.left).toBe(2);
      const asked = await next(w.reviewer, projectId, { annotationId: goldAnnotations[0] });
      expect(asked.statusCode).toBe(409);
      // The refusal is the one any unavailable annotation gets: it says nothing about gold.
      expect(asked.body).not.toMatch(/gold/i);
      const t = (await next(w.reviewer, projectId)).json();
      expect(plainAnnotations).toContain(t.annotation.id);
      expect(t.context).not.toHaveProperty('gold');
      expect(JSON.stringify(t)).not.toContain(GOLD_EXPLANATION);
      expect((await w.reviewer.post(`/api/v1/reviews/${t.id}/accept`)).statusCode).toBe(200);
    });

    it('shows its gold answer to a manager who asks for it, whatever the policy', async () => {
      const t = await next(w.manager, projectId, { annotationId: goldAnnotations[0] });
      expect(t.statusCode, t.body).toBe(200);
      expect(t.json().context.gold).toEqual({ answers: { sentiment: 'neg', quality: 2 }, explanation: GOLD_EXPLANATION });
      expect((await w.manager.post(`/api/v1/reviews/${t.json().id}/reject`, { reason: 'The review is negative' })).statusCode).toBe(200);
    });

    it("comes to reviewers with its gold answer when the policy allows, and the answer goes when it no longer does", async () => {
      const policy = await setPolicy(w, projectId, { gold: true });
      expect(policy).toMatchObject({ gold: true, sampleRate: 1 });
      // Left for the reviewer: the other plain annotation and the second gold one.
      expect((await leftOf(w.reviewer, projectId))!.left).toBe(2);
      const seen: string[] = [];
      let goldTask: { id: string; context: { gold?: unknown } } | undefined;
      for (let i = 0; i < 2; i++) {
        const t = (await next(w.reviewer, projectId)).json();
        seen.push(t.annotation.id);
        if (t.annotation.id === goldAnnotations[1]) {
          goldTask = t;
          break;
        }
        expect(t.context).not.toHaveProperty('gold');
        expect((await w.reviewer.post(`/api/v1/reviews/${t.id}/accept`)).statusCode).toBe(200);
      }
      expect(goldTask, `took ${seen.join(', ')}`).toBeDefined();
      expect(goldTask!.context.gold).toEqual({ answers: { sentiment: 'neg', quality: 2 }, explanation: GOLD_EXPLANATION });
      // The manager turns gold off again while the reviewer holds it: resumed, it no longer carries the answer.
      await setPolicy(w, projectId, { gold: false });
      const resumed = (await next(w.reviewer, projectId)).json();
      expect(resumed.id).toBe(goldTask!.id);
      expect(resumed.context).not.toHaveProperty('gold');
      expect(JSON.stringify(resumed)).not.toContain(GOLD_EXPLANATION);
      const fix = await w.reviewer.post(`/api/v1/reviews/${resumed.id}/correct`, { answers: { sentiment: 'neg' }, reason: 'It is negative' });
      expect(fix.statusCode, fix.body).toBe(200);
    });

    it('tells the annotators nothing: no review of a gold item, no gold answer, no gold key, by any route they may call', async () => {
      for (const a of w.annotators.slice(0, 2)) {
        const bodies = [
          await a.get('/api/v1/me/reviews'),
          await a.get(`/api/v1/me/reviews?projectId=${projectId}`),
          await a.get(`/api/v1/projects/${projectId}/reviews`),
          await a.get(`/api/v1/projects/${projectId}/annotations`),
          await a.get(`/api/v1/projects/${projectId}`),
          await a.get(`/api/v1/projects/${projectId}/my-progress`),
        ];
        for (const res of bodies) {
          expect(res.statusCode, res.body).toBe(200);
          expect(res.body).not.toContain(GOLD_EXPLANATION);
          expect(res.body).not.toContain(GOLD_EXT);
          expect(res.body).not.toMatch(/"(gold|is_?gold|gold_?answers?|explanation)"\s*:/i);
        }
        // Their reviews list has their plain work's verdicts but none on the gold item.
        const mine = (await a.get(`/api/v1/projects/${projectId}/reviews`)).json().items as { itemId: string }[];
        expect(mine.every((r) => r.itemId !== goldItem)).toBe(true);
        const feedback = (await a.get('/api/v1/me/reviews')).json().items as { item: { id: string } }[];
        expect(feedback.every((r) => r.item.id !== goldItem)).toBe(true);
        // The reviewer's routes are closed to them.
        expect((await a.get('/api/v1/me/review-queues')).statusCode).toBe(403);
        expect((await next(a, projectId)).statusCode).toBe(403);
      }
      // They did get verdicts on the gold item (two were decided above): the list above left them out.
      const decided = await store.db.selectFrom('reviews as r').innerJoin('annotations as a', 'a.id', 'r.annotation_id').select('r.id').where('a.item_id', '=', goldItem).where('r.status', '=', 'decided').execute();
      expect(decided.length).toBe(2);
    });

    it('refuses a policy whose gold is not a boolean, naming the field, and changes nothing', async () => {
      const before = (await w.manager.get(`/api/v1/projects/${projectId}/review-policy`)).json();
      const res = await w.manager.request('PUT', `/api/v1/projects/${projectId}/review-policy`, { gold: 'yes', sampleRate: 0 });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid', field: 'gold' });
      expect((await w.manager.get(`/api/v1/projects/${projectId}/review-policy`)).json()).toEqual(before);
    });
  });
});
