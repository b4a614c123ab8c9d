import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { parseTaskSchema } from '@core/schema/parse-schema';
import { ApiError } from '../../../api/client';
import { queryKeys } from '../../../api/queries';
import type { Task } from '../../../api/types';
import type { Submission } from './task-api';
import { TaskView } from './TaskView';

vi.mock('../../../api/client', async () => (await import('../../admin/fakeApi')).clientModuleForTests());

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const PROJECT = 'p1';

/** Three single-choice questions (1–3, 1–5, 1–5 on a pairwise scale), a multi-choice one and an optional text box. */
const schema = parseTaskSchema({
  questions: [
    {
      id: 'sentiment',
      type: 'label',
      prompt: 'What is the overall sentiment of this review?',
      field: 'review',
      options: [
        { value: 'pos', label: 'Positive' },
        { value: 'neu', label: 'Neutral' },
        { value: 'neg', label: 'Negative' },
      ],
    },
    { id: 'helpful', type: 'rating', prompt: 'How helpful is the review?', min: 1, max: 5 },
    { id: 'preference', type: 'pairwise', prompt: 'Which reply is better?', left: 'a', right: 'b', scale: { min: -2, max: 2 } },
    { id: 'why', type: 'text', prompt: 'Why? (optional)', required: false, maxLength: 200 },
  ],
});
const multiSchema = parseTaskSchema({
  questions: [
    {
      id: 'topics',
      type: 'multi_label',
      prompt: 'Tag the topics',
      options: [
        { value: 'price', label: 'Price' },
        { value: 'battery', label: 'Battery' },
        { value: 'screen', label: 'Screen' },
      ],
    },
    { id: 'helpful', type: 'rating', prompt: 'How helpful is the review?', min: 1, max: 5 },
  ],
});
const item = { review: 'Great battery, dull screen.', a: 'Reply A', b: 'Reply B' };

function renderTask(taskSchema = schema, submit = vi.fn(async (_s: Submission) => true)) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(queryKeys.project(PROJECT), { id: PROJECT, schemaVersion: 1, guidelineVersion: 1 });
  queryClient.setQueryData(queryKeys.schema(PROJECT, 1), { version: 1, schema: taskSchema });
  queryClient.setQueryData(queryKeys.guidelines(PROJECT, 1), { version: 1, markdown: '# Guidelines' });
  const task = { assignmentId: 'as-1', item: { id: 'i1', data: item }, schemaVersion: 1, guidelineVersion: 1, leaseExpiresAt: new Date(Date.now() + 3_600_000).toISOString() } as unknown as Task;
  const flow = { submit, skip: vi.fn(async () => true), busy: null };
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={queryClient}>
      <TaskView projectId={PROJECT} projectName="Reviews" task={task} flow={flow} guidelines={{ open: false, drawer: false, setOpen: () => undefined }} announce={() => undefined} />
    </QueryClientProvider>,
  );
  return { user, submit, flow };
}

const region = (name: RegExp) => screen.getByRole('region', { name });
const isActive = (name: RegExp) => region(name).classList.contains('active');
const checked = (name: RegExp) => within(region(name)).queryByRole('radio', { checked: true })?.textContent ?? null;
/** Lets the focus move that follows a render happen. */
const settle = () => act(async () => undefined);

describe('TaskView keyboard flow', () => {
  it('moves to the next unanswered question after a number key, so 1, 5, 2 answer three questions and the keys end at Submit', async () => {
    const { user, submit } = renderTask();
    await settle();
    expect(isActive(/overall sentiment/)).toBe(true);
    expect(within(region(/overall sentiment/)).getByText('⌨ Keys act here')).toBeInTheDocument();
    expect(within(region(/overall sentiment/)).getByText(/^1–3 choose · Alt\+↓ next question · Ctrl\+Enter submit · \? all keys$/)).toBeInTheDocument();

    await user.keyboard('1');
    await settle();
    expect(checked(/overall sentiment/)).toMatch(/Positive/);
    expect(isActive(/How helpful/)).toBe(true);
    expect(region(/How helpful/)).toContainElement(document.activeElement as HTMLElement);

    await user.keyboard('5');
    await settle();
    expect(checked(/overall sentiment/)).toMatch(/Positive/); // the first answer was not overwritten
    expect(checked(/How helpful/)).toMatch(/5/);
    expect(isActive(/Which reply/)).toBe(true);

    await user.keyboard('2');
    await settle();
    // Every required question answered: the keyboard is at Submit, which says so; the optional box is named.
    const button = screen.getAllByRole('button', { name: /^Submit/ }).at(-1) as HTMLElement;
    expect(button).toHaveFocus();
    expect(button).toHaveAccessibleDescription(/All required questions answered\. Enter or Ctrl\+Enter submit · Alt\+↑ back to the questions .*optional, not answered: 4\. Why\? \(optional\)/);
    // A number key here changes nothing and says where the number keys work.
    await user.keyboard('3');
    expect(checked(/Which reply/)).toMatch(/^2Left better/); // still the 2 chosen before
    expect(screen.getByText(/Number keys answer a question: Alt\+↑ goes back/)).toBeInTheDocument();

    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(submit).toHaveBeenCalledTimes(1);
    expect(submit.mock.calls[0]![0]).toMatchObject({ answers: { sentiment: 'pos', helpful: 5, preference: -1 } });
  });

  it('moves on after a click too, and Alt+↑ from Submit goes back to the last question', async () => {
    const { user } = renderTask();
    await settle();
    await user.click(within(region(/overall sentiment/)).getByRole('radio', { name: /Negative/ }));
    await settle();
    expect(isActive(/How helpful/)).toBe(true);
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}{Alt>}{ArrowDown}{/Alt}{Alt>}{ArrowDown}{/Alt}');
    await settle();
    expect(screen.getAllByRole('button', { name: /^Submit/ }).at(-1)).toHaveFocus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await settle();
    expect(isActive(/Why\?/)).toBe(true);
  });

  it('keeps a multi-choice question while its options are toggled, and says how to move on', async () => {
    const { user } = renderTask(multiSchema);
    await settle();
    expect(within(region(/Tag the topics/)).getByText(/^1–3 toggle · several allowed: Alt\+↓ when done · Ctrl\+Enter submit/)).toBeInTheDocument();
    await user.keyboard('1');
    await user.keyboard('3');
    await settle();
    expect(isActive(/Tag the topics/)).toBe(true);
    expect(within(region(/Tag the topics/)).getAllByRole('checkbox', { checked: true }).map((c) => c.textContent)).toEqual([expect.stringMatching(/Price/), expect.stringMatching(/Screen/)]);
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await settle();
    await user.keyboard('4');
    expect(checked(/How helpful/)).toMatch(/4/);
  });

  it('gives the keyboard back to the question an undo changed, so the next key answers it again', async () => {
    const { user } = renderTask();
    await settle();
    await user.keyboard('3');
    await settle();
    expect(isActive(/How helpful/)).toBe(true);
    await user.keyboard('{Control>}z{/Control}');
    await settle();
    expect(checked(/overall sentiment/)).toBeNull();
    expect(isActive(/overall sentiment/)).toBe(true);
    await user.keyboard('2');
    await settle();
    expect(checked(/overall sentiment/)).toMatch(/Neutral/);
    expect(checked(/How helpful/)).toBeNull();
  });
});

describe('TaskView messages', () => {
  it('says what each unanswered question needs in the annotator’s words and takes the keyboard to the first', async () => {
    const { user, submit } = renderTask();
    await settle();
    await user.keyboard('2');
    await settle();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await settle();
    expect(submit).not.toHaveBeenCalled();
    expect(within(region(/How helpful/)).getByRole('alert')).toHaveTextContent('Rate how helpful the review is.');
    expect(within(region(/Which reply/)).getByRole('alert')).toHaveTextContent('Choose which reply is better.');
    expect(screen.queryByText(/is required|no answer given|Question "/)).not.toBeInTheDocument();
    expect(isActive(/How helpful/)).toBe(true);
    expect(region(/How helpful/)).toContainElement(document.activeElement as HTMLElement);
  });

  it('shows a refusal from the server in the same words, not the API’s field wording', async () => {
    const submit = vi.fn(async (_s: Submission): Promise<boolean> => {
      throw new ApiError(400, 'invalid', 'Question "helpful" (rating): answer must be an integer from 1 to 5; got 9', 'answers.helpful');
    });
    const { user } = renderTask(schema, submit);
    await settle();
    await user.keyboard('125');
    await settle();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await settle();
    expect(submit).toHaveBeenCalledTimes(1);
    const alert = within(region(/How helpful/)).getByRole('alert');
    expect(alert).toHaveTextContent(/^This answer was not accepted \(the task may have changed since it opened\): check it and submit again\.$/);
    expect(isActive(/How helpful/)).toBe(true);
  });
});

describe('TaskView text boxes', () => {
  it('types ?, S, G and digits into a text box, says so under it, and Esc leaves the box for the shortcuts', async () => {
    const { user, flow } = renderTask();
    await settle();
    const box = within(region(/Why\?/)).getByRole('textbox');
    await user.click(box);
    expect(within(region(/Why\?/)).getByText(/^Typing here: every key types, shortcuts pause · Esc leaves the box to use shortcuts/)).toBeInTheDocument();
    expect(within(region(/Why\?/)).getByText('⌨ Typing here')).toBeInTheDocument();
    await user.keyboard('Is 1 ok? S/G s g 2');
    expect(box).toHaveValue('Is 1 ok? S/G s g 2');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(checked(/overall sentiment/)).toBeNull();
    expect(flow.skip).not.toHaveBeenCalled();

    await user.keyboard('{Escape}');
    expect(box).not.toHaveFocus();
    expect(region(/Why\?/)).toHaveFocus();
    expect(within(region(/Why\?/)).getByText(/Tab into the box to write · Alt\+↓ to Submit/)).toBeInTheDocument();
    await user.keyboard('?');
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });
});
