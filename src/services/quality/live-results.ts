/**
 * Live results: each item's aggregate (Dawid–Skene with gold clamped, per question type as `computeResults` does)
 * kept current in `item_results` while the project is being labeled, and adaptive overlap deciding from it.
 *
 * When it runs: after every submit, the project is marked for a refresh. A project with fewer than
 * `INLINE_JUDGMENTS` judgments is refreshed at once, off the submit's path (the submit's answer never waits for
 * it, and a failed refresh never touches an acknowledged annotation); refreshes of one project never overlap, and
 * submits that land during one are folded into the next, so under load a project is refreshed back to back, each
 * refresh covering every submit before it. A larger project is refreshed by the background job (`jobs/runner.ts`)
 * every `LARGE_REFRESH_MS`, with Dawid–Skene on a worker thread (the results service moves large fits off-thread).
 * Each process refreshes the projects it saw submits for, reading every input from the database, so several
 * servers agree on what they write; the conditional updates make a decision taken twice count once.
 *
 * What a refresh does: computes the project's aggregate (shared with the results API's cache), writes the rows of
 * items whose answer, judgment count or confidence (by more than `CONFIDENCE_STEP`) changed, then, in an adaptive
 * project, asks one more judgment of each item that has all it asked for, is under τ and is under k_max.
 */
import { measuredSkill, preferenceFor, type Judge } from '../../core/overlap/adaptive.js';
import { getProject } from '../../store/projects.js';
import {
  askOneMoreJudgment,
  deleteItemResults,
  goldTalliesOnProject,
  listItemJudges,
  listUncertainComplete,
  readItemResults,
  upsertItemResults,
  type ItemResultRow,
} from '../../store/item-results.js';
import type { ProjectRow } from '../../store/schema.js';
import type { QuestionAggregate } from '../results/result-types.js';
import { loadProjectResults } from '../results/project-results.js';
import { itemConfidence } from '../results/list-results.js';
import type { ServiceDeps } from '../deps.js';

/** Projects under this many judgments are refreshed after each submit; larger ones by the background job. */
export const INLINE_JUDGMENTS = 20_000;
export const LARGE_REFRESH_MS = 10_000;
/** A confidence that moved less than this since it was written is not rewritten (every refit nudges them all). */
export const CONFIDENCE_STEP = 0.005;
/** How long an item asking for one more judgment waits for a preferred annotator before anyone may take it. */
export const PREFERENCE_WINDOW_MS = 5 * 60_000;

export interface RefreshOutcome {
  /** item_results rows written (inserted or changed) and deleted. */
  written: number;
  deleted: number;
  /** Items that asked for one more judgment. */
  reopened: number;
}

interface ProjectState {
  running: Promise<void> | null;
  dirty: boolean;
  /** Judgments at the last refresh: decides inline or background. */
  judgments: number;
  /** What is in item_results, as last read or written by this process. */
  written: Map<string, { confidence: number | null; n: number; aggregates: string }> | null;
  lastError: unknown;
}

export class LiveResults {
  private readonly projects = new Map<string, ProjectState>();
  private closed = false;

  constructor(private readonly deps: Pick<ServiceDeps, 'store' | 'now'>) {}

  private stateOf(projectId: string): ProjectState {
    let s = this.projects.get(projectId);
    if (!s) {
      s = { running: null, dirty: false, judgments: 0, written: null, lastError: null };
      this.projects.set(projectId, s);
    }
    return s;
  }

  /** A submit landed in the project: refresh it now (small project) or at the next background pass (large). */
  noteSubmitted(projectId: string): void {
    if (this.closed) return;
    const s = this.stateOf(projectId);
    s.dirty = true;
    if (s.judgments < INLINE_JUDGMENTS) this.kick(projectId, s);
  }

  /** Starts a refresh unless one is running (which then runs again for what came in meanwhile). */
  private kick(projectId: string, s: ProjectState): void {
    if (s.running || this.closed) return;
    s.running = (async () => {
      while (s.dirty && !this.closed) {
        s.dirty = false;
        try {
          await this.refresh(projectId);
          s.lastError = null;
        } catch (err) {
          // Logged by the caller of `settled`/the job; the next submit tries again.
          s.lastError = err;
          s.written = null;
        }
      }
    })().finally(() => {
      s.running = null;
    });
  }

  /** The background job: refreshes the large projects that had submits since their last refresh. */
  async refreshLarge(): Promise<void> {
    for (const [projectId, s] of this.projects) {
      if (s.dirty && s.judgments >= INLINE_JUDGMENTS) {
        this.kick(projectId, s);
        await s.running;
      }
    }
  }

  /** Resolves when no refresh is running or due for the project (or every project): for tests and shutdown. */
  async settled(projectId?: string): Promise<void> {
    const ids = projectId === undefined ? [...this.projects.keys()] : [projectId];
    for (;;) {
      const running = ids.map((id) => this.projects.get(id)?.running).filter((p): p is Promise<void> => !!p);
      if (running.length === 0) break;
      await Promise.all(running);
    }
    for (const id of ids) {
      const err = this.projects.get(id)?.lastError;
      if (err) throw err;
    }
  }

  /** Stops taking work and waits for what runs. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.projects.values()].map((s) => s.running));
  }

  /** One refresh of the project, now. */
  async refresh(projectId: string): Promise<RefreshOutcome> {
    const project = await getProject(this.deps.store.db, projectId);
    if (!project || project.kind !== 'production') return { written: 0, deleted: 0, reopened: 0 };
    const s = this.stateOf(projectId);
    const { results } = await loadProjectResults(this.deps as ServiceDeps, project);
    s.judgments = results.annotations;
    const db = this.deps.store.db;
    const before = s.written ?? (await readItemResults(db, projectId));
    const now = this.deps.now().toISOString();
    const changed: ItemResultRow[] = [];
    for (const [itemId, aggregates] of results.byItem) {
      const confidence = itemConfidence(aggregates);
      const n = aggregates.reduce((m, a) => Math.max(m, a.n), 0);
      const json = JSON.stringify(aggregates);
      const old = before.get(itemId);
      if (old && old.n === n && sameAnswers(old.aggregates, aggregates) && closeEnough(old.confidence, confidence)) continue;
      changed.push({ item_id: itemId, project_id: projectId, aggregates: json, confidence, n, updated_at: now });
    }
    const gone = [...before.keys()].filter((id) => !results.byItem.has(id));
    if (changed.length > 0 || gone.length > 0) {
      await this.deps.store.write(async (trx) => {
        await upsertItemResults(trx, changed);
        await deleteItemResults(trx, gone);
      });
    }
    for (const r of changed) before.set(r.item_id, { confidence: r.confidence, n: r.n, aggregates: r.aggregates });
    for (const id of gone) before.delete(id);
    s.written = before;
    const reopened = project.overlap_mode === 'adaptive' ? await this.askMoreJudgments(project) : 0;
    return { written: changed.length, deleted: gone.length, reopened };
  }

  /** Adaptive overlap: one more judgment for each complete item still under τ and under k_max. */
  private async askMoreJudgments(project: ProjectRow): Promise<number> {
    const db = this.deps.store.db;
    const uncertain = await listUncertainComplete(db, { projectId: project.id, k: project.overlap_k, kMax: project.overlap_k_max, tau: project.overlap_tau });
    if (uncertain.length === 0) return 0;
    const [judges, tallies] = await Promise.all([listItemJudges(db, uncertain.map((u) => u.id)), goldTalliesOnProject(db, project.id)]);
    const skillOf = new Map(tallies.map((t) => [t.annotator_id, measuredSkill(Number(t.n), Number(t.correct ?? 0))]));
    const judgesOf = new Map<string, Judge[]>();
    for (const j of judges) {
      const list = judgesOf.get(j.item_id) ?? [];
      list.push({ annotatorId: j.annotator_id, vendorId: j.vendor_id, skill: skillOf.get(j.annotator_id) ?? measuredSkill(0, 0) });
      judgesOf.set(j.item_id, list);
    }
    const preferUntil = new Date(this.deps.now().getTime() + PREFERENCE_WINDOW_MS).toISOString();
    let reopened = 0;
    await this.deps.store.write(async (trx) => {
      for (const u of uncertain) {
        const p = preferenceFor(judgesOf.get(u.id) ?? []);
        const raised = await askOneMoreJudgment(trx, { itemId: u.id, from: Number(u.extra_k), k: project.overlap_k, preferUntil, avoidVendor: p.avoidVendor, preferSkill: p.preferSkill });
        if (raised) reopened++;
      }
    });
    return reopened;
  }
}

const closeEnough = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < CONFIDENCE_STEP);

/** Whether the stored aggregates (JSON) carry the same answers, question by question, as the new ones. */
function sameAnswers(storedJson: string, fresh: readonly QuestionAggregate[]): boolean {
  let stored: { questionId: string; answer: unknown }[];
  try {
    stored = JSON.parse(storedJson) as { questionId: string; answer: unknown }[];
  } catch {
    return false;
  }
  if (stored.length !== fresh.length) return false;
  return stored.every((s, i) => s.questionId === fresh[i]!.questionId && JSON.stringify(s.answer) === JSON.stringify(fresh[i]!.answer));
}
