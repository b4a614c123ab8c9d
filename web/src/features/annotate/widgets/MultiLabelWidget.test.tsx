import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWidget } from './widget-harness';

const options = [
  { value: 'spam', label: 'Spam' },
  { value: 'toxic', label: 'Toxic' },
  { value: 'pii', label: 'Personal data' },
];
const item = { text: 'Call me at 555-0100' };

describe('MultiLabelWidget', () => {
  it('toggles options by click and answers in option order', async () => {
    const w = renderWidget('multi_label', { options, field: 'text' }, item);
    await w.user.click(screen.getByRole('checkbox', { name: /Personal data/ }));
    await w.user.click(screen.getByRole('checkbox', { name: /Spam/ }));
    expect(w.last()).toEqual(['spam', 'pii']);
    expect(w.accepted()).toEqual(['spam', 'pii']);
    await w.user.click(screen.getByRole('checkbox', { name: /Spam/ }));
    expect(w.last()).toEqual(['pii']);
    await w.user.click(screen.getByRole('checkbox', { name: /Personal data/ }));
    expect(w.last()).toBeUndefined();
  });

  it('toggles with number keys and refuses a pick past maxSelected, saying why', async () => {
    const w = renderWidget('multi_label', { options, maxSelected: 2 }, item);
    await w.user.keyboard('13');
    expect(w.last()).toEqual(['spam', 'pii']);
    await w.user.keyboard('2');
    expect(w.last()).toEqual(['spam', 'pii']);
    expect(screen.getByRole('status')).toHaveTextContent('at most 2');
    expect(screen.getByRole('checkbox', { name: /Toxic/ })).toHaveAttribute('aria-disabled', 'true');
    await w.user.keyboard('1');
    expect(w.last()).toEqual(['pii']);
    expect(w.accepted()).toEqual(['pii']);
  });

  it('says "none apply" with 0 when an empty answer is allowed', async () => {
    const w = renderWidget('multi_label', { options, minSelected: 0 }, item);
    await w.user.keyboard('0');
    expect(w.last()).toEqual([]);
    expect(w.accepted()).toEqual([]);
    expect(screen.getByRole('button', { name: /None apply/ })).toHaveAttribute('aria-pressed', 'true');
    await w.user.keyboard('2');
    expect(w.last()).toEqual(['toxic']);
  });

  it('offers no "none apply" when at least one must be chosen', () => {
    renderWidget('multi_label', { options }, item);
    expect(screen.queryByRole('button', { name: /None apply/ })).not.toBeInTheDocument();
  });

  it('ignores keys while inactive', async () => {
    const w = renderWidget('multi_label', { options }, item, { active: false });
    await w.user.keyboard('12');
    expect(w.onChange).not.toHaveBeenCalled();
  });
});
