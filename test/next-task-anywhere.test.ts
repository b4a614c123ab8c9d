/**
 * `POST /tasks/next` across projects, through the real API on both dialects: the lease held anywhere is resumed
 * first; then projects in order of priority, then age, each with its own routing (a project outside the
 * annotator's domains is passed over); within a project items by priority, then import order; and when no project
 * has a task the 409 gives the one reason they all gave, or none_eligible with each project's reason.
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { worldPerSuite } from './support/world.js';
import { buildItems, buildProject, type Client, type World } from './factories.js';

describe.each(DIALECTS)('next task across projects on %s', (dialect) => {
  let w: World;
  worldPerSuite(dialect, { annotators: 1 }, (_s, world) => {
    w = world;
  });

  const next = (c: Client) => c.post('/api/v1/tasks/next');
  const submit = async (c: Client, assignmentId: string) => {
    const r = await c.post(`/api/v1/tasks/${assignmentId}/submit`, { answers: { sentiment: 'pos' }, timeSpentMs: 5 });
    expect(r.statusCode, r.body).toBe(201);
  };

  it('serves by project priority, then age, then item priority and import order; resumes a held lease first; says why at the end', async () => {
    const [ann] = w.annotators as [Client];
    // Created in this order: low (priority 0), urgentOld (5), outside (9, a domain the annotator lacks), urgentNew (5).
    const low = await buildProject(w, { name: 'low', items: buildItems(2, 'low'), settings: { priority: 0 } });
    const urgentOld = await buildProject(w, {
      name: 'urgent, older',
      items: [{ id: 'uo-1', data: { text: 'first imported' } }, { id: 'uo-2', priority: 3, data: { text: 'second imported, item priority 3' } }],
      settings: { priority: 5 },
    });
    const outside = await buildProject(w, { name: 'outside', items: buildItems(2, 'out'), settings: { priority: 9, domain: 'law' } });
    const urgentNew = await buildProject(w, { name: 'urgent, newer', items: buildItems(1, 'un'), settings: { priority: 5 } });

    // A lease held in the low-priority project is resumed before anything else.
    const held = await ann.post(`/api/v1/projects/${low}/tasks/next`);
    expect(held.statusCode).toBe(200);
    const resumed = await next(ann);
    expect(resumed.json()).toMatchObject({ projectId: low, assignmentId: held.json().assignmentId });
    await submit(ann, held.json().assignmentId);

    const order: string[] = [];
    for (;;) {
      const t = await next(ann);
      if (t.statusCode === 409) {
        // Every project is done for this annotator, each for its own reason (outside: not_in_domain).
        expect(t.json().error.details.reason).toBe('none_eligible');
        const reasons = Object.fromEntries((t.json().error.details.projects as { projectId: string; reason: string }[]).map((p) => [p.projectId, p.reason]));
        expect(reasons[outside]).toBe('not_in_domain');
        expect(reasons[low]).toBe('project_finished');
        break;
      }
      expect(t.statusCode, t.body).toBe(200);
      order.push(`${t.json().projectId === urgentOld ? 'urgentOld' : t.json().projectId === urgentNew ? 'urgentNew' : t.json().projectId === low ? 'low' : 'outside'}:${t.json().item.data.text}`);
      await submit(ann, t.json().assignmentId);
    }
    expect(order).toEqual([
      'urgentOld:second imported, item priority 3',
      'urgentOld:first imported',
      'urgentNew:Item number 1: the product was fine.',
      'low:Item number 2: the product was fine.',
    ]);
  });
});
