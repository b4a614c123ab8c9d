import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWidget } from './widget-harness';

const question = { field: 'source', minLength: 5, maxLength: 20, placeholder: 'Your summary' };
const item = { source: 'A long article about **bees**.' };

describe('TextWidget', () => {
  it('shows the context and answers with what is typed, counting trimmed characters', async () => {
    const w = renderWidget('text', question, item);
    expect(screen.getByRole('region', { name: 'Context' })).toHaveTextContent('A long article about bees.');
    const box = screen.getByRole('textbox', { name: 'Prompt' });
    expect(box).toHaveAttribute('placeholder', 'Your summary');
    await w.user.type(box, '  Bees 1 2 ');
    expect(w.last()).toBe('  Bees 1 2 ');
    expect(w.accepted()).toBe('  Bees 1 2 ');
    expect(screen.getByText(/8 \/ 20 characters/)).toBeInTheDocument();
  });

  it('flags too many characters, as the server would refuse them', async () => {
    const w = renderWidget('text', question, item);
    await w.user.type(screen.getByRole('textbox', { name: 'Prompt' }), 'x'.repeat(22));
    expect(screen.getByText(/2 too many/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Prompt' })).toHaveAttribute('aria-invalid', 'true');
    expect(() => w.accepted()).toThrow(/at most 20 characters/);
  });

  it('clears to no answer when emptied', async () => {
    const w = renderWidget('text', question, item, { value: 'Hello' });
    await w.user.clear(screen.getByRole('textbox', { name: 'Prompt' }));
    expect(w.last()).toBeUndefined();
  });

  it('previews the Markdown on its tab, switching tabs with the arrows', async () => {
    const w = renderWidget('text', question, item, { value: 'Use `grep`' });
    await w.user.click(screen.getByRole('tab', { name: 'Write' }));
    await w.user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Preview' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Preview' }).querySelector('code')).toHaveTextContent('grep');
  });
});
