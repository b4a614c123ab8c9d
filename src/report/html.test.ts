import { describe, expect, it } from 'vitest';
import { escapeHtml, html, Html, trusted } from './html.js';

describe('html', () => {
  it('escapes the five characters that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes every interpolated value but keeps the literal markup', () => {
    const name = '<script>alert(1)</script>';
    expect(html`<td title="${name}">${name}</td>`.value).toBe('<td title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</td>');
  });

  it('inserts Html as it is, joins arrays, writes numbers, and leaves out null, undefined and false', () => {
    const rows = ['a<', 'b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${rows}</ul>${null}${undefined}${false}${0}${true}`.value).toBe('<ul><li>a&lt;</li><li>b</li></ul>0true');
    expect(html`${trusted('<svg></svg>')}`.value).toBe('<svg></svg>');
    expect(html`x` instanceof Html).toBe(true);
    expect(String(html`<b>${'&'}</b>`)).toBe('<b>&amp;</b>');
  });
});
