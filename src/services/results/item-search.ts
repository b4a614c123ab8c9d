/**
 * What "the item matches the search" means, once for both engines: the query, case-folded, occurs in one of the
 * item's string values (at any depth), in its id or in its external id. SQL narrows the candidates with LIKE
 * (`likePrefilter`), and `itemMatches` decides in JavaScript, because SQLite's LIKE folds only ASCII letters and
 * PostgreSQL's ILIKE folds by the database's locale (none at all under the C locale). Folding is `toLowerCase` on
 * NFC text: "École" finds "ÉCOLE" on either engine.
 */

/** The text compared: NFC, lower-cased (Unicode's default case mapping, independent of locale). */
export const foldText = (s: string): string => s.normalize('NFC').toLowerCase();

/**
 * A LIKE pattern that every matching item also matches: LIKE's own wildcards are escaped, and each non-ASCII
 * character becomes `_` (any one character), since the engine may not fold it. ASCII letters are left for the
 * engine's ASCII-insensitive comparison.
 */
export function likePrefilter(query: string): string {
  let out = '';
  for (const ch of query.normalize('NFC')) {
    if (ch === '%' || ch === '_' || ch === '\\') out += `\\${ch}`;
    else if (ch.codePointAt(0)! > 0x7f) out += '_';
    else out += ch;
  }
  return `%${out}%`;
}

/** Every string in a JSON value, depth first. */
function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* stringsOf(v);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) yield* stringsOf(v);
}

/** Whether an item matches a folded query (`foldText(q)`). */
export function itemMatches(foldedQuery: string, item: { id: string; external_id: string | null; data: unknown }): boolean {
  if (foldText(item.id).includes(foldedQuery)) return true;
  if (item.external_id !== null && foldText(item.external_id).includes(foldedQuery)) return true;
  for (const s of stringsOf(item.data)) if (foldText(s).includes(foldedQuery)) return true;
  return false;
}

/** A one-line preview of an item's data: its string values joined, whitespace collapsed, cut at `max` characters. */
export function previewOf(data: unknown, max = 160): string {
  let text = '';
  for (const s of stringsOf(data)) {
    text += (text ? ' · ' : '') + s.replace(/\s+/g, ' ').trim();
    if (text.length > max) break;
  }
  if (text === '') text = JSON.stringify(data) ?? '';
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
