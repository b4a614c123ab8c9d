import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { Markdown, MarkdownInline, renderMarkdown, renderMarkdownInline } from './Markdown';

const PAYLOAD = '**bold** <img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">go</a><iframe src="https://example.com"></iframe><svg onload="alert(4)"></svg>';

describe('Markdown', () => {
  it('renders Markdown and drops scripts, event handlers, javascript: links and frames', () => {
    const html = renderMarkdown(PAYLOAD);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toMatch(/<script|onerror|onload|javascript:|<iframe/i);
    const { container } = render(<Markdown source={`# Title\n\n${PAYLOAD}`} />);
    expect(container.querySelector('h1')).toHaveTextContent('Title');
    expect(container.querySelector('script, iframe, [onerror], [onload]')).toBeNull();
  });

  it('drops images from free text when asked', () => {
    expect(renderMarkdown('![x](https://example.com/p.png) <img src="https://example.com/t.gif"> text')).toContain('<img');
    expect(renderMarkdown('![x](https://example.com/p.png) <img src="https://example.com/t.gif"> text', { images: false })).not.toContain('<img');
  });

  it('renders one inline line: emphasis and code kept, links and blocks flattened to their text', () => {
    expect(renderMarkdownInline('A *b* `c`\n\n- [d](https://example.com) ' + PAYLOAD)).toBe('A <em>b</em> <code>c</code> - d <strong>bold</strong> go');
    const { container } = render(<MarkdownInline source="# Not a heading **x**" />);
    expect(container.querySelector('h1')).toBeNull();
    expect(container.querySelector('strong')).toHaveTextContent('x');
  });
});
