import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { ReviewQueue } from './ReviewQueue';
import { renderWithApp, ADMIN } from '../admin/testing';
import { fakeServer } from '../admin/fakeApi';
import type { ReviewTask } from './queries';

vi.mock('../../api/client', async () => (await import('../admin/fakeApi')).clientModuleForTests());

afterEach(() => vi.unstubAllGlobals());

const SCHEMA = {
  questions: [
    {
      id: 'sentiment',
      type: 'label',
      prompt: 'Sentiment?',
      field: 'text',
      options: [
        { value: 'pos', label: 'Positive' },
        { value: 'neu', label: 'Neutral' },
        { value: 'neg', label: 'Negative' },
      ],
    },
    {
      id: 'sarcasm',
      type: 'label',
      prompt: 'Sarcastic?',
      required: false,
      field: 'reply',
      options: [
        { value: 'yes', label: 'Sarcastic' },
        { value: 'no', label: 'Sincere' },
      ],
    },
  ],
};

const task = (n: number): ReviewTask => ({
  id: `rev_${n}`,
  projectId: 'p1',
  annotationId: `ann_${n}`,
  itemId: `itm_${n}`,
  annotatorId: 'usr_ann',
  reviewerId: ADMIN.id,
  status: 'leased',
  triggers: ['sample'],
  leaseExpiresAt: '2026-11-25T10:00:00.000Z',
  outcome: null,
  reason: null,
  correctionAnnotationId: null,
  createdAt: '2026-11-25T09:00:00.000Z',
  decidedAt: null,
  item: { id: `itm_${n}`, data: { text: `Item text number ${n}`, reply: `Oh great, another one (${n})` } },
  annotation: { id: `ann_${n}`, annotator: 'otter-17', answers: { sentiment: 'pos' }, schemaVersion: 1, guidelineVersion: 2, timeSpentMs: 1000, createdAt: '2026-11-25T08:00:00.000Z' },
  flag: null,
  left: 3 - n,
  context: { others: [], aggregates: [] },
});

/** A schema with a free-text question, for the context's Markdown. */
const SCHEMA_WITH_TEXT = {
  questions: [SCHEMA.questions[0]!, { id: 'why', type: 'text', prompt: 'Why?', required: false, minLength: 0, maxLength: 5000 }],
};

const withContext = (base: ReviewTask, gold = false): ReviewTask => ({
  ...base,
  annotation: { ...base.annotation, answers: { sentiment: 'pos', why: 'It says **great**.' } },
  context: {
    others: [
      { id: 'ann_b', annotator: 'badger-3', answers: { sentiment: 'neg', why: 'Sarcasm: *oh great*. <img src=x onerror="alert(1)"><script>alert(2)</script>' }, schemaVersion: 1, createdAt: '2026-11-25T08:01:00.000Z', isCorrection: false, outcome: 'reject' },
      { id: 'ann_c', annotator: 'fox-9', answers: { sentiment: 'neg' }, schemaVersion: 1, createdAt: '2026-11-25T08:02:00.000Z', isCorrection: false, outcome: null },
    ],
    aggregates: [
      { questionId: 'sentiment', type: 'label', method: 'bayesian_dawid_skene', n: 3, answer: 'neg', confidence: 0.82, basis: { kind: 'calibrated', nGold: 120 }, distribution: { pos: 0.18, neg: 0.82 } },
      { questionId: 'why', type: 'text', method: 'none', n: 2, answer: null, confidence: null },
    ],
    ...(gold && { gold: { answers: { sentiment: 'neg' }, explanation: 'The reply is **sarcastic**.' } }),
  },
});

/** A queue of `tasks`, then 409 no_task; each verdict answers with a decided summary. */
function serve(tasks: ReviewTask[], { guidelineVersion = 2, schema = SCHEMA as object } = {}) {
  let served = 0;
  const decided = (outcome: string) => () => ({ status: 200, body: { ...task(served), status: 'decided', outcome } });
  return fakeServer({
    'POST /api/v1/projects/p1/reviews/next': () =>
      served < tasks.length ? { status: 200, body: tasks[served++] } : { status: 409, body: { error: { code: 'no_task', message: 'Nothing to review', details: { reason: 'nothing_to_review' } } } },
    'GET /api/v1/projects/p1': () => ({ status: 200, body: { id: 'p1', name: 'Tone', description: '', status: 'active', schemaVersion: 1, guidelineVersion } }),
    'GET /api/v1/projects/p1/schema': () => ({ status: 200, body: { version: 1, schema, description: null } }),
    'GET /api/v1/projects/p1/guidelines': () => ({ status: 200, body: { version: 2, markdown: '# Tone\nSarcasm counts as negative.', createdAt: '2026-11-01T00:00:00.000Z', versions: [] } }),
    'POST /api/v1/reviews/rev_1/accept': decided('accept'),
    'POST /api/v1/reviews/rev_2/accept': decided('accept'),
    'POST /api/v1/reviews/rev_1/reject': decided('reject'),
    'POST /api/v1/reviews/rev_1/correct': () => ({ status: 200, body: { review: { ...task(1), status: 'decided', outcome: 'correct' }, correction: {} } }),
  });
}

function open() {
  renderWithApp(
    <Routes>
      <Route path="/review/:projectId" element={<ReviewQueue />} />
    </Routes>,
    { path: '/review/p1' },
  );
}

/** Serves `tasks`, opens the queue and waits for the first item; returns the fake server and a user. */
async function start(tasks: ReviewTask[]) {
  const server = serve(tasks);
  const user = userEvent.setup();
  open();
  await screen.findByText('Item text number 1');
  return { server, user };
}

const posts = (server: ReturnType<typeof fakeServer>, path: string) => server.sent.filter((r) => r.method === 'POST' && r.path === path);

describe('ReviewQueue', () => {
  it('shows the item, the read-only answers and the guidelines the annotation was made under', async () => {
    serve([task(1)]);
    open();
    expect(await screen.findByText('Item text number 1')).toBeInTheDocument();
    expect(screen.getByText('otter-17')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Positive/ })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('radio', { name: /Negative/ })).toBeDisabled();
    expect(await screen.findByText('Sarcasm counts as negative.')).toBeInTheDocument();
    expect(screen.getByRole('complementary', { name: 'Guidelines version 2' })).toHaveTextContent('The version the annotator worked under, and the one in force.');
  });

  it('says when the annotation was made under guidelines older than the project\'s', async () => {
    serve([task(1)], { guidelineVersion: 3 });
    open();
    const aside = await screen.findByRole('complementary', { name: 'Guidelines version 2' });
    expect(await within(aside).findByText('Sarcasm counts as negative.')).toBeInTheDocument();
    await waitFor(() => expect(aside).toHaveTextContent('the project is now at v3. Judge the work by this one.'));
  });

  it('accepts with a, then loads the next review', async () => {
    const { server, user } = await start([task(1), task(2)]);
    await user.keyboard('a');
    expect(await screen.findByText('Item text number 2')).toBeInTheDocument();
    expect(posts(server, '/api/v1/reviews/rev_1/accept')).toHaveLength(1);
    await waitFor(() => expect(screen.getByText('Accepted. Here is the next annotation.')).toHaveAttribute('role', 'status'));
  });

  it('rejects with r and a reason (Enter confirms; an empty reason cannot be sent)', async () => {
    const { server, user } = await start([task(1)]);
    await user.keyboard('r');
    const dialog = await screen.findByRole('dialog', { name: 'Reject this annotation' });
    const reason = within(dialog).getByRole('textbox', { name: /Reason/ });
    await waitFor(() => expect(reason).toHaveFocus());
    expect(within(dialog).getByRole('button', { name: 'Reject' })).toBeDisabled();
    // Plain keys go to the reason, not to the queue: typing "a" accepts nothing.
    await user.keyboard('a sarcastic text{Enter}');
    await waitFor(() => expect(posts(server, '/api/v1/reviews/rev_1/reject')).toHaveLength(1));
    expect(posts(server, '/api/v1/reviews/rev_1/reject')[0]!.body).toEqual({ reason: 'a sarcastic text' });
    expect(posts(server, '/api/v1/reviews/rev_1/accept')).toHaveLength(0);
    expect(await screen.findByText(/Nothing to review right now/)).toBeInTheDocument();
    expect(screen.getByText('Rejected, with your reason. The queue is empty.')).toHaveAttribute('role', 'status');
  });

  it('corrects with c: the answers open prefilled, the widget keys edit them and Ctrl+Enter saves', async () => {
    const { server, user } = await start([task(1)]);
    await user.keyboard('c');
    const form = await screen.findByLabelText('Your correction');
    expect(within(form).getByRole('radio', { name: /Positive/ })).toHaveAttribute('aria-checked', 'true');
    // In correction mode "a" belongs to nobody: it must not accept.
    await user.keyboard('a3');
    expect(within(form).getByRole('radio', { name: /Negative/ })).toHaveAttribute('aria-checked', 'true');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(posts(server, '/api/v1/reviews/rev_1/correct')).toHaveLength(1));
    expect(posts(server, '/api/v1/reviews/rev_1/correct')[0]!.body).toMatchObject({ answers: { sentiment: 'neg' } });
    expect(posts(server, '/api/v1/reviews/rev_1/accept')).toHaveLength(0);
  });

  it('moves between questions with Alt+arrows while correcting, and the ? overlay lists the active question\'s keys', async () => {
    const { server, user } = await start([task(1)]);
    await user.keyboard('c');
    const form = await screen.findByLabelText('Your correction');
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    // The second question has the keyboard now: its "1" picks Sarcastic, not Positive.
    await user.keyboard('1');
    expect(within(form).getByRole('radio', { name: /Sarcastic/ })).toHaveAttribute('aria-checked', 'true');
    expect(within(form).getByRole('radio', { name: /Positive/ })).toHaveAttribute('aria-checked', 'true');
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const own = within(help).getByRole('table', { name: 'This question: Sarcastic?' });
    expect(own).toHaveTextContent('1–2Pick an option (again to clear)');
    expect(within(help).getByRole('table', { name: 'Correcting' })).toHaveTextContent('Alt+↓Next question');
    await user.click(within(help).getAllByRole('button', { name: 'Close' }).at(-1)!);
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}3{Control>}{Enter}{/Control}');
    await waitFor(() => expect(posts(server, '/api/v1/reviews/rev_1/correct')).toHaveLength(1));
    expect(posts(server, '/api/v1/reviews/rev_1/correct')[0]!.body).toMatchObject({ answers: { sentiment: 'neg', sarcasm: 'yes' } });
  });

  it('leaves a correction with Esc, unsaved, and shows the keys with ?', async () => {
    const { server, user } = await start([task(1)]);
    await user.keyboard('c3{Escape}');
    expect(screen.queryByLabelText('Your correction')).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Positive/ })).toHaveAttribute('aria-checked', 'true');
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('Reject it with a reason')).toBeInTheDocument();
    expect(server.sent.filter((r) => r.path.startsWith('/api/v1/reviews/'))).toHaveLength(0);
  });

  it('says how many are left, and the count follows each verdict', async () => {
    const { user } = await start([task(1), task(2)]);
    expect(screen.getByLabelText('2 left for you to review, this one included')).toHaveTextContent('2 left');
    await user.keyboard('a');
    await screen.findByText('Item text number 2');
    expect(screen.getByLabelText('1 left for you to review, this one included')).toHaveTextContent('1 left');
    await user.keyboard('a');
    expect(await screen.findByText(/Nothing to review right now/)).toBeInTheDocument();
    expect(screen.getByText('0 left')).toBeInTheDocument();
    // The pane that had the keyboard is gone: the heading takes it.
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus());
  });

  it("shows beside the annotation the others' answers by pseudonym, the aggregate with its confidence, basis and n, and free text as sanitized Markdown", async () => {
    serve([withContext(task(1))], { schema: SCHEMA_WITH_TEXT });
    open();
    const beside = await screen.findByRole('region', { name: 'Beside it' });
    const sentiment = within(beside).getByRole('region', { name: 'Context for Sentiment?' });
    const others = within(sentiment).getByRole('list', { name: 'Other answers to Sentiment?' });
    expect(within(others).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['badger-3rejectedNegative', 'fox-9Negative']);
    expect(within(sentiment).getByRole('meter', { name: 'Aggregate confidence for Sentiment?' })).toHaveAttribute('aria-valuetext', '82%');
    expect(sentiment).toHaveTextContent('calibrated on 120 gold items · n = 3 judgments · Bayesian Dawid–Skene');
    expect(sentiment).not.toHaveTextContent('Gold answer');
    // Free text: rendered, and sanitized (no script, no event handler).
    const why = within(beside).getByRole('region', { name: 'Context for Why?' });
    expect(within(why).getByText('oh great').tagName).toBe('EM');
    expect(why.querySelector('script')).toBeNull();
    expect(why.querySelector('img')?.getAttribute('onerror') ?? null).toBeNull();
    // No aggregate line for free text, which has none.
    expect(why).not.toHaveTextContent('Aggregate');
  });

  it('leaves out a question with nothing beside it (free text nobody else answered)', async () => {
    const base = withContext(task(1));
    serve([{ ...base, context: { ...base.context, others: base.context.others.slice(1) } }], { schema: SCHEMA_WITH_TEXT });
    open();
    const beside = await screen.findByRole('region', { name: 'Beside it' });
    expect(within(beside).getByRole('region', { name: 'Context for Sentiment?' })).toBeInTheDocument();
    expect(within(beside).queryByRole('region', { name: 'Context for Why?' })).toBeNull();
    // The annotation's own free text reads rendered too.
    const rendered = screen.getByRole('region', { name: 'Free-text answers, rendered' });
    expect(within(rendered).getByText('great').tagName).toBe('STRONG');
  });

  it('shows the gold answer and why only when the server sends one', async () => {
    serve([withContext(task(1), true)], { schema: SCHEMA_WITH_TEXT });
    open();
    const beside = await screen.findByRole('region', { name: 'Beside it' });
    const sentiment = within(beside).getByRole('region', { name: 'Context for Sentiment?' });
    expect(sentiment).toHaveTextContent('Gold answerNegative');
    expect(within(beside).getByText('sarcastic').tagName).toBe('STRONG');
    expect(beside).toHaveTextContent('A gold item: its gold answer is shown.');
  });

  it('puts the keyboard in the first question when correcting, and back on Correct after Esc', async () => {
    const { user } = await start([task(1)]);
    await user.keyboard('c');
    const form = await screen.findByLabelText('Your correction');
    await waitFor(() => expect(within(form).getByRole('radio', { name: /Positive/ })).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByRole('button', { name: /Correct/ })).toHaveFocus());
  });

  it('gives the keyboard to the next annotation after a verdict', async () => {
    const { user } = await start([task(1), task(2)]);
    await user.keyboard('a');
    await screen.findByText('Item text number 2');
    await waitFor(() => expect(screen.getByRole('region', { name: 'Annotation under review' })).toHaveFocus());
    // The keys go on working there.
    await user.keyboard('c');
    await waitFor(() => expect(within(screen.getByLabelText('Your correction')).getByRole('radio', { name: /Positive/ })).toHaveFocus());
  });
});
