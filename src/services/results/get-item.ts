import { notFound } from '../../core/errors.js';
import { can, type Actor } from '../../core/permissions.js';
import { getGoldAnswer, getProjectItem, hasLiveLease, listItemAnnotations } from '../../store/item-listing.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { loadProjectResults, authorizeResults } from './project-results.js';
import type { QuestionAggregate } from './result-types.js';
import { judgmentsNeededOf, statusOf, type ItemSummary } from './list-items.js';
import { requireProject } from '../projects/require-project.js';
import { getFlag } from '../../store/reviews.js';
import { signalFlagsOf, type SignalFlag } from '../quality/signals.js';

export interface ItemAnnotationView {
  id: string;
  annotatorId: string;
  pseudonym: string;
  vendorId: string | null;
  vendorName: string | null;
  answers: Record<string, unknown>;
  timeSpentMs: number;
  schemaVersion: number;
  guidelineVersion: number;
  clientSignals: Record<string, unknown>;
  createdAt: string;
  /** Its effort and fraud flags; gold_fail_streak only for actors who may see gold. */
  flags: SignalFlag[];
}

export interface ItemDetail {
  id: string;
  externalId: string | null;
  data: Record<string, unknown>;
  judgments: number;
  judgmentsNeeded: number;
  status: ItemSummary['status'];
  createdAt: string;
  /** Only for actors who may see gold (`gold.manage`). */
  isGold?: boolean;
  /** Only for actors who may see gold, and only on gold items. */
  gold?: { answers: Record<string, unknown>; explanation: string | null };
  annotations: ItemAnnotationView[];
  aggregates: QuestionAggregate[];
  /** The flag that sends the item's annotations to review (when the policy follows flags); null when unflagged. */
  flag: { reason: string; flaggedBy: string; createdAt: string } | null;
}

/**
 * One item with everything known about it: data, annotations with who made them, the aggregate per question and,
 * for those with `gold.manage` only, its gold answer, and each annotation's effort and fraud flags (from the project's
 * cached signals). Needs what results need (`item.read`, `annotation.read_all`).
 */
export async function getItem(deps: ServiceDeps, actor: Actor, projectId: string, itemId: string): Promise<ItemDetail> {
  authorizeResults(actor);
  const project = await requireProject(deps, actor, projectId);
  const db = deps.store.db;
  const item = await getProjectItem(db, project.id, itemId);
  if (!item) throw notFound('Item');
  const seesGold = can(actor, 'gold.manage');
  const [annotations, leased, gold, loaded, flag] = await Promise.all([
    listItemAnnotations(db, item.id),
    hasLiveLease(db, item.id, nowIsoOf(deps)),
    seesGold ? getGoldAnswer(db, item.id) : Promise.resolve(undefined),
    loadProjectResults(deps, project),
    getFlag(db, item.id),
  ]);
  const flags = await signalFlagsOf(
    deps,
    project,
    annotations.map((a) => a.id),
    { withGold: seesGold },
  );
  return {
    id: item.id,
    externalId: item.external_id,
    data: item.data,
    judgments: item.submitted_count,
    judgmentsNeeded: judgmentsNeededOf(item, project.overlap_k),
    status: statusOf(item, project.overlap_k, leased),
    createdAt: item.created_at,
    ...(seesGold && { isGold: gold !== undefined }),
    ...(seesGold && gold && { gold: { answers: gold.answers, explanation: gold.explanation } }),
    annotations: annotations.map((a) => ({
      id: a.id,
      annotatorId: a.annotator_id,
      pseudonym: a.pseudonym,
      vendorId: a.vendor_id,
      vendorName: a.vendor_name,
      answers: a.answers,
      timeSpentMs: a.time_spent_ms,
      schemaVersion: a.schema_version,
      guidelineVersion: a.guideline_version,
      clientSignals: a.client_signals,
      createdAt: a.created_at,
      flags: flags.get(a.id) ?? [],
    })),
    aggregates: loaded.results.byItem.get(item.id) ?? [],
    flag: flag ? { reason: flag.reason, flaggedBy: flag.flagged_by, createdAt: flag.created_at } : null,
  };
}
