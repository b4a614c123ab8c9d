import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWidget } from './widget-harness';

const question = { min: 1, max: 5, labels: { '1': 'Poor', '5': 'Excellent' }, field: 'answer' };
const item = { answer: 'Paris is the capital of France.' };

describe('RatingWidget', () => {
  it('shows every point with its label and answers with the clicked point', async () => {
    const w = renderWidget('rating', question, item);
    expect(screen.getAllByRole('radio')).toHaveLength(5);
    await w.user.click(screen.getByRole('radio', { name: /Excellent/ }));
    expect(w.last()).toBe(5);
    expect(w.accepted()).toBe(5);
    await w.user.click(screen.getByRole('radio', { name: /^3/ }));
    expect(w.last()).toBe(3);
  });

  it('picks with number keys and moves with ←/→', async () => {
    const w = renderWidget('rating', question, item);
    await w.user.keyboard('{ArrowRight}');
    expect(w.last()).toBe(1);
    await w.user.keyboard('4');
    expect(w.last()).toBe(4);
    await w.user.keyboard('{ArrowRight}{ArrowRight}');
    expect(w.last()).toBe(5);
    await w.user.keyboard('{ArrowLeft}');
    expect(w.last()).toBe(4);
    expect(w.accepted()).toBe(4);
  });

  it('maps number keys to points of a stepped scale', async () => {
    const w = renderWidget('rating', { min: 0, max: 10, step: 2 }, {});
    await w.user.keyboard('3');
    expect(w.last()).toBe(4);
    expect(w.accepted()).toBe(4);
  });

  it('uses only arrows on a scale of more than nine points', async () => {
    const w = renderWidget('rating', { min: 0, max: 10 }, {});
    await w.user.keyboard('1');
    expect(w.onChange).not.toHaveBeenCalled();
    await w.user.keyboard('{ArrowLeft}');
    expect(w.last()).toBe(10);
  });

  it('ignores keys while inactive', async () => {
    const w = renderWidget('rating', question, item, { active: false });
    await w.user.keyboard('2{ArrowRight}');
    expect(w.onChange).not.toHaveBeenCalled();
  });
});
