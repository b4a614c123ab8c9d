import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseTaskSchema } from '@core/schema/parse-schema';
import type { AnswerSet } from '../../schema';
import { AnswerForm, visibleQuestions } from './AnswerForm';

const schema = parseTaskSchema({
  questions: [
    {
      id: 'toxic',
      type: 'label',
      prompt: 'Is it toxic?',
      help: 'Insults, threats or slurs.',
      field: 'text',
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ],
    },
    { id: 'severity', type: 'rating', prompt: 'How severe?', min: 1, max: 3, visibleWhen: { question: 'toxic', equals: 'yes' } },
    { id: 'note', type: 'text', prompt: 'Anything else?', required: false },
  ],
});
const item = { text: 'You are wonderful.' };

function Form({ initial = {}, errors, onAnswers = () => {} }: { initial?: AnswerSet; errors?: Record<string, string>; onAnswers?: (a: AnswerSet) => void }) {
  const [answers, setAnswers] = useState<AnswerSet>(initial);
  const [active, setActive] = useState(0);
  return (
    <AnswerForm
      schema={schema}
      item={item}
      answers={answers}
      onChange={(a) => {
        onAnswers(a);
        setAnswers(a);
      }}
      activeIndex={active}
      onActivate={setActive}
      errors={errors}
    />
  );
}

describe('AnswerForm', () => {
  it('shows a question only while its visibleWhen condition holds', async () => {
    const user = userEvent.setup();
    render(<Form />);
    expect(screen.queryByRole('region', { name: /How severe/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    expect(screen.getByRole('region', { name: /How severe/ })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'No' }));
    expect(screen.queryByRole('region', { name: /How severe/ })).not.toBeInTheDocument();
    expect(visibleQuestions(schema, { toxic: 'no' }).map((q) => q.id)).toEqual(['toxic', 'note']);
  });

  it('changes one answer and keeps the others', async () => {
    const user = userEvent.setup();
    const onAnswers = vi.fn();
    render(<Form initial={{ note: 'keep me' }} onAnswers={onAnswers} />);
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    expect(onAnswers).toHaveBeenLastCalledWith({ note: 'keep me', toxic: 'yes' });
    await user.click(within(screen.getByRole('region', { name: /How severe/ })).getByRole('radio', { name: '2' }));
    expect(onAnswers).toHaveBeenLastCalledWith({ note: 'keep me', toxic: 'yes', severity: 2 });
    await user.clear(screen.getByRole('textbox', { name: /Anything else/ }));
    expect(onAnswers).toHaveBeenLastCalledWith({ toxic: 'yes', severity: 2 });
  });

  it('shows errors as alerts tied to their question', () => {
    render(<Form errors={{ toxic: 'Question "toxic" is required; no answer given' }} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('is required');
    expect(screen.getByRole('region', { name: /Is it toxic/ })).toHaveAccessibleDescription(/is required/);
  });

  it('marks the required question and keeps help behind a disclosure', async () => {
    const user = userEvent.setup();
    render(<Form />);
    expect(screen.getByRole('heading', { name: /^1\. Is it toxic\?\s*\(required\)$/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Anything else\?$/ })).toBeInTheDocument();
    expect(screen.getByText('Insults, threats or slurs.')).not.toBeVisible();
    await user.click(screen.getByText('Help'));
    expect(screen.getByText('Insults, threats or slurs.')).toBeVisible();
  });

  it('gives the keyboard to the question last clicked or focused', async () => {
    const user = userEvent.setup();
    const onAnswers = vi.fn();
    render(<Form onAnswers={onAnswers} />);
    expect(screen.getByRole('region', { name: /Is it toxic/ })).toHaveAttribute('aria-current', 'step');
    await user.keyboard('1');
    expect(onAnswers).toHaveBeenLastCalledWith({ toxic: 'yes' });
    await user.click(screen.getByRole('region', { name: /How severe/ }));
    expect(screen.getByRole('region', { name: /How severe/ })).toHaveAttribute('aria-current', 'step');
    await user.keyboard('3');
    expect(onAnswers).toHaveBeenLastCalledWith({ toxic: 'yes', severity: 3 });
    await user.click(screen.getByRole('textbox', { name: /Anything else/ }));
    await user.keyboard('2');
    expect(onAnswers).toHaveBeenLastCalledWith({ toxic: 'yes', severity: 3, note: '2' });
  });
});
