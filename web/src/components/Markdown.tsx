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

/** `images: false` drops images too (free text typed by annotators: a broken picture or a tracking pixel, never content). */
export function renderMarkdown(source: string, { images = true }: { images?: boolean } = {}): string {
  return DOMPurify.sanitize(marked.parse(source) as string, { USE_PROFILES: { html: true }, ...(images ? {} : { FORBID_TAGS: ['img', 'picture', 'video', 'audio'] }) });
}

const INLINE_TAGS = ['strong', 'em', 'code', 'del', 's'];

/** One line of inline Markdown: emphasis, code and strike-through kept, every other tag dropped with its text kept. */
export function renderMarkdownInline(source: string): string {
  const flat = source.replace(/\s+/g, ' ').trim();
  return DOMPurify.sanitize(marked.parseInline(flat) as string, { ALLOWED_TAGS: INLINE_TAGS, ALLOWED_ATTR: [], KEEP_CONTENT: true });
}

export function Markdown({ source, className, images = true }: { source: string; className?: string; images?: boolean }) {
  const html = useMemo(() => renderMarkdown(source, { images }), [source, images]);
  return <div className={`markdown ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function MarkdownInline({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdownInline(source), [source]);
  return <span className={`markdown-inline ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
