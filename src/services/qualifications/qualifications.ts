/**
 * Qualifications: a gold set in a domain with a pass mark. Each is a project of kind `qualification` (its items,
 * all gold, imported with the ordinary import routes; gate off, since the attempt itself is the test) plus its
 * settings (domain, pass mark, items per attempt, cooldown after a failure). Passing one grants a measured skill in
 * its domain (`attempts.ts`), which routing reads for a project's minimum skill. Its items live in its own project,
 * so they can never be served in a production project.
 *
 * Managers and admins create them; everyone who may read projects lists them (an annotator: the active ones open
 * to their vendor, each with where they stand on it).
 */
import { authorize, can, type Actor } from '../../core/permissions.js';
import { invalid } from '../../core/errors.js';
import * as store from '../../store/qualifications.js';
import type { Project } from '../../store/projects.js';
import type { ServiceDeps } from '../deps.js';
import type { MineStatus } from '../../core/qualification.js';
import { orgOf } from '../workforce/organizations.js';
import { buildProject, insertProjectWithVersions } from '../projects/create-project.js';
import { DOMAIN_MAX_LENGTH, DOMAIN_PATTERN, type GoldFeedbackMode } from '../../core/project.js';
import { skillEstimate } from '../routing/skill.js';
import { settleAttempt } from './attempts.js';
import { requireQualification } from './require-qualification.js';

export interface CreateQualificationInput {
  name: string;
  description?: string | undefined;
  domain: string;
  /** The task schema its items are answered with. */
  schema: unknown;
  guidelines?: string | undefined;
  /** Share of an attempt's items to answer correctly to pass, 0..1. */
  passMark: number;
  /** Items per attempt, each one the annotator has not seen. */
  attemptSize: number;
  /** After a failed attempt, hours before a retake. */
  cooldownHours: number;
  goldFeedback?: GoldFeedbackMode | undefined;
}

/** Where the annotator stands on a qualification. */
export interface MineView {
  status: MineStatus;
  answered: number;
  size: number;
  /** After a failure: the earliest retake. */
  retakeAt: string | null;
  /** After a pass: the skill it granted, Beta(1 + correct, 1 + size − correct), with its 95% interval. */
  skill?: { n: number; correct: number; mean: number; low: number; high: number } | undefined;
}

export interface QualificationView {
  /** The qualification's project id: take it through /projects/{id}/tasks/next. */
  id: string;
  name: string;
  description: string;
  domain: string;
  passMark: number;
  attemptSize: number;
  cooldownSeconds: number;
  /** Gold items in its pool. */
  goldItems: number;
  createdAt: string;
  /** For an annotator: their standing on it. */
  mine?: MineView | undefined;
}

function checkInput(i: CreateQualificationInput) {
  if (!(i.domain.length >= 1 && i.domain.length <= DOMAIN_MAX_LENGTH && DOMAIN_PATTERN.test(i.domain))) {
    throw invalid('domain must be a lowercase path such as medicine/cardiology', 'domain');
  }
  if (!(i.passMark >= 0 && i.passMark <= 1)) throw invalid('passMark must be within 0..1', 'passMark');
  if (!Number.isInteger(i.attemptSize) || i.attemptSize < 1) throw invalid('attemptSize must be an integer of at least 1', 'attemptSize');
  if (!(i.cooldownHours >= 0)) throw invalid('cooldownHours must be 0 or more', 'cooldownHours');
}

type Settings = Pick<store.QualificationRow, 'domain' | 'pass_mark' | 'attempt_size' | 'cooldown_seconds'>;

const present = (p: Project, q: Settings, goldItems: number, mine?: MineView): QualificationView => ({
  id: p.id,
  name: p.name,
  description: p.description,
  domain: q.domain,
  passMark: q.pass_mark,
  attemptSize: q.attempt_size,
  cooldownSeconds: q.cooldown_seconds,
  goldItems,
  createdAt: p.created_at,
  ...(mine && { mine }),
});

export async function createQualification(deps: ServiceDeps, actor: Actor, input: CreateQualificationInput): Promise<QualificationView> {
  authorize(actor, 'project.create');
  checkInput(input);
  const settings = {
    name: input.name,
    description: input.description,
    schema: input.schema,
    guidelines: input.guidelines,
    goldFeedback: input.goldFeedback,
    domain: input.domain,
    // Every item is gold and served to each annotator once; k and the rate play no part. The attempt is the test,
    // so the quality gate stays off.
    overlapK: 1,
    goldRate: 1,
    qualityGate: { enabled: false },
  };
  const row = await buildProject(deps, actor, settings, 'qualification');
  const q: store.QualificationRow = {
    project_id: row.id,
    domain: input.domain,
    pass_mark: input.passMark,
    attempt_size: input.attemptSize,
    cooldown_seconds: Math.round(input.cooldownHours * 3600),
  };
  await deps.store.write(async (trx) => {
    await insertProjectWithVersions(trx, row, settings);
    await store.insertQualification(trx, q);
  });
  return present(row, q, 0);
}

const isAnnotator = (actor: Actor): actor is Extract<Actor, { kind: 'user' }> => actor.kind === 'user' && actor.role === 'annotator';

async function mineOf(deps: ServiceDeps, project: Project, q: store.QualificationRow, userId: string, latest?: store.Attempt): Promise<MineView> {
  const a = latest?.status === 'open' ? (await settleAttempt(deps, project, q, userId)).attempt : latest;
  if (!a) return { status: 'not_taken', answered: 0, size: q.attempt_size, retakeAt: null };
  const status: MineStatus = a.status === 'open' ? 'in_progress' : a.status === 'passed' ? 'passed' : 'failed';
  return {
    status,
    answered: a.answered,
    size: a.size,
    retakeAt: a.retake_at,
    ...(status === 'passed' && { skill: skillEstimate({ n: a.size, correct: a.correct }) }),
  };
}

export async function getQualification(deps: ServiceDeps, actor: Actor, id: string): Promise<QualificationView> {
  authorize(actor, 'project.read');
  const { project, q } = await requireQualification(deps, actor, id);
  const gold = (await store.countGoldItems(deps.store.db, [project.id])).get(project.id) ?? 0;
  const mine = isAnnotator(actor) ? await mineOf(deps, project, q, actor.userId, await store.latestAttempt(deps.store.db, project.id, actor.userId)) : undefined;
  return present(project, q, gold, mine);
}

export async function listQualifications(deps: ServiceDeps, actor: Actor): Promise<QualificationView[]> {
  authorize(actor, 'project.read');
  const annotator = isAnnotator(actor);
  const vendorScoped = actor.kind === 'user' && (actor.role === 'annotator' || actor.role === 'vendor_manager');
  const rows = await store.listQualifications(deps.store.db, {
    orgId: orgOf(actor),
    activeOnly: annotator || !can(actor, 'project.update'),
    openToVendor: vendorScoped ? actor.vendorId : undefined,
  });
  const ids = rows.map((r) => r.id);
  const [gold, latest] = await Promise.all([
    store.countGoldItems(deps.store.db, ids),
    annotator ? store.latestAttemptsOf(deps.store.db, actor.userId, ids) : Promise.resolve(new Map<string, store.Attempt>()),
  ]);
  return Promise.all(
    rows.map(async (r) => {
      const q: store.QualificationRow = { project_id: r.id, domain: r.q_domain, pass_mark: r.pass_mark, attempt_size: r.attempt_size, cooldown_seconds: r.cooldown_seconds };
      const mine = annotator ? await mineOf(deps, r, q, actor.userId, latest.get(r.id)) : undefined;
      return present(r, q, gold.get(r.id) ?? 0, mine);
    }),
  );
}
