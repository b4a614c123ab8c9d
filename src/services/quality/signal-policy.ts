/**
 * A project's signal thresholds: when an annotation is flagged as too fast, pasted, a near-duplicate, straight-lined
 * or in a gold failure streak. Absent, the defaults (core/signals.ts) apply. Its own resource, like the review policy, so the
 * thresholds can change apart from the project's other settings and say who changed them last.
 */
import { actorId, authorize, type Actor } from '../../core/permissions.js';
import { invalid } from '../../core/errors.js';
import { DEFAULT_SIGNAL_POLICY, type SignalPolicy } from '../../core/signals.js';
import * as store from '../../store/signals.js';
import type { Executor } from '../../store/db.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';

export interface SignalPolicyView extends SignalPolicy {
  projectId: string;
  updatedAt: string | null;
}

export async function loadSignalPolicy(db: Executor, projectId: string): Promise<SignalPolicy & { updatedAt: string | null }> {
  return (await store.getSignalPolicy(db, projectId)) ?? { ...DEFAULT_SIGNAL_POLICY, updatedAt: null };
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
    await store.upsertSignalPolicy(trx, { projectId: p.id, policy: next, updatedBy: actorId(actor), updatedAt: now });
    return { projectId: p.id, ...next, updatedAt: now };
  });
}
