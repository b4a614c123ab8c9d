/** The candidates a `ranking` question orders: an item array of strings or `{ id, text }` objects. */
import { readFieldPath, type ItemData } from '../../../schema';

export interface Candidate {
  /** Index in the item's array: what the answer stores. */
  index: number;
  /** The `id` of an object candidate, shown as a tag. */
  id?: string;
  text: string;
}

export function readCandidates(item: ItemData, field: string): Candidate[] | undefined {
  const found = readFieldPath(item, field);
  if (!found.found || !Array.isArray(found.value)) return undefined;
  return found.value.map((raw: unknown, index): Candidate => {
    if (typeof raw === 'string') return { index, text: raw };
    const obj = (raw ?? {}) as { id?: unknown; text?: unknown };
    return { index, id: obj.id === undefined ? undefined : String(obj.id), text: typeof obj.text === 'string' ? obj.text : JSON.stringify(raw) };
  });
}

/** A short name for a candidate in button labels and announcements. */
export function candidateName(c: Candidate): string {
  if (c.id) return c.id;
  const flat = c.text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `“${flat.slice(0, 39)}…”` : `“${flat}”`;
}

/** `order` with the element at `from` moved to `to`. */
export function moveInOrder(order: number[], from: number, to: number): number[] {
  const next = [...order];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

/** The item's own order, 0..count-1. */
export function identityOrder(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}
