/**
 * Adaptive overlap never leaves work idle, on both dialects, with an injected clock (nobody sleeps for real): an
 * extra judgment is held for a preferred annotator (another vendor, enough skill) at most `PREFERENCE_WINDOW_MS`,
 * then goes to whoever asks; it is not held at all when nobody in the project's workforce could take it as
 * preferred; and a request raised from an aggregate that has since reached τ is withdrawn, unless someone already
 * took its slot.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { worldPerSuite } from './support/world.js';
import { buildProject, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';
import { LiveResults } from '../src/services/quality/live-results.js';
import { PREFERENCE_WINDOW_MS } from '../src/core/overlap/adaptive.js';

const schema = {
  questions: [{ id: 'sentiment', type: 'label', prompt: 'Sentiment?', field: 'text', options: [{ value: 'pos', label: 'Positive' }, { value: 'neg', label: 'Negative' }] }],
};

describe.each(DIALECTS)('adaptive overlap without idle work on %s', (dialect) => {
  let store: Store;
  let w: World;
  let clock = Date.parse('2026-12-07T09:00:00.000Z');
  worldPerSuite(dialect, { annotators: 0, deps: { now: () => new Date(clock) } }, (s, world) => {
    store = s;
    w = world;
  });
  /** Two in-house judges, a crowd annotator and an in-house latecomer, fresh for each test. */
  let judges: [Client, Client];
  let crowd: Client;
  let latecomer: Client;
  beforeEach(async () => {
    judges = [await w.addUser('annotator', w.vendors.inHouse), await w.addUser('annotator', w.vendors.inHouse)];
    crowd = await w.addUser('annotator', w.vendors.crowd);
    latecomer = await w.addUser('annotator', w.vendors.inHouse);
  });

  const next = (c: Client, id: string) => c.post(`/api/v1/projects/${id}/tasks/next`);
  async function label(c: Client, id: string, sentiment: string): Promise<string> {
    const t = await next(c, id);
    expect(t.statusCode, t.body).toBe(200);
    const sub = await c.post(`/api/v1/tasks/${t.json().assignmentId}/submit`, { answers: { sentiment }, timeSpentMs: 2000 });
    expect(sub.statusCode, sub.body).toBe(201);
    return t.json().item.id as string;
  }
  const itemState = async (itemId: string) => {
    const r = await store.db.selectFrom('items').select(['extra_k', 'open', 'prefer_until', 'avoid_vendor', 'prefer_skill']).where('id', '=', itemId).executeTakeFirstOrThrow();
    return { extra: Number(r.extra_k), open: Number(r.open), until: r.prefer_until, avoid: r.avoid_vendor };
  };
  /** The item's aggregate confidence in item_results, as a refresh would have written it. */
  const setConfidence = (itemId: string, confidence: number) => store.db.updateTable('item_results').set({ confidence }).where('item_id', '=', itemId).execute();
  const refused = async (c: Client, id: string) => {
    const r = await next(c, id);
    expect(r.statusCode, r.body).toBe(409);
    return r.json().error.details.reason as string;
  };

  /**
   * One normal item the two in-house judges dispute (pos against neg; its confidence then set to 0.5) and two
   * gold items. When `crowdGold` is given the crowd annotator first answers a gold item (right or wrong), so they are
   * in the project's workforce with that record. Returns the project and its normal item after the live refresh.
   */
  async function disputed(crowdGold: 'right' | 'wrong' | null) {
    const id = await buildProject(w, {
      schema,
      items: [{ id: 'n', data: { text: 'So-so.' } }, ...[0, 1].map((i) => ({ id: `g${i}`, data: { text: `Checked ${i}.` }, gold: { sentiment: 'neg' } }))],
      overlapK: 2,
      settings: { overlapMode: 'adaptive', overlapKMax: 3, overlapTau: 0.95, goldRate: crowdGold ? 1 : 0, qualityGate: { enabled: false } },
    });
    if (crowdGold) {
      await label(crowd, id, crowdGold === 'right' ? 'neg' : 'pos');
      expect((await w.manager.request('PATCH', `/api/v1/projects/${id}`, { goldRate: 0 })).statusCode).toBe(200);
    }
    const itemId = await label(judges[0], id, 'pos');
    expect(await label(judges[1], id, 'neg')).toBe(itemId);
    const live = new LiveResults(w.deps);
    try {
      // The aggregate as the refresh wrote it, then its confidence set under τ (what the model makes of two
      // judges without a record is not this test's business), and the refresh that decides on it.
      await live.refresh(id);
      await setConfidence(itemId, 0.5);
      await live.refresh(id);
      expect(Number((await store.db.selectFrom('items').select('extra_k').where('id', '=', itemId).executeTakeFirstOrThrow()).extra_k)).toBe(1);
    } finally {
      await live.close();
    }
    return { id, itemId };
  }

  it('holds the extra judgment for a preferred annotator for PREFERENCE_WINDOW_MS (10 s), then serves whoever asks', async () => {
    expect(PREFERENCE_WINDOW_MS).toBe(10_000);
    // The crowd annotator answered their gold item right: skill (1 + 1)/(2 + 1) = 2/3 ≥ the judges' mean 0.5.
    const { id, itemId } = await disputed('right');
    expect(await itemState(itemId)).toEqual({ extra: 1, open: 1, until: new Date(clock + PREFERENCE_WINDOW_MS).toISOString(), avoid: w.vendors.inHouse });
    // Within the window the in-house latecomer gets nothing (and no gold: no normal item is eligible for them)...
    clock += PREFERENCE_WINDOW_MS - 1;
    expect(await refused(latecomer, id)).toBe('none_eligible');
    // ...and once it has passed, the item is theirs.
    clock += 1;
    expect(await label(latecomer, id, 'pos')).toBe(itemId);
  });

  it('serves the preferred annotator within the window', async () => {
    const { id, itemId } = await disputed('right');
    clock += 5_000;
    expect(await label(crowd, id, 'neg')).toBe(itemId);
  });

  it('does not hold at all when nobody in the workforce could take it as preferred', async () => {
    // No annotator of another vendor has worked on the project: the latecomer gets the item at once.
    const none = await disputed(null);
    expect(await itemState(none.itemId)).toMatchObject({ extra: 1, open: 1, until: null, avoid: null });
    expect(await label(latecomer, none.id, 'pos')).toBe(none.itemId);
  });

  it('does not hold when the only annotator of another vendor is under the preferred skill', async () => {
    // The crowd annotator missed their gold item: skill 1/3 < 0.5.
    const low = await disputed('wrong');
    expect(await itemState(low.itemId)).toMatchObject({ extra: 1, until: null });
    expect(await label(latecomer, low.id, 'pos')).toBe(low.itemId);
  });

  it('withdraws a request whose item has reached τ since, unless its slot was taken; keeps one under τ', async () => {
    // One item both judges call pos, τ 0.9. A refresh had asked one more of it while its aggregate read 0.7 (written
    // here as askOneMoreJudgment writes it); then the aggregate catches up (0.97, written as a refresh writes it).
    const id = await buildProject(w, { schema, items: [{ id: 'a', data: { text: 'Fine.' } }], overlapK: 2, settings: { overlapMode: 'adaptive', overlapKMax: 4, overlapTau: 0.9, qualityGate: { enabled: false } } });
    const itemId = await label(judges[0], id, 'pos');
    await label(judges[1], id, 'pos');
    const live = new LiveResults(w.deps);
    try {
      await live.refresh(id);
      const ask = () => store.db.updateTable('items').set({ extra_k: 1, open: 1, prefer_until: new Date(clock + 3_600_000).toISOString(), avoid_vendor: w.vendors.inHouse, prefer_skill: 0.5 }).where('id', '=', itemId).execute();

      // Still under τ: the request stands (and is not asked twice).
      await setConfidence(itemId, 0.7);
      await ask();
      expect((await live.refresh(id)).reopened).toBe(0);
      expect(await itemState(itemId)).toMatchObject({ extra: 1, open: 1 });

      // At τ or above, nobody took the slot: withdrawn, the item closed, nothing left to serve.
      await setConfidence(itemId, 0.97);
      expect((await live.refresh(id)).reopened).toBe(0);
      expect(await itemState(itemId)).toEqual({ extra: 0, open: 0, until: null, avoid: null });
      expect(await refused(crowd, id)).toBe('project_finished');

      // Asked again and its slot leased before the refresh: the lease keeps its judgment.
      await ask();
      const t = await next(crowd, id);
      expect(t.json().item.id).toBe(itemId);
      await live.refresh(id);
      expect(await itemState(itemId)).toMatchObject({ extra: 1, open: 0 });
      expect((await crowd.post(`/api/v1/tasks/${t.json().assignmentId}/submit`, { answers: { sentiment: 'pos' }, timeSpentMs: 2000 })).statusCode).toBe(201);
    } finally {
      await live.close();
    }
  });
});
