/**
 * A person's measured skills, per domain they have any record in: the posterior mean of accuracy with its 95% Beta
 * interval, and the parts it is made of (passed qualifications; gold on production projects). Managers and admins
 * read anyone's in the organization, a vendor manager their vendor's people, an annotator their own.
 *
 * An annotator's own view leaves the gold part out (`fromGold` null, figures from qualifications alone): gold
 * tallies move the moment a gold item is submitted, so reading them after each submit would tell which items were
 * gold. Their qualification results they saw at the end of each attempt anyway.
 */
import { authorize, requireInOrg, type Actor } from '../../core/permissions.js';
import { notFound } from '../../core/errors.js';
import { getUser } from '../../store/users.js';
import { domainsWithRecords } from '../../store/skills.js';
import type { ServiceDeps } from '../deps.js';
import { measuredDomainSkill, skillEstimate } from './skill.js';

export interface SkillView {
  domain: string;
  n: number;
  correct: number;
  /** Posterior mean (1 + correct) / (2 + n). */
  mean: number;
  low: number;
  high: number;
  fromQualification: { n: number; correct: number; passedAt: string } | null;
  /** Null in an annotator's own view (see the module comment). */
  fromGold: { n: number; correct: number } | null;
}

export async function listUserSkills(deps: ServiceDeps, actor: Actor, userId: string): Promise<{ userId: string; items: SkillView[] }> {
  const own = actor.kind === 'user' && actor.role === 'annotator';
  if (own) {
    if (actor.userId !== userId) throw notFound('User');
  } else {
    authorize(actor, 'user.read');
    const user = requireInOrg(actor, await getUser(deps.store.db, userId), 'User');
    if (actor.kind === 'user' && actor.role === 'vendor_manager' && user.vendor_id !== actor.vendorId) throw notFound('User');
  }
  const db = deps.store.db;
  const domains = await domainsWithRecords(db, userId);
  const items: SkillView[] = [];
  for (const domain of domains) {
    const s = await measuredDomainSkill(db, userId, domain);
    const q = s.fromQualification;
    if (own && !q) continue;
    const total = own ? { n: q!.n, correct: q!.correct } : s.total;
    items.push({
      domain,
      ...skillEstimate(total),
      fromQualification: q ? { n: q.n, correct: q.correct, passedAt: q.passedAt } : null,
      fromGold: own ? null : s.fromGold,
    });
  }
  return { userId, items };
}
