/**
 * Markdown from guidelines and item data, rendered with marked and sanitised with DOMPurify: item text is written
 * by whoever produced the data, so it never reaches the page as raw HTML.
 */
import { useMemo } from 'react';
import { Marked } from 'marked';
import DOMPurify from 'dompurify';

const marked = new Marked({ gfm: true, breaks: false, async: false });

export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(marked.parse(source) as string, { USE_PROFILES: { html: true } });
}

export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <div className={`markdown ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
