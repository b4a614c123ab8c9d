/**
 * Markdown from guidelines, item data and annotators' free text (writing answers, rationales, conversation turns),
 * rendered with marked and sanitised with DOMPurify: whoever produced the data or the answer may have typed HTML,
 * so it never reaches the page as raw HTML (no script, no event handler attribute, no javascript: URL).
 * `MarkdownInline` is for one-line summaries inside buttons and list rows: emphasis and code only (a link inside a
 * button would be a control inside a control), block structure flattened to one line.
 */
import { useMemo } from 'react';
import { Marked } from 'marked';
import DOMPurify from 'dompurify';

const marked = new Marked({ gfm: true, breaks: false, async: false });

export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(marked.parse(source) as string, { USE_PROFILES: { html: true } });
}

const INLINE_TAGS = ['strong', 'em', 'code', 'del', 's'];

/** One line of inline Markdown: emphasis, code and strike-through kept, every other tag dropped with its text kept. */
export function renderMarkdownInline(source: string): string {
  const flat = source.replace(/\s+/g, ' ').trim();
  return DOMPurify.sanitize(marked.parseInline(flat) as string, { ALLOWED_TAGS: INLINE_TAGS, ALLOWED_ATTR: [], KEEP_CONTENT: true });
}

export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <div className={`markdown ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function MarkdownInline({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdownInline(source), [source]);
  return <span className={`markdown-inline ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
