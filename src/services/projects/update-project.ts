/**
 * Updating a project's settings (its status too: publishing, pausing and archiving are updates). A change of k, or
 * a return to fixed overlap, reopens or closes items in the same write.
 */
import { authorize, type Actor } from '../../core/permissions.js';
import * as projects from '../../store/projects.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { presentProject, type ProjectView } from './present-project.js';
import { checkSettings, checkVendors, gateAfter, kMaxAfter, type ProjectSettings } from './project-settings.js';
import { requireProject } from './require-project.js';

export async function updateProject(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  patch: Partial<ProjectSettings>,
): Promise<ProjectView> {
  authorize(actor, 'project.update');
  const p = await requireProject(deps, actor, projectId);
  checkSettings(patch, p);
  await checkVendors(deps, actor, patch.vendors);
  const k = patch.overlapK ?? p.overlap_k;
  const mode = patch.overlapMode ?? p.overlap_mode;
  const kMax = kMaxAfter(patch, k, p.overlap_k_max);
  const set: projects.ProjectPatch = {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.status !== undefined && { status: patch.status }),
    ...(patch.overlapK !== undefined && { overlap_k: patch.overlapK }),
    ...(patch.goldRate !== undefined && { gold_rate: patch.goldRate }),
    ...(patch.goldFeedback !== undefined && { gold_feedback: patch.goldFeedback }),
    ...(patch.leaseSeconds !== undefined && { lease_seconds: patch.leaseSeconds }),
    ...(patch.priority !== undefined && { priority: patch.priority }),
    ...(patch.qualityGate !== undefined && { gate: gateAfter(p.gate, patch.qualityGate) }),
    ...(patch.domain !== undefined && { domain: patch.domain }),
    ...(patch.minSkill !== undefined && { min_skill: patch.minSkill }),
    ...(patch.overlapMode !== undefined && { overlap_mode: patch.overlapMode }),
    ...(kMax !== p.overlap_k_max && { overlap_k_max: kMax }),
    ...(patch.overlapTau !== undefined && { overlap_tau: patch.overlapTau }),
    ...(patch.excludePaused !== undefined && { exclude_paused: patch.excludePaused }),
    updated_at: nowIsoOf(deps),
  };
  // Back to fixed overlap: exactly k again, so the extra judgments adaptive overlap asked for are dropped.
  const dropExtra = mode === 'fixed' && p.overlap_mode !== 'fixed';
  await deps.store.write(async (trx) => {
    await projects.updateProject(trx, projectId, set);
    if (k !== p.overlap_k || dropExtra) await projects.reopenItems(trx, projectId, k, { dropExtra });
    if (patch.vendors !== undefined) await projects.replaceProjectVendors(trx, projectId, patch.vendors);
  });
  return presentProject(deps.store.db, { ...p, ...set });
}
