/**
 * A project's signal thresholds: when an annotation is flagged as too fast, pasted, a near-duplicate, straight-lined
 * or in a gold failure streak. Absent, the defaults below apply. Its own resource, like the review policy, so the
 * thresholds can change apart from the project's other settings and say who changed them last.
 */
import { actorId, authorize, type Actor } from '../../core/permissions.js';
import { invalid } from '../../core/errors.js';
import * as store from '../../store/signals.js';
import type { Executor } from '../../store/db.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/projects.js';

export interface SignalPolicy {
  /** too_fast: time on task under this fraction of the item's median and of the annotator's own median. */
  tooFastRatio: number;
  /** too_fast: other annotators' annotations an item needs for its own median; fewer, the project's median. */
  tooFastMinOthers: number;
  /** pasted: pasted characters over the length of the text answers at or above this. */
  pastedShare: number;
  /** near_duplicate: estimated Jaccard similarity (MinHash, word 3-grams) at or above this. */
  duplicateJaccard: number;
  /** near_duplicate: texts with fewer words are ignored. */
  duplicateMinWords: number;
  /** straight_lining: share of the annotator's most frequent answer at or above this … */
  straightShare: number;
  /** … and its one-sided binomial p-value against the project's share under this … */
  straightAlpha: number;
  /** … with at least this many answers to the question. */
  straightMinN: number;
  /** gold_fail_streak: missed gold items in a row; null: the quality gate's streak (0 there: off). */
  goldFailStreak: number | null;
}

export interface SignalPolicyView extends SignalPolicy {
  projectId: string;
  updatedAt: string | null;
}

export const DEFAULT_SIGNAL_POLICY: SignalPolicy = {
  tooFastRatio: 0.25,
  tooFastMinOthers: 3,
  pastedShare: 0.5,
  duplicateJaccard: 0.8,
  duplicateMinWords: 20,
  straightShare: 0.9,
  straightAlpha: 0.001,
  straightMinN: 20,
  goldFailStreak: null,
};

export async function loadSignalPolicy(db: Executor, projectId: string): Promise<SignalPolicy & { updatedAt: string | null }> {
  const r = await store.getSignalPolicy(db, projectId);
  if (!r) return { ...DEFAULT_SIGNAL_POLICY, updatedAt: null };
  return {
    tooFastRatio: Number(r.too_fast_ratio),
    tooFastMinOthers: Number(r.too_fast_min_others),
    pastedShare: Number(r.pasted_share),
    duplicateJaccard: Number(r.duplicate_jaccard),
    duplicateMinWords: Number(r.duplicate_min_words),
    straightShare: Number(r.straight_share),
    straightAlpha: Number(r.straight_alpha),
    straightMinN: Number(r.straight_min_n),
    goldFailStreak: r.gold_fail_streak === null ? null : Number(r.gold_fail_streak),
    updatedAt: r.updated_at,
  };
}

/** Whoever may read a project's progress may read its thresholds (they explain the flags). */
export async function getSignalPolicy(deps: ServiceDeps, actor: Actor, projectId: string): Promise<SignalPolicyView> {
  authorize(actor, 'progress.read');
  const p = await requireProject(deps, actor, projectId);
  return { projectId: p.id, ...(await loadSignalPolicy(deps.store.db, p.id)) };
}

const fraction = (v: number | undefined, field: keyof SignalPolicy, lowOpen = true) => {
  if (v !== undefined && !(lowOpen ? v > 0 && v <= 1 : v >= 0 && v <= 1)) throw invalid(`${field} must be within 0..1${lowOpen ? ' (exclusive of 0)' : ''}`, field);
};
const count = (v: number | null | undefined, field: keyof SignalPolicy, min: number, max: number) => {
  if (v != null && (!Number.isInteger(v) || v < min || v > max)) throw invalid(`${field} must be an integer from ${min} to ${max}`, field);
};

export function validateSignalPolicy(input: Partial<SignalPolicy>): void {
  fraction(input.tooFastRatio, 'tooFastRatio');
  count(input.tooFastMinOthers, 'tooFastMinOthers', 1, 1000);
  fraction(input.pastedShare, 'pastedShare');
  fraction(input.duplicateJaccard, 'duplicateJaccard');
  count(input.duplicateMinWords, 'duplicateMinWords', 3, 10_000);
  fraction(input.straightShare, 'straightShare');
  if (input.straightAlpha !== undefined && !(input.straightAlpha > 0 && input.straightAlpha < 1)) throw invalid('straightAlpha must be within 0..1 (exclusive)', 'straightAlpha');
  count(input.straightMinN, 'straightMinN', 1, 100_000);
  count(input.goldFailStreak, 'goldFailStreak', 0, 100_000);
}

export async function setSignalPolicy(deps: ServiceDeps, actor: Actor, projectId: string, input: Partial<SignalPolicy>): Promise<SignalPolicyView> {
  authorize(actor, 'project.update');
  const p = await requireProject(deps, actor, projectId);
  validateSignalPolicy(input);
  const now = nowIsoOf(deps);
  return deps.store.write(async (trx) => {
    const { updatedAt: _u, ...current } = await loadSignalPolicy(trx, p.id);
    const next: SignalPolicy = { ...current };
    for (const k of Object.keys(DEFAULT_SIGNAL_POLICY) as (keyof SignalPolicy)[]) {
      if (input[k] !== undefined) (next as unknown as Record<string, unknown>)[k] = input[k];
    }
    await store.upsertSignalPolicy(trx, {
      project_id: p.id,
      too_fast_ratio: next.tooFastRatio,
      too_fast_min_others: next.tooFastMinOthers,
      pasted_share: next.pastedShare,
      duplicate_jaccard: next.duplicateJaccard,
      duplicate_min_words: next.duplicateMinWords,
      straight_share: next.straightShare,
      straight_alpha: next.straightAlpha,
      straight_min_n: next.straightMinN,
      gold_fail_streak: next.goldFailStreak,
      updated_by: actorId(actor),
      updated_at: now,
    });
    return { projectId: p.id, ...next, updatedAt: now };
  });
}
