/**
 * Paths in two directions: dotted paths a schema uses to name item fields (`meta.title` reads
 * `item.data.meta.title`), and the error-field paths we report (`questions[2].options[3].value`).
 */

/** Segments of letters, digits, `_` and `-`, joined by dots; a digits-only segment may index an array. */
export const FIELD_PATH_PATTERN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
export const MAX_FIELD_PATH_LENGTH = 200;

/** Whether `path` is a well-formed item field path. */
export function isFieldPath(path: string): boolean {
  return path.length <= MAX_FIELD_PATH_LENGTH && FIELD_PATH_PATTERN.test(path);
}

/** The outcome of reading a path: `found` tells a missing field from one whose value is `undefined`-like. */
export type FieldLookup = { found: true; value: unknown } | { found: false };

/**
 * Reads a dotted path from item data. Only own properties count, so a path such as `constructor` or
 * `toString` never reaches the prototype chain; a digits-only segment indexes into an array.
 */
export function readFieldPath(data: unknown, path: string): FieldLookup {
  let current: unknown = data;
  for (const segment of path.split('.')) {
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment)) return { found: false };
      const index = Number(segment);
      if (index >= current.length) return { found: false };
      current = current[index];
    } else if (isPlainObject(current)) {
      if (!Object.hasOwn(current, segment)) return { found: false };
      current = current[segment];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}

/** A JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Joins path segments for an error's `field`: numbers as `[i]`, names with dots (`questions[2].options`). */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
