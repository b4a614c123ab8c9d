/**
 * Turns one question's answers into Krippendorff's reliability data (units × values), incrementally, so agreement
 * can be read at the end of each time bucket from the answers submitted so far. Which level of measurement each
 * question type is read at, and what a unit is:
 * - `label`: one unit per item, the chosen option's index, nominal.
 * - `multi_label`: one unit per (item, option), 1 when the option was selected and 0 when not, nominal. Alpha is
 *   then agreement on each option's presence pooled over the options (the binary decomposition the aggregate uses
 *   too), rather than an average of per-option alphas, whose mean has no bootstrap of its own and is undefined as
 *   soon as one option is never (or always) chosen.
 * - `rating` and `pairwise`: one unit per item, the point on the scale, interval (distances count, as the scale's
 *   points are evenly spaced).
 * Answers that do not fit the question in force (an option since removed, a point off the scale) are left out.
 */
import type { ReliabilityData } from '../../quality/agreement/krippendorff.js';
import type { AgreementQuestion } from '../../core/agreement.js';

export interface ReliabilityBuilder {
  /** Whether an answer fits the question (only those are added). */
  fits(answer: unknown): boolean;
  /** Adds one annotation's answer to the question; false (and nothing added) when it does not fit. */
  add(itemId: string, answer: unknown): boolean;
  /** The reliability data of everything added so far (a copy: adding more later does not change it). */
  snapshot(): ReliabilityData;
}

export function createReliabilityBuilder(question: AgreementQuestion): ReliabilityBuilder {
  const items = new Map<string, number>();
  const unit: number[] = [];
  const value: number[] = [];
  const itemIndex = (id: string) => {
    let i = items.get(id);
    if (i === undefined) items.set(id, (i = items.size));
    return i;
  };
  const unitsPerItem = question.type === 'multi_label' ? question.options.length : 1;
  const toValues = valuesOf(question);
  return {
    fits: (answer) => toValues(answer) !== null,
    add(itemId, answer) {
      const values = toValues(answer);
      if (values === null) return false;
      const base = itemIndex(itemId) * unitsPerItem;
      values.forEach((v, k) => {
        unit.push(base + k);
        value.push(v);
      });
      return true;
    },
    snapshot: () => ({ unit: Int32Array.from(unit), value: Float64Array.from(value), nUnits: items.size * unitsPerItem }),
  };
}

/** The value of each of an item's units for an answer, or null when the answer does not fit. */
function valuesOf(q: AgreementQuestion): (answer: unknown) => number[] | null {
  switch (q.type) {
    case 'label': {
      const index = new Map(q.options.map((o, i) => [o.value, i]));
      return (a) => (typeof a === 'string' && index.has(a) ? [index.get(a)!] : null);
    }
    case 'multi_label': {
      const known = new Set(q.options.map((o) => o.value));
      return (a) => {
        if (!Array.isArray(a) || !a.every((v) => typeof v === 'string' && known.has(v))) return null;
        const chosen = new Set(a as string[]);
        return q.options.map((o) => (chosen.has(o.value) ? 1 : 0));
      };
    }
    case 'rating':
      return (a) => (typeof a === 'number' && Number.isFinite(a) && a >= q.min && a <= q.max ? [a] : null);
    case 'pairwise':
      return (a) => (typeof a === 'number' && Number.isInteger(a) && a >= q.scale.min && a <= q.scale.max ? [a] : null);
  }
}
