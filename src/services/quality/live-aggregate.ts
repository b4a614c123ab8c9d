/**
 * One project's live aggregate, held in memory between refreshes (on the live-results thread): the annotations seen
 * so far, the gold answers, who is left out as paused, and what was last written to `item_results`. A refresh hands
 * it only what is new; it recomputes the aggregate (`computeResults`, Dawid–Skene with gold clamped) and answers the
 * rows that changed, so the database sees a handful of writes per refresh, not one per item. Pure: no I/O.
 */
import type { TaskSchema } from '../../core/schema/index.js';
import { computeResults } from '../results/compute-results.js';
import { itemConfidence } from '../../core/item-confidence.js';
import type { QuestionAggregate, ResultAnnotation } from '../results/result-types.js';

/** A confidence that moved less than this since it was written is not rewritten (every refit nudges them all). */
export const CONFIDENCE_STEP = 0.005;

/** An annotation as read from the database: answers as stored (JSON text on SQLite, parsed on PostgreSQL). */
export interface RawAnnotation {
  id: string;
  item_id: string;
  annotator_id: string;
  answers: unknown;
}

export interface ChangedRow {
  itemId: string;
  aggregates: string;
  confidence: number | null;
  n: number;
}

export interface RefreshDelta {
  /** Start over: the schema changed, or the caller lost track. */
  reset: boolean;
  schema: TaskSchema;
  annotations: readonly RawAnnotation[];
  /** The project's gold answers by item id when they changed since the last refresh; null when unchanged. */
  gold: readonly [string, unknown][] | null;
  /** Annotators whose annotations are left out (the exclude-paused switch); null when unchanged. */
  excluded: readonly string[] | null;
}

export interface RefreshResult {
  changed: ChangedRow[];
  /** Items that no longer have an aggregate (all their annotations left out). */
  gone: string[];
  /** Annotations aggregated. */
  judgments: number;
}

const parse = (v: unknown): Record<string, unknown> => (typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : (v as Record<string, unknown>));

export class LiveAggregate {
  private annotations: ResultAnnotation[] = [];
  private readonly seen = new Set<string>();
  private gold = new Map<string, Record<string, unknown>>();
  private excluded = new Set<string>();
  private readonly written = new Map<string, { confidence: number | null; n: number; answers: string }>();

  async refresh(d: RefreshDelta): Promise<RefreshResult> {
    if (d.reset) {
      this.annotations = [];
      this.seen.clear();
    }
    for (const a of d.annotations) {
      if (this.seen.has(a.id)) continue;
      this.seen.add(a.id);
      this.annotations.push({ itemId: a.item_id, annotatorId: a.annotator_id, answers: parse(a.answers) });
    }
    if (d.gold) this.gold = new Map(d.gold.map(([id, answers]) => [id, parse(answers)]));
    if (d.excluded) this.excluded = new Set(d.excluded);
    const annotations = this.excluded.size === 0 ? this.annotations : this.annotations.filter((a) => !this.excluded.has(a.annotatorId));
    const results = await computeResults({ schema: d.schema, annotations, gold: this.gold });

    const changed: ChangedRow[] = [];
    for (const [itemId, aggregates] of results.byItem) {
      const confidence = itemConfidence(aggregates);
      const n = aggregates.reduce((m, a) => Math.max(m, a.n), 0);
      const answers = answersKey(aggregates);
      const old = this.written.get(itemId);
      if (old && old.n === n && old.answers === answers && closeEnough(old.confidence, confidence)) continue;
      this.written.set(itemId, { confidence, n, answers });
      changed.push({ itemId, aggregates: JSON.stringify(aggregates), confidence, n });
    }
    const gone = [...this.written.keys()].filter((id) => !results.byItem.has(id));
    for (const id of gone) this.written.delete(id);
    return { changed, gone, judgments: annotations.length };
  }
}

const closeEnough = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < CONFIDENCE_STEP);

/** What "the answer changed" compares: each question's answer, in order. */
const answersKey = (aggregates: readonly QuestionAggregate[]) => JSON.stringify(aggregates.map((a) => [a.questionId, a.answer]));
