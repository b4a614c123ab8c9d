import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWidget } from './widget-harness';
import { LabelWidget } from './LabelWidget';
import { parseTaskSchema } from '@core/schema/parse-schema';
import type { LabelQuestion } from '../../../schema';

const question = {
  field: 'review',
  options: [
    { value: 'pos', label: 'Positive' },
    { value: 'neu', label: 'Neutral' },
    { value: 'neg', label: 'Negative', hint: 'Mostly complaints' },
  ],
};
const item = { review: 'The charger died after a week.' };

describe('LabelWidget', () => {
  it('shows the item text and answers with the clicked option', async () => {
    const w = renderWidget('label', question, item);
    expect(screen.getByText('The charger died after a week.')).toBeInTheDocument();
    await w.user.click(screen.getByRole('radio', { name: /Negative/ }));
    expect(w.last()).toBe('neg');
    expect(w.accepted()).toBe('neg');
    expect(screen.getByRole('radio', { name: /Negative/ })).toHaveAttribute('aria-checked', 'true');
  });

  it('picks options with number keys and arrows, and clears an optional answer with its key', async () => {
    const w = renderWidget('label', { ...question, required: false }, item);
    await w.user.keyboard('2');
    expect(w.last()).toBe('neu');
    screen.getByRole('radio', { name: /Neutral/ }).focus();
    await w.user.keyboard('{ArrowRight}');
    expect(w.last()).toBe('neg');
    expect(screen.getByRole('radio', { name: /Negative/ })).toHaveFocus();
    await w.user.keyboard('3');
    expect(w.last()).toBeUndefined();
  });

  it('keeps a required answer when its key is pressed again', async () => {
    const w = renderWidget('label', question, item);
    await w.user.keyboard('1');
    await w.user.keyboard('1');
    expect(w.onChange.mock.calls).toEqual([['pos'], ['pos']]);
  });

  it('ignores keys while inactive', async () => {
    const w = renderWidget('label', question, item, { active: false });
    await w.user.keyboard('1');
    expect(w.onChange).not.toHaveBeenCalled();
  });

  it('does not take number keys typed into a text field', async () => {
    const q = parseTaskSchema({ questions: [{ id: 'q', type: 'label', prompt: 'P', ...question }] }).questions[0] as LabelQuestion;
    const changes: unknown[] = [];
    render(
      <>
        <LabelWidget.Component question={q} item={item} value={undefined} onChange={(v) => changes.push(v)} active idPrefix="q" />
        <textarea aria-label="Notes" />
      </>,
    );
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), '123');
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveValue('123');
    expect(changes).toEqual([]);
  });
});
