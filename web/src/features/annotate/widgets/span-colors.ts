/** Label colours for spans: the schema's colour when given, else a distinct colour from a fixed palette. */
import type { SpanLabel } from '../../../schema';

/** Distinct, saturated hues that stay readable as underlines and as light tints behind dark text. */
const PALETTE = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#dc2626', '#65a30d', '#ea580c', '#4f46e5', '#0d9488', '#a21caf'];

/** Colour per label value; labels without a colour take palette colours no other label uses. */
export function labelColors(labels: readonly SpanLabel[]): Map<string, string> {
  const given = new Set(labels.flatMap((l) => (l.color ? [l.color.toLowerCase()] : [])));
  const free = PALETTE.filter((c) => !given.has(c));
  let next = 0;
  return new Map(labels.map((l) => [l.value, l.color ?? free[next++ % free.length] ?? '#2563eb']));
}

/** `#rgb` or `#rrggbb` as `rgb(r g b / alpha)`. */
export function tint(hex: string, alpha: number): string {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  return `rgb(${r} ${g} ${b} / ${alpha})`;
}
