/**
 * A project's settings as a manager sends them, and their checks: each field's range, and the pairs that must agree
 * on the values the project will have (overlapK ≤ overlapKMax; a minimum skill needs a domain). Shared by creating
 * and updating a project, and by qualifications, which are projects of their own kind.
 */
import { invalid } from '../../core/errors.js';
import type { Actor } from '../../core/permissions.js';
import { NEW_PROJECT_DEFAULTS } from '../../core/project-defaults.js';
import type { QualityGatePolicy } from '../../core/gold/quality-gate.js';
import {
  DOMAIN_MAX_LENGTH,
  DOMAIN_PATTERN,
  GOLD_FEEDBACK_MODES,
  OVERLAP_MODES,
  type GoldFeedbackMode,
  type OverlapMode,
  type ProjectStatus,
} from '../../core/project.js';
import type { Project } from '../../store/projects.js';
import { getVendor } from '../../store/vendors.js';
import type { ServiceDeps } from '../deps.js';
import { orgOf } from '../workforce/organizations.js';

/** What a new project measures unless told otherwise, and why: `src/core/project-defaults.ts`. */
export const DEFAULT_OVERLAP_K = NEW_PROJECT_DEFAULTS.overlapK;
export const DEFAULT_GOLD_RATE = NEW_PROJECT_DEFAULTS.goldRate;
export const DEFAULT_OVERLAP_K_MAX = 5;

/** A vendor's access to a project and its quota (both caps apply when both are set). */
export interface ProjectVendorSetting {
  vendorId: string;
  enabled: boolean;
  /** Most tasks (leased or submitted, gold included) the vendor's annotators may take here; null: no cap. */
  quotaTasks?: number | null | undefined;
  /** Most share (0..1) of the project's planned judgments (normal items × k) the vendor may take; null: no cap. */
  quotaShare?: number | null | undefined;
}

/** What a manager may send: the policy's fields, and the old fixed rules only to be told they are derived now. */
export type GateSetting = Partial<QualityGatePolicy> & { minGold?: number | undefined; maxFailStreak?: number | undefined };

export interface ProjectSettings {
  name: string;
  description?: string | undefined;
  status?: ProjectStatus | undefined;
  /** Judgments per item under fixed overlap. */
  overlapK?: number | undefined;
  /** Share of served tasks that are gold (hidden among the others; see next-task.ts). */
  goldRate?: number | undefined;
  /** After a missed gold item: show its answer and explanation (`feedback`) or nothing (`audit`, the default). */
  goldFeedback?: GoldFeedbackMode | undefined;
  /** How long a claimed task stays reserved for its annotator. */
  leaseSeconds?: number | undefined;
  priority?: number | undefined;
  /** Vendors whose annotators may work on the project; none listed = every annotator of the organization. */
  vendors?: ProjectVendorSetting[] | undefined;
  /** The quality gate (see core/gold/quality-gate.ts); fields left out keep their current (or default) value. */
  qualityGate?: GateSetting | undefined;
  /** The domain an annotator's profile must have (`medicine/cardiology` satisfies `medicine`); null: any annotator. */
  domain?: string | null | undefined;
  /** The least measured skill in the domain (posterior mean accuracy, 0..1) to be served; 0: no minimum. */
  minSkill?: number | undefined;
  overlapMode?: OverlapMode | undefined;
  /** Adaptive overlap: most judgments per item (at least overlapK). */
  overlapKMax?: number | undefined;
  /** Adaptive overlap: the confidence at which an item needs no more judgments, in (0.5, 1]. */
  overlapTau?: number | undefined;
  /** Results and exports leave out the annotations of annotators paused on the project. */
  excludePaused?: boolean | undefined;
}

export interface CreateProjectInput extends ProjectSettings {
  schema: unknown;
  guidelines?: string | undefined;
}

/**
 * Checks each setting given, and the pair overlapK ≤ overlapKMax on the values the project will have (`current`:
 * the project, absent at creation). Fields are named in the errors.
 */
export function checkSettings(s: Partial<ProjectSettings>, current?: Project) {
  if (s.overlapK !== undefined && (!Number.isInteger(s.overlapK) || s.overlapK < 1 || s.overlapK > 100)) {
    throw invalid('overlapK must be an integer from 1 to 100', 'overlapK');
  }
  if (s.goldRate !== undefined && !(s.goldRate >= 0 && s.goldRate <= 1)) throw invalid('goldRate must be within 0..1', 'goldRate');
  if (s.goldFeedback !== undefined && !GOLD_FEEDBACK_MODES.includes(s.goldFeedback)) throw invalid('goldFeedback must be audit or feedback', 'goldFeedback');
  if (s.leaseSeconds !== undefined && (!Number.isInteger(s.leaseSeconds) || s.leaseSeconds < 10 || s.leaseSeconds > 7 * 86400)) {
    throw invalid('leaseSeconds must be an integer from 10 to 604800', 'leaseSeconds');
  }
  if (s.domain !== undefined && s.domain !== null && !(s.domain.length <= DOMAIN_MAX_LENGTH && DOMAIN_PATTERN.test(s.domain))) {
    throw invalid('domain must be a lowercase path such as medicine/cardiology (segments of a-z, 0-9, _ and - joined by /, at most 100 characters)', 'domain');
  }
  if (s.minSkill !== undefined && !(s.minSkill >= 0 && s.minSkill <= 1)) throw invalid('minSkill must be within 0..1', 'minSkill');
  // Skill is measured per domain: a minimum without a domain would have nothing to measure.
  const domainAfter = s.domain !== undefined ? s.domain : (current?.domain ?? null);
  const minSkillAfter = s.minSkill ?? current?.min_skill ?? 0;
  if (minSkillAfter > 0 && domainAfter === null) {
    throw s.domain === null
      ? invalid('domain cannot be removed while minSkill is above 0 (skill is measured per domain); set minSkill to 0 too', 'domain')
      : invalid('minSkill above 0 needs a domain: skill is measured per domain', 'minSkill');
  }
  if (s.overlapMode !== undefined && !OVERLAP_MODES.includes(s.overlapMode)) throw invalid('overlapMode must be fixed or adaptive', 'overlapMode');
  if (s.overlapKMax !== undefined && (!Number.isInteger(s.overlapKMax) || s.overlapKMax < 1 || s.overlapKMax > 100)) {
    throw invalid('overlapKMax must be an integer from 1 to 100', 'overlapKMax');
  }
  if (s.overlapKMax !== undefined) {
    const k = s.overlapK ?? current?.overlap_k ?? 1;
    if (s.overlapKMax < k) throw invalid(`overlapKMax (${s.overlapKMax}) must be at least overlapK (${k})`, 'overlapKMax');
  }
  if (s.overlapTau !== undefined && !(s.overlapTau > 0.5 && s.overlapTau <= 1)) throw invalid('overlapTau must be above 0.5 and at most 1', 'overlapTau');
  for (const [i, v] of (s.vendors ?? []).entries()) {
    if (v.quotaTasks != null && (!Number.isInteger(v.quotaTasks) || v.quotaTasks < 0)) {
      throw invalid('quotaTasks must be a non-negative integer or null', `vendors[${i}].quotaTasks`);
    }
    if (v.quotaShare != null && !(v.quotaShare >= 0 && v.quotaShare <= 1)) throw invalid('quotaShare must be within 0..1 or null', `vendors[${i}].quotaShare`);
  }
  const g = s.qualityGate;
  if (g?.floor !== undefined && !(g.floor >= 0 && g.floor <= 1)) throw invalid('qualityGate.floor must be within 0..1', 'qualityGate.floor');
  if (g?.chance != null && !(g.chance > 0 && g.chance < 1)) throw invalid('qualityGate.chance must be above 0 and below 1, or null (from the schema)', 'qualityGate.chance');
  for (const old of ['minGold', 'maxFailStreak'] as const) {
    if (g?.[old] !== undefined) throw invalid(`qualityGate.${old} is derived from the floor now; set qualityGate.floor (and chance)`, `qualityGate.${old}`);
  }
}

/** The vendors named are the actor's organization's. */
export async function checkVendors(deps: ServiceDeps, actor: Actor, vendors: ProjectSettings['vendors']) {
  for (const [i, v] of (vendors ?? []).entries()) {
    const row = await getVendor(deps.store.db, v.vendorId);
    if (!row || row.org_id !== orgOf(actor)) throw invalid(`vendor ${v.vendorId} is not one of this organization's`, `vendors[${i}].vendorId`);
  }
}

/** The gate policy after a setting: the fields given over `base`. */
export function gateAfter(base: QualityGatePolicy, g: GateSetting | undefined): QualityGatePolicy {
  return { enabled: g?.enabled ?? base.enabled, floor: g?.floor ?? base.floor, chance: g?.chance !== undefined ? g.chance : base.chance };
}

/**
 * The most judgments per item after a change: as given, else the current (or default) value raised to k when k
 * grows past it (k_max is only read in adaptive mode; an explicit k_max under k is refused by `checkSettings`).
 */
export const kMaxAfter = (s: Partial<ProjectSettings>, k: number, current: number) => s.overlapKMax ?? Math.max(current, k);
