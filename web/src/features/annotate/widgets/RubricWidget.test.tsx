import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWidget } from './widget-harness';

const question = {
  field: 'answer',
  comments: true,
  criteria: [
    { id: 'accuracy', label: 'Accuracy', description: 'Facts are right', min: 1, max: 5, weight: 3 },
    { id: 'style', label: 'Style', min: 0, max: 2 },
  ],
};
const item = { answer: 'Water boils at 100 °C at sea level.' };

describe('RubricWidget', () => {
  it('scores each criterion in its own radio group and shows the weighted score', async () => {
    const w = renderWidget('rubric', question, item);
    const accuracy = screen.getByRole('radiogroup', { name: 'Accuracy' });
    expect(accuracy).toHaveAccessibleDescription('Facts are right');
    await w.user.click(within(accuracy).getByRole('radio', { name: '5' }));
    expect(w.last()).toEqual({ scores: { accuracy: 5 } });
    expect(screen.getByText(/so far: 1 of 2/)).toBeInTheDocument();
    await w.user.click(within(screen.getByRole('radiogroup', { name: 'Style' })).getByRole('radio', { name: '1' }));
    expect(w.last()).toEqual({ scores: { accuracy: 5, style: 1 } });
    expect(w.accepted()).toEqual({ scores: { accuracy: 5, style: 1 } });
    // (3 · 1 + 1 · 0.5) / 4 = 0.875
    expect(screen.getByText('88%')).toBeInTheDocument();
  });

  it('moves a score with the arrow keys inside a criterion', async () => {
    const w = renderWidget('rubric', question, item);
    const accuracy = screen.getByRole('radiogroup', { name: 'Accuracy' });
    await w.user.click(within(accuracy).getByRole('radio', { name: '2' }));
    await w.user.keyboard('{ArrowRight}');
    expect(w.last()).toEqual({ scores: { accuracy: 3 } });
  });

  it('keeps a comment per criterion and drops it when emptied', async () => {
    const w = renderWidget('rubric', question, item);
    await w.user.type(screen.getByRole('textbox', { name: 'Comment on Style' }), 'Terse');
    expect(w.last()).toEqual({ scores: {}, comments: { style: 'Terse' } });
    await w.user.click(within(screen.getByRole('radiogroup', { name: 'Accuracy' })).getByRole('radio', { name: '4' }));
    await w.user.click(within(screen.getByRole('radiogroup', { name: 'Style' })).getByRole('radio', { name: '2' }));
    expect(w.accepted()).toEqual({ scores: { accuracy: 4, style: 2 }, comments: { style: 'Terse' } });
    await w.user.clear(screen.getByRole('textbox', { name: 'Comment on Style' }));
    expect(w.last()).toEqual({ scores: { accuracy: 4, style: 2 } });
  });

  it('offers no comments when the question does not allow them', () => {
    renderWidget('rubric', { ...question, comments: false }, item);
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});
