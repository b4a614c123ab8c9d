/**
 * Vendors labeling one project through the real API in turns: each round every annotator takes one turn: they
 * answer the task they hold as their behaviour says (vendor-simulation.ts) and submit it, getting the next one in the
 * same round trip (`submit?next=true`), or, holding none, ask for one (`tasks/next`); a test clock
 * moves on by `stepMs` per request, as if the annotators were working side by side; `afterRound` runs after each round
 * (told whether anyone got a task in it; it answers how many items asked for more judgments)
 * (the live refresh of an adaptive project). An annotator whose vendor sets `shiftTasks` goes home after that many
 * tasks (their last submit asks for nothing more). One request at a time, every generator seeded: the same run
 * each time.
 *
 * Every `409 no_task` is counted per annotator with its reason, and, when the project still had items short of their
 * judgments at the time, as an answer given while work remained; the longest stretch of test time in which nobody
 * got a task while work remained is the project's longest stall. It ends when a round gives nobody anything, every
 * item has all its judgments and `afterRound` asked for no more.
 */
import { expect } from 'vitest';
import { createRng } from '../../src/quality/random.js';
import type { Client, World } from '../factories.js';
import { answerOf, behaviourOf, type SimProject, type SimVendor } from './vendor-simulation.js';

type Task = { assignmentId: string; item: { data: { text: string } } };

export interface AnnotatorRun {
  annotator: Client;
  vendorId: string;
  /** Gold judgments and how many were right. */
  goldN: number;
  goldCorrect: number;
  judgments: number;
  /** no_task answers by reason, and how many of them came while items still lacked judgments (paused ones aside). */
  noTask: Record<string, number>;
  noTaskWhileWorkRemained: number;
}

export interface TurnsRun {
  annotators: AnnotatorRun[];
  /** Each gold item's judgments, by item text: the vendor of each judgment and whether it was right. */
  goldJudgments: Map<string, { vendorId: string; right: boolean }[]>;
  /** Normal judgments submitted. */
  judgments: number;
  /** The longest test-clock stretch in which nobody got a task while items still lacked judgments. */
  longestStallMs: number;
  rounds: number;
}

export async function labelInTurns(
  w: World,
  p: SimProject,
  vendors: readonly SimVendor[],
  o: { seed: number; stepMs: number; advance: (ms: number) => number; afterRound?: (progressed: boolean) => Promise<number>; maxRounds?: number },
): Promise<TurnsRun> {
  const people = vendors.flatMap((v, vi) => v.people.map((c, ci) => ({ c, v, behaviour: behaviourOf(v, ci), rng: createRng(o.seed * 1000 + vi * 50 + ci) })));
  const runs: AnnotatorRun[] = people.map(({ c, v }) => ({ annotator: c, vendorId: v.vendorId, goldN: 0, goldCorrect: 0, judgments: 0, noTask: {}, noTaskWhileWorkRemained: 0 }));
  const goldJudgments = new Map<string, { vendorId: string; right: boolean }[]>();
  let judgments = 0;
  let stallStart: number | null = null;
  let longestStallMs = 0;
  const unfinished = async () => {
    const res = await w.manager.get(`/api/v1/projects/${p.projectId}/progress`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().completeItems as number) < (res.json().totalItems as number);
  };
  /** The task each annotator holds (handed back by their last submit, `submit?next=true`), if any. */
  const held: (Task | null)[] = people.map(() => null);
  for (let round = 1; round <= (o.maxRounds ?? 5000); round++) {
    let progressed = false;
    for (const [i, { c, v, behaviour, rng }] of people.entries()) {
      const now = o.advance(o.stepMs);
      const run = runs[i]!;
      const leaving = v.shiftTasks !== undefined && run.judgments + 1 >= v.shiftTasks;
      if (v.shiftTasks !== undefined && run.judgments >= v.shiftTasks) continue; // gone home
      let task = held[i];
      if (!task) {
        const next = await c.post(`/api/v1/projects/${p.projectId}/tasks/next`);
        if (next.statusCode === 409) {
          const reason = next.json().error.details.reason as string;
          run.noTask[reason] = (run.noTask[reason] ?? 0) + 1;
          if (reason !== 'paused' && (await unfinished())) {
            run.noTaskWhileWorkRemained++;
            stallStart ??= now;
          }
          continue;
        }
        expect(next.statusCode, next.body).toBe(200);
        task = next.json() as Task;
      }
      if (stallStart !== null) longestStallMs = Math.max(longestStallMs, now - stallStart);
      stallStart = null;
      const text = task.item.data.text;
      const truth = p.truth.get(text)!;
      const answer = answerOf(rng, v.accuracy, truth, behaviour);
      const sub = await c.post(`/api/v1/tasks/${task.assignmentId}/submit${leaving ? '' : '?next=true'}`, { answers: { label: answer }, timeSpentMs: Math.round(v.seconds * 1000 * (0.5 + rng.next())) });
      expect(sub.statusCode, sub.body).toBe(201);
      held[i] = leaving ? null : ((sub.json().next as Task | null) ?? null);
      progressed = true;
      run.judgments++;
      if (p.goldTexts.has(text)) {
        run.goldN++;
        if (answer === truth) run.goldCorrect++;
        goldJudgments.set(text, [...(goldJudgments.get(text) ?? []), { vendorId: v.vendorId, right: answer === truth }]);
      } else judgments++;
    }
    const reopened = o.afterRound ? await o.afterRound(progressed) : 0;
    if (!progressed && reopened === 0 && !(await unfinished())) return { annotators: runs, goldJudgments, judgments, longestStallMs, rounds: round };
  }
  throw new Error(`the project did not finish in ${o.maxRounds ?? 5000} rounds`);
}
