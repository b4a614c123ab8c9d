/**
 * "Too fast": an annotation whose time on task is a small fraction of what the item usually takes. Comparing with
 * the item's median (over other annotators) rather than a global cutoff keeps short items from being flagged;
 * comparing with the annotator's own median as well keeps a quick but steady worker from being flagged on every
 * item, and singles out the rushed ones. That second test alone would excuse someone who rushes *everything* (their
 * own median is low too), so an annotator whose own median is itself under `ratio` × the project's median counts
 * as rushing throughout, and each of their fast annotations is flagged. With fewer than `minOthers` other
 * annotations on the item, the project's median stands in for the item's.
 * Pure: times in, flags out.
 */
import { median } from '../stats/median.js';

export interface TimedAnnotation {
  id: string;
  itemId: string;
  annotatorId: string;
  timeMs: number;
}

export interface TooFastOptions {
  /** Fraction of the reference medians under which time on task is too fast (default 0.25). */
  ratio: number;
  /** Other annotators' annotations an item needs for its own median to be used (default 3). */
  minOthers: number;
}

export interface TooFastFlag {
  id: string;
  timeMs: number;
  /** The reference the time was compared with: the item's median of others, or the project's median. */
  reference: 'item' | 'project';
  referenceMedianMs: number;
  annotatorMedianMs: number;
  /** timeMs / referenceMedianMs: the flag's value, compared with `ratio`. */
  share: number;
  /** The annotator's own median is itself under ratio × the project's median. */
  rushingThroughout: boolean;
}

export function tooFast(annotations: readonly TimedAnnotation[], opts: TooFastOptions): TooFastFlag[] {
  if (annotations.length === 0) return [];
  const byItem = groupTimes(annotations, (a) => a.itemId);
  const byAnnotator = groupTimes(annotations, (a) => a.annotatorId);
  const projectMedian = median(annotations.map((a) => a.timeMs));
  const annotatorMedians = new Map([...byAnnotator].map(([k, v]) => [k, median(v.map((x) => x.timeMs))]));
  const out: TooFastFlag[] = [];
  for (const a of annotations) {
    const others = byItem.get(a.itemId)!.filter((x) => x.annotatorId !== a.annotatorId).map((x) => x.timeMs);
    const useItem = others.length >= opts.minOthers;
    const ref = useItem ? median(others) : projectMedian;
    const own = annotatorMedians.get(a.annotatorId)!;
    if (!(ref > 0)) continue;
    const rushingThroughout = own < opts.ratio * projectMedian;
    if (a.timeMs < opts.ratio * ref && (a.timeMs < opts.ratio * own || rushingThroughout)) {
      out.push({ id: a.id, timeMs: a.timeMs, reference: useItem ? 'item' : 'project', referenceMedianMs: ref, annotatorMedianMs: own, share: a.timeMs / ref, rushingThroughout });
    }
  }
  return out;
}

function groupTimes<T extends TimedAnnotation>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}
