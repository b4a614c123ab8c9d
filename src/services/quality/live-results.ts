/**
 * Live results: each item's aggregate (Dawid–Skene with gold clamped, per question type as `computeResults` does)
 * kept current in `item_results` while the project is being labeled, and adaptive overlap deciding from it.
 *
 * When it runs: after every submit, the project is marked for a refresh. A project with fewer than
 * `INLINE_JUDGMENTS` judgments is refreshed at once, off the submit's path (the submit's answer never waits for
 * it, and a failed refresh never touches an acknowledged annotation); refreshes of one project never overlap, and
 * submits that land during one are folded into the next, which starts after a pause of `GAP_FACTOR` times as long
 * as the last refresh took (at least `MIN_GAP_MS`), so under load the live-results thread is busy at most a fifth
 * of the time and every submit is covered within a refresh or two. A larger project is refreshed by the background job (`jobs/runner.ts`) every
 * `LARGE_REFRESH_MS`. Each process refreshes the projects it saw submits for, reading every input from the
 * database, so several servers agree on what they write; the conditional updates make a decision taken twice count
 * once.
 *
 * What a refresh does, keeping the request thread free: takes the annotations this process acknowledged since the
 * last refresh (handed over by the submit, so no read), and every `RECONCILE_MS` reads the project's annotations
 * from the database since the last such read (from `LATE_COMMIT_MS` before it, as a transaction can commit after a
 * later one), which brings in other servers' submits; the thread drops what it already has. Also the gold answers
 * when their count changed and who is paused (exclude-paused switch). The live-results
 * thread (`live-results-thread.ts`, `LiveAggregate`) recomputes the project's aggregate with Dawid–Skene, gold
 * clamped, and answers the items whose answer, judgment count or confidence (by more than `CONFIDENCE_STEP`)
 * changed; those rows are written; then, in an adaptive project, requests still waiting on items whose aggregate has
 * reached τ are withdrawn, and each item that has all it asked for, is under τ and is under k_max asks one more
 * judgment (held for a preferred annotator at most `PREFERENCE_WINDOW_MS`, and only when one exists).
 */
import { measuredSkill, PREFERENCE_WINDOW_MS, preferenceFor, preferredAvailable, type Judge } from '../../core/overlap/adaptive.js';
import { getProject } from '../../store/projects.js';
import {
  annotationsSince,
  askOneMoreJudgment,
  countGold,
  deleteItemResults,
  goldTalliesOnProject,
  listItemAssignees,
  listItemJudges,
  listUncertainComplete,
  projectWorkforce,
  upsertItemResults,
  withdrawSettledRequests,
} from '../../store/item-results.js';
import { listProjectGold, pausedAnnotators } from '../../store/results-inputs.js';
import type { Project } from '../../store/projects.js';
import { ThreadClient } from '../../threads/thread-client.js';
import type { LiveRefreshRequest } from './live-results-thread.js';
import type { RawAnnotation, RefreshResult } from './live-aggregate.js';
import { loadSchema } from '../projects/schema-cache.js';
import type { LiveResultsFeed, ServiceDeps } from '../deps.js';

/** Projects under this many judgments are refreshed after each submit; larger ones by the background job. */
export const INLINE_JUDGMENTS = 20_000;
export const LARGE_REFRESH_MS = 10_000;
/** Least pause between two refreshes of a project under load, and the pause per unit of the last refresh's time. */
export const MIN_GAP_MS = 250;
export const GAP_FACTOR = 4;
/** How often a refresh also reads the database for annotations this process did not see (other servers'). */
export const RECONCILE_MS = 15_000;
/** How far back such a read starts before the newest annotation it had, for transactions that committed late. */
export const LATE_COMMIT_MS = 2_000;

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
  /** What the thread holds for the project: its schema version, the newest annotation time read, gold count and
   * the excluded annotators sent; null until the first refresh, or after a failure (the next one starts over). */
  sent: { schemaVersion: number; newest: string | null; gold: number; excluded: string; readAt: number } | null;
  /** Annotations acknowledged by this process since the last refresh. */
  pending: RawAnnotation[];
  /** The next refresh starts over (set by `noteInputsChanged`, also while a refresh runs). */
  mustReset: boolean;
  lastError: unknown;
}

export class LiveResults implements LiveResultsFeed {
  private readonly projects = new Map<string, ProjectState>();
  private readonly thread = new ThreadClient<LiveRefreshRequest, RefreshResult>('live-results-thread', import.meta.url);
  private closed = false;

  constructor(private readonly deps: Pick<ServiceDeps, 'store' | 'now'>) {}

  private stateOf(projectId: string): ProjectState {
    let s = this.projects.get(projectId);
    if (!s) {
      s = { running: null, dirty: false, judgments: 0, sent: null, pending: [], mustReset: false, lastError: null };
      this.projects.set(projectId, s);
    }
    return s;
  }

  /** A submit landed in the project: refresh it now (small project) or at the next background pass (large). */
  noteSubmitted(projectId: string, annotation?: RawAnnotation): void {
    if (this.closed) return;
    const s = this.stateOf(projectId);
    s.dirty = true;
    if (annotation) s.pending.push(annotation);
    if (s.judgments < INLINE_JUDGMENTS) this.kick(projectId, s);
  }

  /** Starts a refresh unless one is running (which then runs again for what came in meanwhile). */
  private kick(projectId: string, s: ProjectState): void {
    if (s.running || this.closed) return;
    s.running = (async () => {
      while (s.dirty && !this.closed) {
        s.dirty = false;
        const started = Date.now();
        try {
          await this.refresh(projectId, { readAll: false });
          s.lastError = null;
        } catch (err) {
          // Kept for `settled` (tests) and the job's log; the next submit starts over.
          s.lastError = err;
          s.sent = null;
        }
        if (s.dirty) await pause(Math.max(MIN_GAP_MS, GAP_FACTOR * (Date.now() - started)));
      }
    })().finally(() => {
      s.running = null;
    });
  }

  /**
   * Something changed the project's inputs other than a new annotation (a review rejected or corrected one, a
   * pause or reinstatement): the next refresh starts over from the database.
   */
  noteInputsChanged(projectId: string): void {
    if (this.closed) return;
    const s = this.stateOf(projectId);
    s.mustReset = true;
    s.dirty = true;
    if (s.judgments < INLINE_JUDGMENTS) this.kick(projectId, s);
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
    await this.thread.close();
  }

  /**
   * One refresh of the project, now. With `readAll` (the default) it reads every annotation new since the last read
   * from the database; without, only when `RECONCILE_MS` has passed, and otherwise takes this process's submits.
   */
  async refresh(projectId: string, o: { readAll: boolean } = { readAll: true }): Promise<RefreshOutcome> {
    const db = this.deps.store.db;
    const project = await getProject(db, projectId);
    if (!project || project.kind !== 'production') return { written: 0, deleted: 0, reopened: 0 };
    const s = this.stateOf(projectId);
    const reset = s.mustReset || s.sent === null || s.sent.schemaVersion !== project.schema_version;
    s.mustReset = false;
    const sent = reset ? { schemaVersion: project.schema_version, newest: null, gold: -1, excluded: '', readAt: 0 } : s.sent!;
    const startedAt = Date.now();
    const reconcile = reset || o.readAll || startedAt - sent.readAt >= RECONCILE_MS;
    const since = sent.newest === null ? null : new Date(Date.parse(sent.newest) - LATE_COMMIT_MS).toISOString();
    const local = s.pending;
    s.pending = [];
    const [schema, read, goldCount, excluded] = await Promise.all([
      loadSchema(db, projectId, project.schema_version),
      reconcile ? annotationsSince(db, projectId, since) : Promise.resolve([]),
      countGold(db, projectId),
      project.exclude_paused ? pausedAnnotators(db, projectId) : Promise.resolve([]),
    ]);
    const gold = goldCount === sent.gold ? null : (await listProjectGold(db, projectId)).map((g) => [g.item_id, g.answers] as [string, unknown]);
    const excludedKey = excluded.join(',');
    const result = await this.thread.request({
      projectId,
      delta: {
        reset,
        schema,
        annotations: [...read.map((a) => ({ id: a.id, item_id: a.item_id, annotator_id: a.annotator_id, answers: a.answers })), ...local],
        gold,
        excluded: reset || excludedKey !== sent.excluded ? excluded : null,
      },
    });
    const newest = read.length > 0 ? read[read.length - 1]!.created_at : sent.newest;
    s.sent = { schemaVersion: project.schema_version, newest, gold: goldCount, excluded: excludedKey, readAt: reconcile ? startedAt : sent.readAt };
    s.judgments = result.judgments;
    if (result.changed.length > 0 || result.gone.length > 0) {
      const now = this.deps.now().toISOString();
      await this.deps.store.write(async (trx) => {
        await upsertItemResults(trx, result.changed.map((r) => ({ item_id: r.itemId, project_id: projectId, aggregates: r.aggregates, confidence: r.confidence, n: r.n, updated_at: now })));
        await deleteItemResults(trx, result.gone);
      });
    }
    const reopened = project.overlap_mode === 'adaptive' ? await this.askMoreJudgments(project) : 0;
    return { written: result.changed.length, deleted: result.gone.length, reopened };
  }

  /**
   * Adaptive overlap: first withdraws the requests still waiting whose item's aggregate has caught up with τ, then
   * asks one more judgment for each complete item still under τ and under k_max, held for a preferred annotator
   * (`PREFERENCE_WINDOW_MS`) only when one exists in the project's workforce.
   */
  private async askMoreJudgments(project: Project): Promise<number> {
    const db = this.deps.store.db;
    await this.deps.store.write((trx) => withdrawSettledRequests(trx, { projectId: project.id, k: project.overlap_k, tau: project.overlap_tau }));
    const uncertain = await listUncertainComplete(db, { projectId: project.id, k: project.overlap_k, kMax: project.overlap_k_max, tau: project.overlap_tau });
    if (uncertain.length === 0) return 0;
    const ids = uncertain.map((u) => u.id);
    const [judges, tallies, workforce, assignees] = await Promise.all([
      listItemJudges(db, ids),
      goldTalliesOnProject(db, project.id),
      projectWorkforce(db, project.id),
      listItemAssignees(db, ids),
    ]);
    const skillOf = new Map(tallies.map((t) => [t.annotator_id, measuredSkill(Number(t.n), Number(t.correct ?? 0))]));
    const skill = (annotatorId: string) => skillOf.get(annotatorId) ?? measuredSkill(0, 0);
    const judgesOf = new Map<string, Judge[]>();
    for (const j of judges) {
      const list = judgesOf.get(j.item_id) ?? [];
      list.push({ annotatorId: j.annotator_id, vendorId: j.vendor_id, skill: skill(j.annotator_id) });
      judgesOf.set(j.item_id, list);
    }
    const candidates = workforce.map((c) => ({ annotatorId: c.annotator_id, vendorId: c.vendor_id, skill: skill(c.annotator_id) }));
    const givenTo = new Map<string, Set<string>>();
    for (const a of assignees) givenTo.set(a.item_id, (givenTo.get(a.item_id) ?? new Set()).add(a.annotator_id));
    const preferUntil = new Date(this.deps.now().getTime() + PREFERENCE_WINDOW_MS).toISOString();
    let reopened = 0;
    await this.deps.store.write(async (trx) => {
      for (const u of uncertain) {
        const p = preferenceFor(judgesOf.get(u.id) ?? []);
        const hold = preferredAvailable(p, candidates, givenTo.get(u.id) ?? new Set());
        const raised = await askOneMoreJudgment(trx, {
          itemId: u.id,
          from: Number(u.extra_k),
          k: project.overlap_k,
          ...(hold ? { preferUntil, avoidVendor: p.avoidVendor, preferSkill: p.preferSkill } : { preferUntil: null, avoidVendor: null, preferSkill: null }),
        });
        if (raised) reopened++;
      }
    });
    return reopened;
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
