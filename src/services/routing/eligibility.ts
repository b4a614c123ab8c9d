/**
 * Routing: whether a production project may give the annotator a new item at all, checked by `nextTask` before the
 * claim (and by my-progress, to say why there is nothing). Item-level eligibility (never given to them, open, not
 * paused, the adaptive preference) lives in the claim itself; these are the checks on the annotator:
 * - domain: the project's domain must be covered by a domain of their annotator profile (a profile's
 *   `medicine/cardiology` covers a required `medicine`; a profile's `medicine` does not cover `medicine/cardiology`);
 * - minimum skill: their measured skill in the domain (`skill.ts`: passed qualifications and gold on production
 *   projects of the domain) must reach the project's minimum; no record at all names a qualification to take;
 * - vendor quota: the tasks their vendor's annotators took on the project (running leases and submissions) must be
 *   under the vendor's `quota_tasks` and under ceil(`quota_share` × normal items × k).
 *
 * The quota is read before the claim, not inside it: concurrent claims of one vendor's annotators may each read
 * "one left" and all take an item, so the quota can be overshot by at most the number of that vendor's claims in
 * flight at the moment it fills (bounded by its annotators working the project at once). Putting the count in the
 * claim statement would make every claim of every project pay for it; a quota is a budget, and a few tasks over it
 * cost less than that.
 *
 * A project with no domain, no minimum skill and no quota for the vendor runs no query here at all.
 *
 * What the annotator is told never comes from gold they are working on: a measured skill that includes gold scores
 * moves the moment a gold item is submitted, so quoting it after each submit would tell which items were gold. The
 * figure is quoted only when it comes from qualifications alone (whose outcome the annotator saw anyway).
 */
import type { Project } from '../../store/projects.js';
import { getProfile } from '../../store/users.js';
import { countNormalItems, vendorTasksTaken } from '../../store/vendor-quota-usage.js';
import { findQualificationForDomain } from '../../store/qualifications.js';
import type { ServiceDeps } from '../deps.js';
import type { VendorQuota } from '../../core/project.js';
import type { RoutingReason } from '../../core/routing.js';
import { measuredDomainSkill, posteriorMean } from './skill.js';

/** Why the annotator gets nothing new here, with a message that says what to do. */
export interface Blocked {
  reason: RoutingReason;
  message: string;
  /** For `not_qualified` without any record: the qualification that would earn one, when there is one. */
  qualification?: { id: string; name: string } | undefined;
}

/** True when `profileDomain` is the required domain or a domain below it. */
export function coversDomain(profileDomain: string, required: string): boolean {
  const d = profileDomain.trim().toLowerCase().replace(/\/+$/, '');
  return d === required || d.startsWith(`${required}/`);
}

const hasQuota = (q: VendorQuota) => q.quotaTasks !== null || q.quotaShare !== null;

/** Whether the project has any routing rule to check for this vendor (else the checks cost nothing). */
export const needsRoutingChecks = (project: Project, quota: VendorQuota) =>
  project.kind === 'production' && (project.domain !== null || project.min_skill > 0 || hasQuota(quota));

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/**
 * The first routing rule the annotator fails on the project, or null when they may be given an item. `vendorId` is
 * the annotator's vendor; `quota` their vendor's quota on the project.
 */
export async function checkRouting(
  deps: ServiceDeps,
  project: Project,
  quota: VendorQuota,
  annotator: { userId: string; vendorId: string | null },
  now: string,
): Promise<Blocked | null> {
  if (!needsRoutingChecks(project, quota)) return null;
  const db = deps.store.db;
  const domain = project.domain;
  if (domain !== null) {
    const profile = await getProfile(db, annotator.userId);
    const domains = profile?.domains ?? [];
    if (!domains.some((d) => coversDomain(d, domain))) {
      return {
        reason: 'not_in_domain',
        message: `This project is for annotators working in ${domain}, which your profile does not list; if it is your field, ask your manager to add it`,
      };
    }
    if (project.min_skill > 0) {
      const skill = await measuredDomainSkill(db, annotator.userId, domain);
      if (skill.total.n === 0) {
        const q = await findQualificationForDomain(db, project.org_id, domain);
        return {
          reason: 'not_qualified',
          message:
            `This project asks for a measured skill of at least ${pct(project.min_skill)} in ${domain}, and you have no record in it yet: ` +
            (q ? `take the qualification "${q.name}" (Qualifications) to earn one` : 'ask your manager for a qualification in it'),
          ...(q && { qualification: { id: q.id, name: q.name } }),
        };
      }
      const mean = posteriorMean(skill.total);
      if (mean < project.min_skill) {
        const figure = skill.fromGold.n === 0 ? `is ${pct(mean)}, under` : 'is under';
        return {
          reason: 'not_qualified',
          message: `Your measured skill in ${domain} ${figure} this project's minimum of ${pct(project.min_skill)}; a manager can tell you how to improve it`,
        };
      }
    }
  }
  if (hasQuota(quota) && annotator.vendorId !== null) {
    const taken = await vendorTasksTaken(db, project.id, annotator.vendorId, now);
    const overTasks = quota.quotaTasks !== null && taken >= quota.quotaTasks;
    const overShare =
      !overTasks && quota.quotaShare !== null && taken >= Math.ceil(quota.quotaShare * (await countNormalItems(db, project.id)) * project.overlap_k - 1e-9);
    if (overTasks || overShare) {
      return {
        reason: 'quota_reached',
        message: "Your vendor has taken all the tasks it was allotted on this project; ask your vendor's manager about other work",
      };
    }
  }
  return null;
}
