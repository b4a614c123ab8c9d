import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseTaskSchema } from '@core/schema/parse-schema';
import { SchemaBuilder } from './SchemaBuilder';
import type { SchemaDraft } from './draft';

/** What `parseTaskSchema` (the server's check) says about a draft. */
function parserError(draft: unknown): { field: string; message: string } {
  try {
    parseTaskSchema(draft);
  } catch (e) {
    const err = e as { field: string; message: string };
    return { field: err.field, message: err.message };
  }
  throw new Error('the draft parsed');
}

/** The builder as a page holds it: the draft in state, readable by the test. */
function renderBuilder(initial: SchemaDraft = { questions: [] }) {
  let latest: SchemaDraft = initial;
  function Harness() {
    const [draft, setDraft] = useState<SchemaDraft>(initial);
    latest = draft;
    return <SchemaBuilder draft={draft} onChange={setDraft} />;
  }
  const user = userEvent.setup();
  render(<Harness />);
  return { user, draft: () => latest };
}

async function replace(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.clear(input);
  if (text !== '') await user.type(input, text);
}

const editor = () => screen.getByRole('group', { name: /^Arrange/ }).closest('details') as HTMLElement;
const preview = () => screen.getByRole('region', { name: 'Live preview' });

describe('SchemaBuilder', () => {
  it('shows a question just added in the preview at once, with a placeholder until its prompt is written', async () => {
    const { user } = renderBuilder({ questions: [{ id: 'sentiment', type: 'label', prompt: 'Sentiment?', field: 'text', options: [{ value: 'pos', label: 'Positive' }, { value: 'neg', label: 'Negative' }] }] });
    expect(within(preview()).getByText('Sentiment?')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('New question of type'), 'rating');
    await user.click(screen.getByRole('button', { name: '+ Add question' }));
    // The builder still says the prompt is missing (the server would refuse it) …
    expect(parserError({ questions: [{ id: 'rating_1', type: 'rating', prompt: '', min: 1, max: 5 }] }).field).toMatch(/prompt/);
    expect(screen.queryByText(/✓ Valid/)).not.toBeInTheDocument();
    // … while the preview shows the new question, not the version before it.
    const p = within(preview());
    expect(p.getByText('(Prompt not written yet)')).toBeInTheDocument();
    expect(p.getByText(/Question rating_1 has no prompt yet/)).toBeInTheDocument();
    expect(p.queryByText(/shows the last version that parsed/)).not.toBeInTheDocument();
    expect(p.getByText('Poor')).toBeInTheDocument();
    // Writing the prompt replaces the placeholder.
    const editors = screen.getAllByLabelText('Prompt');
    await user.type(editors[editors.length - 1]!, 'How helpful is the reply?');
    expect(within(preview()).getByText('How helpful is the reply?')).toBeInTheDocument();
    expect(within(preview()).queryByText(/no prompt yet/)).not.toBeInTheDocument();
  });

  it('builds a label question with two options into the schema the server accepts', async () => {
    const { user, draft } = renderBuilder();
    expect(screen.getByText('No questions yet: add the first one below.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('New question of type'), 'label');
    await user.click(screen.getByRole('button', { name: '+ Add question' }));
    const q = within(editor());
    await replace(user, q.getByLabelText('Id'), 'sentiment');
    await user.type(q.getByLabelText('Prompt'), 'What is the sentiment?');
    await replace(user, q.getByLabelText('Option 1 value'), 'pos');
    await replace(user, q.getByLabelText('Option 1 label'), 'Positive');
    await replace(user, q.getByLabelText('Option 2 value'), 'neg');
    await replace(user, q.getByLabelText('Option 2 label'), 'Negative');
    await user.type(q.getByLabelText(/Option 2 hint/), 'Mostly complaints');

    expect(screen.getByText('✓ Valid: 1 question')).toBeInTheDocument();
    expect(parseTaskSchema(draft())).toEqual({
      questions: [
        {
          id: 'sentiment',
          type: 'label',
          prompt: 'What is the sentiment?',
          required: true,
          field: 'text',
          options: [
            { value: 'pos', label: 'Positive' },
            { value: 'neg', label: 'Negative', hint: 'Mostly complaints' },
          ],
        },
      ],
    });
  });

  it("shows the parser's own message at the field an invalid edit broke, and in the list of problems", async () => {
    const { user, draft } = renderBuilder({
      questions: [{ id: 'sentiment', type: 'label', prompt: 'Sentiment?', options: [{ value: 'pos', label: 'Positive' }, { value: 'neg', label: 'Negative' }] }],
    });
    expect(screen.getByText('✓ Valid: 1 question')).toBeInTheDocument();
    const value = within(editor()).getByLabelText('Option 2 value');
    await replace(user, value, 'pos');
    const serverSays = parserError(draft());
    expect(serverSays).toEqual({ field: 'questions[0].options[1].value', message: 'Question "sentiment" (label): options must have unique values; "pos" appears twice' });
    expect(value).toHaveAttribute('aria-invalid', 'true');
    expect(value).toHaveAccessibleDescription(serverSays.message);
    expect(screen.getByText('1 problem')).toBeInTheDocument();
    const listed = within(screen.getByRole('list', { name: 'Problems in the schema' })).getByRole('listitem');
    expect(listed).toHaveTextContent(serverSays.message);
    expect(listed).toHaveTextContent(serverSays.field);

    await replace(user, within(editor()).getByLabelText('Id'), 'Sentiment');
    const id = within(editor()).getByLabelText('Id');
    expect(id).toHaveAttribute('aria-invalid', 'true');
    expect(id).toHaveAccessibleDescription(expect.stringContaining('must be a slug'));
  });

  it('previews the question as the annotator sees it, and answers it there', async () => {
    const { user } = renderBuilder();
    await user.click(screen.getByRole('button', { name: '+ Add question' }));
    await user.type(within(editor()).getByLabelText('Prompt'), 'Is this review helpful?');
    const p = within(preview());
    expect(p.getByRole('heading', { name: /Is this review helpful\?/ })).toBeInTheDocument();
    // The sample item carries placeholder text for the field the question reads.
    expect(p.getByText(/Sample context for "text"/)).toBeInTheDocument();
    const yes = p.getByRole('radio', { name: /Yes/ });
    await user.click(yes);
    expect(yes).toHaveAttribute('aria-checked', 'true');
    await user.click(p.getByRole('button', { name: 'Check answers' }));
    expect(p.getByText('These answers would be accepted.')).toBeInTheDocument();
  });

  it('keeps the last valid preview while the draft has a problem', async () => {
    const { user } = renderBuilder({ questions: [{ id: 'ok', type: 'label', prompt: 'Fine?', options: [{ value: 'y', label: 'Yes' }, { value: 'n', label: 'No' }] }] });
    await user.clear(within(editor()).getByLabelText('Option 1 value'));
    expect(within(preview()).getByText(/the preview shows the last version that parsed/)).toBeInTheDocument();
    expect(within(preview()).getByRole('heading', { name: /Fine\?/ })).toBeInTheDocument();
  });

  it('edits the raw JSON in its own tab and reports JSON that does not parse', async () => {
    const { user, draft } = renderBuilder({ questions: [{ id: 'ok', type: 'label', prompt: 'Fine?', options: [{ value: 'y', label: 'Yes' }, { value: 'n', label: 'No' }] }] });
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    const json = screen.getByLabelText('Task schema (JSON)');
    expect(JSON.parse((json as HTMLTextAreaElement).value)).toEqual(draft());
    await user.type(json, '{{');
    expect(screen.getByText(/Not valid JSON yet/)).toBeInTheDocument();
    await user.clear(json);
    await user.click(json);
    await user.paste('{"questions":[{"id":"score","type":"rating","prompt":"Score","min":1,"max":3}]}');
    expect(screen.getByText('✓ Valid: 1 question')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Form' }));
    expect(within(editor()).getByLabelText('Highest point')).toHaveValue(3);
  });

  it('reorders and removes questions', async () => {
    const { user, draft } = renderBuilder();
    await user.click(screen.getByRole('button', { name: '+ Add question' }));
    await user.selectOptions(screen.getByLabelText('New question of type'), 'text');
    await user.click(screen.getByRole('button', { name: '+ Add question' }));
    const ids = () => (draft().questions as { id: string }[]).map((q) => q.id);
    expect(ids()).toEqual(['label_1', 'text_1']);
    await user.click(screen.getByRole('button', { name: 'Move text_1 up' }));
    expect(ids()).toEqual(['text_1', 'label_1']);
    await user.click(screen.getByRole('button', { name: 'Remove text_1' }));
    expect(ids()).toEqual(['label_1']);
  });
});
