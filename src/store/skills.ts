/**
 * Measured skill in the store: the gold tallies it is computed from (gold scores on one project, or on every
 * production project of a domain and the domains below it) and the skills passed qualifications grant
 * (`annotator_skills`). The arithmetic (posterior mean, interval) is the caller's; these only count rows.
 *
 * "Below a domain": `medicine/cardiology` is below `medicine`. Matched with `substr`, not `like`: a domain may hold
 * `_`, which `like` reads as a wildcard.
 */
import { sql, type SqlBool } from 'kysely';
import type { Executor } from './db.js';
import { prepare } from './prepared.js';

/** A count of gold answers and how many were correct. */
export interface Tally {
  n: number;
  correct: number;
}

const tallyOf = (r: { n: unknown; correct: unknown } | undefined): Tally => ({ n: Number(r?.n ?? 0), correct: Number(r?.correct ?? 0) });

/** `column` is the domain or a domain below it (`prefix` = domain + '/', `len` its length). */
const inDomain = (column: 'p.domain' | 's.domain', p: { domain: string; prefix: string; len: number }) =>
  sql<SqlBool>`(${sql.ref(column)} = ${p.domain} or substr(${sql.ref(column)}, 1, ${p.len}) = ${p.prefix})`;

const domainParams = (domain: string) => ({ domain, prefix: `${domain}/`, len: domain.length + 1 });

const projectTally = prepare<{ projectId: string; annotatorId: string }, { n: unknown; correct: unknown }>((db, p) =>
  db
    .selectFrom('gold_scores')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('correct').as('correct')])
    .where('annotator_id', '=', p.annotatorId)
    .where('project_id', '=', p.projectId),
);

/** The annotator's gold answers on one project (one indexed range: gold_scores_annotator_idx). */
export async function goldTallyOnProject(db: Executor, projectId: string, annotatorId: string): Promise<Tally> {
  return tallyOf(await projectTally.first(db, { projectId, annotatorId }));
}

/** The annotator's gold answers on the organization's production projects in the domain or below it. */
export async function goldTallyInDomain(db: Executor, userId: string, domain: string): Promise<Tally> {
  const r = await db
    .selectFrom('gold_scores as g')
    .innerJoin('projects as p', 'p.id', 'g.project_id')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('g.correct').as('correct')])
    .where('g.annotator_id', '=', userId)
    .where('p.kind', '=', 'production')
    .where(inDomain('p.domain', domainParams(domain)))
    .executeTakeFirst();
  return tallyOf(r);
}

/** The skills passed qualifications granted the user in the domain or below it, summed; null when none. */
export async function qualificationTallyInDomain(db: Executor, userId: string, domain: string): Promise<(Tally & { passedAt: string }) | null> {
  const r = await db
    .selectFrom('annotator_skills as s')
    .select((eb) => [eb.fn.countAll().as('rows'), eb.fn.sum('s.n').as('n'), eb.fn.sum('s.correct').as('correct'), eb.fn.max('s.granted_at').as('passedAt')])
    .where('s.user_id', '=', userId)
    .where(inDomain('s.domain', domainParams(domain)))
    .executeTakeFirst();
  if (!r || Number(r.rows) === 0) return null;
  return { ...tallyOf(r), passedAt: String(r.passedAt) };
}

/** The domains the user has any measured record in: from passed qualifications and from gold on production projects. */
export async function domainsWithRecords(db: Executor, userId: string): Promise<string[]> {
  const [skills, gold] = await Promise.all([
    db.selectFrom('annotator_skills').select('domain').where('user_id', '=', userId).execute(),
    db
      .selectFrom('gold_scores as g')
      .innerJoin('projects as p', 'p.id', 'g.project_id')
      .select('p.domain')
      .distinct()
      .where('g.annotator_id', '=', userId)
      .where('p.kind', '=', 'production')
      .where('p.domain', 'is not', null)
      .execute(),
  ]);
  return [...new Set([...skills.map((r) => r.domain), ...gold.map((r) => r.domain as string)])].sort();
}

/** Records the skill a passed qualification attempt grants in its domain (replacing an earlier one in that domain). */
export async function upsertSkill(
  db: Executor,
  s: { userId: string; domain: string; n: number; correct: number; sourceId: string; grantedAt: string },
) {
  await db
    .insertInto('annotator_skills')
    .values({ user_id: s.userId, domain: s.domain, n: s.n, correct: s.correct, source: 'qualification', source_id: s.sourceId, granted_at: s.grantedAt })
    .onConflict((oc) =>
      oc.columns(['user_id', 'domain']).doUpdateSet({ n: s.n, correct: s.correct, source: 'qualification', source_id: s.sourceId, granted_at: s.grantedAt }),
    )
    .execute();
}
