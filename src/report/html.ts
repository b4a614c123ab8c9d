/**
 * HTML built from tagged templates that escape every interpolated value, so text that users wrote (project, vendor
 * and annotator names, rejection reasons, signal details) can never become markup in a report. Only `Html` values
 * pass through unescaped: those made by `html` itself, or by `trusted` for markup we generated (ECharts' SVG).
 */

/** A fragment of markup that is safe to insert as is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A value interpolated into `html`: markup stays, arrays are joined, null/undefined/false are nothing, the rest is text. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(v: HtmlValue): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v as string | number | boolean));
}

/** `html\`<td>${name}</td>\``: the literal parts are markup, every value is escaped (unless it is `Html`). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Marks markup this program generated itself (never user text) as safe to insert. */
export const trusted = (markup: string): Html => new Html(markup);
