import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { renderWidget } from './widget-harness';

const question = { promptField: 'prompt', left: 'a', right: 'b' };
const item = {
  prompt: 'How do I reverse a list in Python?',
  a: 'Use slicing:\n\n```python\nxs[::-1]\n```',
  b: 'Call `reversed(xs)`.',
};

describe('PairwiseWidget', () => {
  it('shows the prompt and both responses as Markdown with code', () => {
    renderWidget('pairwise', question, item);
    expect(screen.getByText('How do I reverse a list in Python?')).toBeInTheDocument();
    const left = screen.getByRole('region', { name: 'A (left)' });
    expect(within(left).getByText('xs[::-1]').closest('pre')).not.toBeNull();
    expect(within(screen.getByRole('region', { name: 'B (right)' })).getByText('reversed(xs)').tagName).toBe('CODE');
  });

  it('answers with the clicked strength, negative for the left response', async () => {
    const w = renderWidget('pairwise', question, item);
    await w.user.click(screen.getByRole('radio', { name: /Left better \(2 of 3\)/ }));
    expect(w.last()).toBe(-2);
    expect(w.accepted()).toBe(-2);
  });

  it('maps number keys left to right (1 = strongest left) and moves with ←/→', async () => {
    const w = renderWidget('pairwise', question, item);
    await w.user.keyboard('1');
    expect(w.last()).toBe(-3);
    await w.user.keyboard('7');
    expect(w.last()).toBe(3);
    await w.user.keyboard('4');
    expect(w.last()).toBe(0);
    await w.user.keyboard('{ArrowLeft}');
    expect(w.last()).toBe(-1);
    expect(w.accepted()).toBe(-1);
  });

  it('starts ←/→ at the weakest preference for that side', async () => {
    const w = renderWidget('pairwise', question, item);
    await w.user.keyboard('{ArrowRight}');
    expect(w.last()).toBe(1);
  });

  it('offers no tie when ties are not allowed', async () => {
    const w = renderWidget('pairwise', { ...question, allowTie: false, scale: { min: -2, max: 2 } }, item);
    expect(screen.queryByRole('radio', { name: /Tie/ })).not.toBeInTheDocument();
    expect(screen.getAllByRole('radio')).toHaveLength(4);
    await w.user.keyboard('3');
    expect(w.last()).toBe(1);
    await w.user.keyboard('{ArrowLeft}');
    expect(w.last()).toBe(-1);
    expect(w.accepted()).toBe(-1);
  });

  it('leaves ←/→ to a focused response, which may need to scroll its code sideways', async () => {
    const w = renderWidget('pairwise', question, item);
    act(() => screen.getByRole('region', { name: 'A (left)' }).focus());
    await w.user.keyboard('{ArrowLeft}');
    expect(w.onChange).not.toHaveBeenCalled();
    await w.user.keyboard('2');
    expect(w.last()).toBe(-2);
  });

  it('ignores keys while inactive', async () => {
    const w = renderWidget('pairwise', question, item, { active: false });
    await w.user.keyboard('1{ArrowLeft}');
    expect(w.onChange).not.toHaveBeenCalled();
  });
});
