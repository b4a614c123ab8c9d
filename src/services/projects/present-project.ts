/** A project as the API shows it: the full settings to those who manage or review it, the essentials to annotators. */
import { can, type Actor } from '../../core/permissions.js';
import type { QualityGatePolicy } from '../../core/gold/quality-gate.js';
import type { GoldFeedbackMode, OverlapMode, ProjectKind, ProjectStatus } from '../../core/project.js';
import { listProjectVendors, type Project } from '../../store/projects.js';
import type { Executor } from '../../store/db.js';

export interface ProjectView {
  id: string;
  name: string;
  description: string;
  status: ProjectStatus;
  schemaVersion: number;
  guidelineVersion: number;
  overlapK: number;
  goldRate: number;
  goldFeedback: GoldFeedbackMode;
  leaseSeconds: number;
  priority: number;
  vendors: { vendorId: string; enabled: boolean; quotaTasks: number | null; quotaShare: number | null }[];
  qualityGate: QualityGatePolicy;
  kind: ProjectKind;
  domain: string | null;
  minSkill: number;
  overlapMode: OverlapMode;
  overlapKMax: number;
  overlapTau: number;
  excludePaused: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What an annotator may know about a project: no gold rate, no vendor list. */
export type AnnotatorProjectView = Pick<ProjectView, 'id' | 'name' | 'description' | 'status' | 'schemaVersion' | 'guidelineVersion'>;

/** Managers, admins and reviewers see a project's full settings; vendor-side roles see what they work on. */
export const seesSettings = (actor: Actor) => can(actor, 'project.update') || can(actor, 'annotation.read_all');

export const presentForAnnotator = (p: Project): AnnotatorProjectView => ({
  id: p.id,
  name: p.name,
  description: p.description,
  status: p.status,
  schemaVersion: p.schema_version,
  guidelineVersion: p.guideline_version,
});

/** The full settings, with the vendors the project lists (read here: the project itself does not carry them). */
export async function presentProject(db: Executor, p: Project): Promise<ProjectView> {
  return {
    ...presentForAnnotator(p),
    overlapK: p.overlap_k,
    goldRate: p.gold_rate,
    goldFeedback: p.gold_feedback,
    leaseSeconds: p.lease_seconds,
    priority: p.priority,
    vendors: await listProjectVendors(db, p.id),
    qualityGate: p.gate,
    kind: p.kind,
    domain: p.domain,
    minSkill: p.min_skill,
    overlapMode: p.overlap_mode,
    overlapKMax: p.overlap_k_max,
    overlapTau: p.overlap_tau,
    excludePaused: p.exclude_paused,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}
