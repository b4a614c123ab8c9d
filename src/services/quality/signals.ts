/**
 * Effort and fraud signals of a project, computed from the database on request with the pure rules in
 * `quality/signals/` and the project's thresholds (`signal-policy.ts`):
 * - too_fast: time on task (`time_spent_ms`) against the item's and the annotator's median;
 * - pasted: pasted characters (client signals) over the length of the `text` answers;
 * - near_duplicate: MinHash estimate of the Jaccard similarity of the `text` answers across annotators;
 * - straight_lining: one answer to a `label` question far above its share in the project (binomial test);
 * - gold_fail_streak: the gold items of a run of misses at least the streak (the quality gate's own tallies).
 * The result is kept per project in memory by an input version (annotations, gate tallies, thresholds), like
 * `results/project-results.ts`, and each computation rewrites `annotation_signals` so SQL (the review policy's
 * `signals` trigger) can select flagged annotations. A vendor manager sees their vendor's annotations and figures only.
 */
import { authorize, can, vendorScopeOf, type Actor } from '../../core/permissions.js';
import { decodeCursor, encodeCursor, type Page } from '../../store/pagination.js';
import type { Project } from '../../store/projects.js';
import * as store from '../../store/signals.js';
import { nearDuplicates, pastedShare, straightLining, textLengthOf, tooFast } from '../../quality/signals/index.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';
import { chanceOfSchema, gateRuleOf } from '../../core/gold/quality-gate.js';
import { requireProject } from '../projects/require-project.js';
import { loadSchema } from '../projects/schema-cache.js';
import { ResultsCache } from '../results/results-cache.js';
import { loadSignalPolicy } from './signal-policy.js';
import { SIGNAL_KINDS, type SignalKind, type SignalPolicy } from '../../core/signals.js';

export interface SignalFlag {
  kind: SignalKind;
  detail: string;
  value: number;
  threshold: number;
}

export interface FlaggedAnnotation {
  annotationId: string;
  itemId: string;
  /** The item's external id, null when it has none. */
  itemExternalId: string | null;
  annotatorId: string;
  /** The annotator's pseudonym (as exports name them). */
  pseudonym: string;
  vendorId: string | null;
  createdAt: string;
  flags: SignalFlag[];
}

export interface SignalCounts {
  /** Annotations considered (originals, not reviewers' corrections). */
  n: number;
  /** Annotations with at least one flag. */
  flagged: number;
  byKind: Record<SignalKind, number>;
}

export interface SignalsView extends Page<FlaggedAnnotation> {
  projectId: string;
  policy: SignalPolicy;
  annotators: AnnotatorSignalCounts[];
  vendors: (SignalCounts & { vendorId: string | null })[];
}

export interface AnnotatorSignalCounts extends SignalCounts {
  annotatorId: string;
  pseudonym: string;
  vendorId: string | null;
}

interface Computed {
  policy: SignalPolicy;
  flagged: FlaggedAnnotation[];
  /** The flags of each flagged annotation, by its id. */
  byAnnotation: Map<string, SignalFlag[]>;
  annotations: { id: string; annotatorId: string; pseudonym: string; vendorId: string | null }[];
}

const cache = new ResultsCache<Computed>();

const fmt = (x: number, d = 2) => x.toFixed(d);

async function computeSignals(deps: ServiceDeps, project: Project): Promise<Computed> {
  const db = deps.store.db;
  const version = `${project.schema_version}:${project.gate.floor}:${project.gate.chance}:${await store.signalsInputVersion(db, project.id)}`;
  return cache.get(project.id, version, async () => {
    const [policy, schema, rows, streaks] = await Promise.all([
      loadSignalPolicy(db, project.id),
      loadSchema(db, project.id, project.schema_version),
      store.listSignalInputs(db, project.id),
      store.listFailStreaks(db, project.id),
    ]);
    const textQuestions = schema.questions.filter((q) => q.type === 'text').map((q) => q.id);
    const labelQuestions = schema.questions.filter((q) => q.type === 'label').map((q) => q.id);
    const annotations = rows.map((r) => ({
      id: r.id,
      itemId: r.item_id,
      itemExternalId: r.external_id,
      annotatorId: r.annotator_id,
      pseudonym: r.pseudonym,
      vendorId: r.vendor_id,
      createdAt: r.created_at,
      timeMs: r.time_spent_ms,
      answers: r.answers,
      signals: r.clientSignals,
    }));
    const flags = new Map<string, SignalFlag[]>();
    const add = (id: string, f: SignalFlag) => {
      const list = flags.get(id);
      if (list) list.push(f);
      else flags.set(id, [f]);
    };

    for (const f of tooFast(annotations, { ratio: policy.tooFastRatio, minOthers: policy.tooFastMinOthers })) {
      const ref = f.reference === 'item' ? "the item's median of other annotators" : "the project's median";
      add(f.id, {
        kind: 'too_fast',
        detail: `${f.timeMs} ms on task: ${fmt(f.share)} × ${ref} (${Math.round(f.referenceMedianMs)} ms); the annotator's median is ${Math.round(f.annotatorMedianMs)} ms${f.rushingThroughout ? ', itself under the ratio × the project median' : ''}`,
        value: f.share,
        threshold: policy.tooFastRatio,
      });
    }

    for (const a of annotations) {
      const share = pastedShare(a.signals.pastedChars, textLengthOf(a.answers, textQuestions));
      if (share !== null && share >= policy.pastedShare) {
        add(a.id, { kind: 'pasted', detail: `${a.signals.pastedChars ?? 0} characters pasted into ${textLengthOf(a.answers, textQuestions)} of text answers`, value: share, threshold: policy.pastedShare });
      }
    }

    for (const q of textQuestions) {
      const texts = annotations.flatMap((a) => (typeof a.answers[q] === 'string' ? [{ annotationId: a.id, annotatorId: a.annotatorId, text: a.answers[q] }] : []));
      for (const m of nearDuplicates(texts, { threshold: policy.duplicateJaccard, minWords: policy.duplicateMinWords })) {
        add(m.annotationId, {
          kind: 'near_duplicate',
          detail: `answer to "${q}" has estimated Jaccard similarity ${fmt(m.estimate)} (MinHash, word 3-grams) with another annotator's answer`,
          value: m.estimate,
          threshold: policy.duplicateJaccard,
        });
      }
    }

    for (const q of labelQuestions) {
      const answers = annotations.flatMap((a) => (typeof a.answers[q] === 'string' ? [{ annotationId: a.id, annotatorId: a.annotatorId, answer: a.answers[q] }] : []));
      for (const s of straightLining(answers, { minN: policy.straightMinN, minShare: policy.straightShare, alpha: policy.straightAlpha })) {
        const detail = `answered "${s.answer}" to "${q}" ${s.count} of ${s.n} times (${fmt(s.share)}); the other annotators' share is ${fmt(s.prior)}, one-sided binomial p = ${s.pValue.toExponential(2)} < ${policy.straightAlpha}`;
        for (const id of s.annotationIds) add(id, { kind: 'straight_lining', detail, value: s.share, threshold: policy.straightShare });
      }
    }

    const streak = policy.goldFailStreak ?? gateRuleOf(project.gate, chanceOfSchema(schema)).maxFailStreak;
    if (streak > 0) {
      for (const s of streaks) {
        const run = s.fail_streak;
        if (run < streak) continue;
        for (const g of await store.latestGoldScores(db, project.id, s.annotator_id, run)) {
          if (g.correct) break;
          add(g.annotation_id, { kind: 'gold_fail_streak', detail: `one of ${run} gold items missed in a row`, value: run, threshold: streak });
        }
      }
    }

    const flagged = annotations
      .filter((a) => flags.has(a.id))
      .map((a) => ({
        annotationId: a.id,
        itemId: a.itemId,
        itemExternalId: a.itemExternalId,
        annotatorId: a.annotatorId,
        pseudonym: a.pseudonym,
        vendorId: a.vendorId,
        createdAt: a.createdAt,
        flags: flags.get(a.id)!,
      }));
    const now = nowIsoOf(deps);
    await deps.store.write((trx) =>
      store.replaceSignals(
        trx,
        project.id,
        flagged.flatMap((f) => f.flags.map((g) => ({ annotation_id: f.annotationId, project_id: project.id, kind: g.kind, value: g.value, created_at: now }))),
      ),
    );
    const { updatedAt: _u, ...thresholds } = policy;
    return {
      policy: thresholds,
      flagged,
      byAnnotation: flags,
      annotations: annotations.map((a) => ({ id: a.id, annotatorId: a.annotatorId, pseudonym: a.pseudonym, vendorId: a.vendorId })),
    };
  });
}

/**
 * Brings the project's persisted flags (`annotation_signals`) up to date with its annotations: the review policy's
 * `signals` trigger calls it before choosing, so a flag counts without anyone having opened the signals first.
 */
export async function refreshSignals(deps: ServiceDeps, project: Project): Promise<void> {
  await computeSignals(deps, project);
}

/**
 * The flags of some of a project's annotations (an item's, for its page in Results), from the project's cached
 * computation: one lookup each, nothing recomputed per annotation. An annotation without flags (or a reviewer's
 * correction, which signals leave out) maps to an empty list. `gold_fail_streak` is kept only `withGold`: it says
 * the item is gold, which only those who may see gold may learn. The caller has checked access to the annotations.
 */
export async function signalFlagsOf(deps: ServiceDeps, project: Project, annotationIds: readonly string[], opts: { withGold: boolean }): Promise<Map<string, SignalFlag[]>> {
  const { byAnnotation } = await computeSignals(deps, project);
  return new Map(annotationIds.map((id) => [id, (byAnnotation.get(id) ?? []).filter((f) => opts.withGold || f.kind !== 'gold_fail_streak')]));
}

const emptyCounts = (): SignalCounts => ({ n: 0, flagged: 0, byKind: Object.fromEntries(SIGNAL_KINDS.map((k) => [k, 0])) as Record<SignalKind, number> });

export interface SignalsQuery {
  cursor?: string | undefined;
  limit?: number | undefined;
  kind?: SignalKind | undefined;
  /** Only this annotator's annotations in `items` (the counts stay whole). */
  annotatorId?: string | undefined;
}

/**
 * Managers, admins and reviewers see every annotation; a vendor manager their vendor's; annotators nothing. Gold
 * streak flags only those who may manage gold (managers and admins).
 */
export async function getSignals(deps: ServiceDeps, actor: Actor, projectId: string, q: SignalsQuery = {}): Promise<SignalsView> {
  authorize(actor, 'progress.read');
  const project = await requireProject(deps, actor, projectId);
  const after = decodeCursor(q.cursor);
  const limit = q.limit ?? 100;
  const computed = await computeSignals(deps, project);
  const vendor = vendorScopeOf(actor);
  const visible = <T extends { vendorId: string | null }>(x: T) => vendor === undefined || x.vendorId === vendor;

  const annotators = new Map<string, AnnotatorSignalCounts>();
  const vendors = new Map<string, SignalCounts & { vendorId: string | null }>();
  const countsOf = (a: { annotatorId: string; pseudonym: string; vendorId: string | null }) => {
    let c = annotators.get(a.annotatorId);
    if (!c) annotators.set(a.annotatorId, (c = { annotatorId: a.annotatorId, pseudonym: a.pseudonym, vendorId: a.vendorId, ...emptyCounts() }));
    const vk = a.vendorId ?? '';
    let v = vendors.get(vk);
    if (!v) vendors.set(vk, (v = { vendorId: a.vendorId, ...emptyCounts() }));
    return [c, v] as const;
  };
  for (const a of computed.annotations.filter(visible)) for (const c of countsOf(a)) c.n++;
  // gold_fail_streak is raised on gold items only, so it tells which items are gold: kept only for those who may
  // manage gold, as on an item's page (`signalFlagsOf`). Otherwise an annotation flagged for nothing else is not flagged.
  const withGold = can(actor, 'gold.manage');
  const shown = computed.flagged.filter(visible).flatMap((f) => {
    if (withGold) return [f];
    const flags = f.flags.filter((g) => g.kind !== 'gold_fail_streak');
    return flags.length > 0 ? [{ ...f, flags }] : [];
  });
  for (const f of shown) {
    for (const c of countsOf(f)) {
      c.flagged++;
      for (const kind of new Set(f.flags.map((g) => g.kind))) c.byKind[kind]++;
    }
  }

  const listed = shown.filter(
    (f) =>
      (q.kind === undefined || f.flags.some((g) => g.kind === q.kind)) &&
      (q.annotatorId === undefined || f.annotatorId === q.annotatorId) &&
      (after === null || f.createdAt > after.createdAt || (f.createdAt === after.createdAt && f.annotationId > after.id)),
  );
  const page = listed.slice(0, limit);
  const last = page[page.length - 1];
  return {
    projectId: project.id,
    policy: computed.policy,
    items: page,
    nextCursor: listed.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.annotationId }) : null,
    annotators: [...annotators.values()].sort((a, b) => (a.annotatorId < b.annotatorId ? -1 : 1)),
    vendors: [...vendors.values()].sort((a, b) => ((a.vendorId ?? '') < (b.vendorId ?? '') ? -1 : 1)),
  };
}
