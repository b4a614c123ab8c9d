import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { ResultsTab } from './ResultsTab';
import { serve } from './fake-api';
import { currentLocation, MANAGER, renderWithApp } from './test-server';
import type { ItemDetail, ItemSummary } from './types';

vi.mock('../../../api/client', async () => (await import('./fake-api')).clientModuleForTests());

const schema = {
  questions: [
    { id: 'sentiment', type: 'label', prompt: 'Sentiment?', required: true, field: 'text', options: [{ value: 'pos', label: 'Positive' }, { value: 'neg', label: 'Negative' }] },
    { id: 'quality', type: 'rating', prompt: 'Quality', required: false, min: 1, max: 5, step: 1, labels: { '4': 'Good' } },
    { id: 'note', type: 'text', prompt: 'Note', required: false, minLength: 0, maxLength: 2000 },
  ],
};

const summary = (i: number, extra: Partial<ItemSummary> = {}): ItemSummary => ({
  id: `i${i}`,
  externalId: `ext-${i}`,
  preview: `Preview of item ${i}`,
  judgments: 1,
  judgmentsNeeded: 2,
  status: 'remaining',
  isGold: false,
  createdAt: '2025-03-01T10:00:00.000Z',
  ...extra,
});

const detail = (id: string, extra: Partial<ItemDetail> = {}): ItemDetail => ({
  id,
  externalId: `ext-${id.slice(1)}`,
  data: { text: `The **text** of ${id}` },
  judgments: 2,
  judgmentsNeeded: 2,
  status: 'complete',
  createdAt: '2025-03-01T10:00:00.000Z',
  flag: null,
  isGold: true,
  gold: { answers: { sentiment: 'neg' }, explanation: 'It *is* negative.' },
  annotations: [
    {
      id: 'a1',
      annotatorId: 'u1',
      pseudonym: 'annotator-aa',
      vendorId: 'v1',
      vendorName: 'Acme Crowd',
      answers: { sentiment: 'pos', quality: 4, note: 'Looks fine to me' },
      timeSpentMs: 12_300,
      schemaVersion: 1,
      guidelineVersion: 2,
      clientSignals: { pastes: 1, focusLosses: 0 },
      createdAt: '2025-03-01T11:00:00.000Z',
      flags: [],
    },
    {
      id: 'a2',
      annotatorId: 'u2',
      pseudonym: 'annotator-bb',
      vendorId: null,
      vendorName: null,
      answers: { sentiment: 'neg' },
      timeSpentMs: 800,
      schemaVersion: 1,
      guidelineVersion: 2,
      clientSignals: {},
      createdAt: '2025-03-01T11:05:00.000Z',
      flags: [
        {
          kind: 'too_fast',
          detail: "800 ms on task: 0.05 × the item's median of other annotators (16000 ms); the annotator's median is 9000 ms",
          value: 0.05,
          threshold: 0.25,
        },
        { kind: 'gold_fail_streak', detail: 'one of 5 gold items missed in a row', value: 5, threshold: 5 },
      ],
    },
  ],
  aggregates: [
    {
      questionId: 'sentiment',
      type: 'label',
      method: 'bayesian_dawid_skene',
      n: 2,
      answer: 'pos',
      confidence: 0.734,
      basis: { kind: 'calibrated', nGold: 31 },
      distribution: { pos: 0.734, neg: 0.266 },
    },
    { questionId: 'quality', type: 'rating', method: 'mean', n: 1, answer: 3.6, confidence: 0.41, basis: { kind: 'model', nGold: 0 }, standardError: 0.7 },
    { questionId: 'note', type: 'text', method: 'none', n: 1, answer: null, confidence: null },
  ],
  ...extra,
});

function server(overrides: Record<string, (url: URL) => { status?: number; body: unknown }> = {}) {
  return serve({
    'GET /api/v1/projects/p1/schema': () => ({ body: { version: 1, schema, description: {} } }),
    'GET /api/v1/projects/p1/items': (url) =>
      url.searchParams.get('cursor') === 'c1'
        ? { body: { items: [summary(3)], nextCursor: null } }
        : { body: { items: [summary(1, { isGold: true, status: 'complete', judgments: 2 }), summary(2)], nextCursor: 'c1' } },
    'GET /api/v1/projects/p1/items/i1': () => ({ body: detail('i1') }),
    'GET /api/v1/projects/p1/items/i2': () => ({ body: detail('i2', { isGold: false, gold: undefined, annotations: [], aggregates: [] }) }),
    'GET /api/v1/projects/p1/items/i3': () => ({ body: detail('i3', { isGold: false, gold: undefined }) }),
    ...overrides,
  });
}

const open = (path = '/manage/projects/p1/results', me = MANAGER) =>
  renderWithApp(
    <Routes>
      <Route path="/manage/projects/:projectId/results" element={<ResultsTab projectId="p1" />} />
    </Routes>,
    { path, me },
  );

const itemButtons = () => within(screen.getByRole('list', { name: 'Items' })).getAllByRole('button').filter((b) => b.classList.contains('results-item'));

describe('ResultsTab', () => {
  it('lists items with status, judgments and gold, and loads more with the cursor', async () => {
    const sent = server();
    open();
    expect(await screen.findByText('ext-1')).toBeInTheDocument();
    const first = itemButtons()[0]!;
    expect(first).toHaveTextContent('Gold');
    expect(first).toHaveTextContent('Complete');
    expect(within(first).getByLabelText('2 of 2 judgments')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('ext-3')).toBeInTheDocument();
    expect(sent.filter((u) => u.pathname.endsWith('/items')).map((u) => u.searchParams.get('cursor'))).toEqual([null, 'c1']);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('sends the status, gold and search filters to the server and keeps them in the URL', async () => {
    const sent = server();
    open();
    await screen.findByText('ext-1');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'in_progress');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Gold' }), 'true');
    await userEvent.type(screen.getByRole('searchbox', { name: /Search/ }), 'école');
    await waitFor(() => expect(sent.at(-1)!.searchParams.get('q')).toBe('école'));
    const last = sent.at(-1)!;
    expect(last.searchParams.get('status')).toBe('in_progress');
    expect(last.searchParams.get('gold')).toBe('true');
    expect(currentLocation()).toContain('status=in_progress');
    expect(currentLocation()).toContain('gold=true');
    // One request for the whole word, not one per keystroke.
    expect(sent.filter((u) => u.searchParams.has('q'))).toHaveLength(1);
  });

  it('offers no gold filter to a reviewer', async () => {
    server();
    open('/manage/projects/p1/results', { ...MANAGER, role: 'reviewer' });
    await screen.findByText('ext-1');
    expect(screen.queryByRole('combobox', { name: 'Gold' })).not.toBeInTheDocument();
  });

  it('switches to the results list when a confidence range is set for a question', async () => {
    const sent = server({
      'GET /api/v1/projects/p1/results': () => ({
        body: {
          items: [
            {
              itemId: 'i2',
              externalId: 'ext-2',
              aggregates: [{ questionId: 'sentiment', type: 'label', method: 'bayesian_dawid_skene', n: 3, answer: 'neg', confidence: 0.52, basis: { kind: 'model', nGold: 12 } }],
            },
          ],
          nextCursor: null,
        },
      }),
    });
    open();
    await screen.findByText('ext-1');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Question' }), 'sentiment');
    await userEvent.type(screen.getByRole('spinbutton', { name: 'To %' }), '60');
    await waitFor(() => expect(itemButtons()).toHaveLength(1));
    const req = sent.filter((u) => u.pathname.endsWith('/results')).at(-1)!;
    expect(req.searchParams.get('question')).toBe('sentiment');
    expect(Number(req.searchParams.get('maxConfidence'))).toBeCloseTo(0.6, 10);
    expect(itemButtons()[0]).toHaveTextContent('Negative');
    expect(within(itemButtons()[0]!).getByRole('meter', { name: 'Confidence' })).toHaveAttribute('aria-valuenow', '52');
    expect(screen.getByRole('searchbox', { name: /Search/ })).toBeDisabled();
    expect(screen.getByRole('combobox', { name: 'Status' })).toBeDisabled();
    // What the listed confidences rest on, in words: 12 judged gold items are too few to calibrate on.
    expect(screen.getByText('Confidences: model-based, not calibrated.')).toBeInTheDocument();
  });

  it('shows the selected item: data, aggregate with confidence and method, gold, and each annotation summarised', async () => {
    server();
    open('/manage/projects/p1/results?item=i1');
    const heading = await screen.findByRole('heading', { level: 2, name: 'ext-1' });
    const article = heading.closest('article')!;
    expect(within(article).getByText('text', { selector: 'strong' })).toBeInTheDocument();
    const aggregate = within(article).getByRole('table', { name: 'Aggregate' });
    const sentimentRow = within(aggregate).getByRole('row', { name: /Sentiment\? Positive/ });
    expect(within(sentimentRow).getByRole('meter', { name: 'Confidence for Sentiment?' })).toHaveAttribute('aria-valuenow', '73');
    expect(sentimentRow).toHaveTextContent('Bayesian Dawid–Skene');
    // Each confidence says what it rests on.
    expect(sentimentRow).toHaveTextContent('calibrated on 31 gold items');
    expect(within(aggregate).getByRole('row', { name: /Quality/ })).toHaveTextContent('model-based, not calibrated');
    expect(within(aggregate).getByRole('row', { name: /Quality 3\.6 \(≈ 4 · Good\)/ })).toBeInTheDocument();
    expect(within(aggregate).getByRole('row', { name: /Note No aggregate for free text/ })).toBeInTheDocument();
    const gold = within(article).getByRole('region', { name: 'Gold answer' });
    expect(gold).toHaveTextContent('Negative');
    expect(gold).toHaveTextContent('It is negative.');
    const annotations = within(article).getByRole('region', { name: 'Annotations table' });
    const rows = within(annotations).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('annotator-aa');
    expect(rows[1]).toHaveTextContent('Acme Crowd');
    expect(rows[1]).toHaveTextContent('Positive');
    expect(rows[1]).toHaveTextContent('4 · Good');
    expect(rows[1]).toHaveTextContent('Looks fine to me');
    expect(rows[1]).toHaveTextContent('12.3 s');
    expect(rows[1]).toHaveTextContent('1 paste');
    expect(rows[1]).toHaveTextContent('guidelines v2');
    expect(rows[2]).toHaveTextContent('No vendor');
    expect(rows[2]).toHaveTextContent('800 ms');
  });

  it('shows a free-text answer as rendered Markdown, with script and event-handler payloads removed', async () => {
    const payload = 'It **cites** the manual:\n\n- step one\n- step two\n\n<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>[x](javascript:alert(1))';
    const base = detail('i1');
    server({
      'GET /api/v1/projects/p1/items/i1': () => ({ body: { ...base, annotations: [{ ...base.annotations[0]!, answers: { sentiment: 'pos', note: payload } }] } }),
      'GET /api/v1/projects/p1/items': () => ({ body: { items: [summary(1, { preview: 'A *short* review with `code` and [a link](https://example.com)' })], nextCursor: null } }),
    });
    open('/manage/projects/p1/results?item=i1');
    const annotations = await screen.findByRole('region', { name: 'Annotations table' });
    const cell = within(annotations).getByText('cites', { selector: 'strong' }).closest('td')!;
    expect(within(cell).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['step one', 'step two']);
    expect(cell.querySelector('script')).toBeNull();
    expect(cell.querySelector('[onerror]')).toBeNull();
    expect(cell.querySelector('a[href^="javascript"]')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    // The list's preview: emphasis and code inline, the link's text without a link inside the button.
    const item = itemButtons()[0]!;
    expect(within(item).getByText('short', { selector: 'em' })).toBeInTheDocument();
    expect(within(item).getByText('code', { selector: 'code' })).toBeInTheDocument();
    expect(item).toHaveTextContent('and a link');
    expect(item.querySelector('a')).toBeNull();
  });

  it("shows each annotation's flags as a badge in words with the sentence beside it, and none on an honest one", async () => {
    server();
    open('/manage/projects/p1/results?item=i1');
    const annotations = await screen.findByRole('region', { name: 'Annotations table' });
    expect(within(annotations).getByRole('columnheader', { name: 'Flags' })).toBeInTheDocument();
    const [, honest, fast, details] = within(annotations).getAllByRole('row');
    expect(within(honest!).getByText('No flags')).toBeInTheDocument();
    // The flagged row carries the kinds as badges in words; the row under it, across the table, what fired.
    expect(within(fast!).getAllByText(/^(Too fast|Gold misses in a row)$/).map((b) => b.textContent)).toEqual(['Too fast', 'Gold misses in a row']);
    expect(details).toHaveTextContent(/^Flags of annotator-bb:/);
    const flags = within(details!).getAllByRole('listitem');
    expect(flags.map((f) => f.textContent)).toEqual([
      "Too fast 800 ms on task: 0.05 × the item's median of other annotators (16000 ms); the annotator's median is 9000 ms",
      'Gold misses in a row one of 5 gold items missed in a row',
    ]);
    expect(within(annotations).getAllByRole('row')).toHaveLength(4);
    // The badge is words on screen, not an icon with a tooltip.
    expect(within(flags[0]!).getByText('Too fast')).not.toHaveAttribute('title');
  });

  it('moves through the list with ↑/↓, puts the item in the URL, and focuses the search with /', async () => {
    server();
    open();
    await screen.findByText('ext-1');
    await userEvent.keyboard('{ArrowDown}');
    expect(await screen.findByRole('heading', { level: 2, name: 'ext-1' })).toBeInTheDocument();
    expect(currentLocation()).toContain('item=i1');
    await userEvent.keyboard('{ArrowDown}');
    expect(await screen.findByRole('heading', { level: 2, name: 'ext-2' })).toBeInTheDocument();
    expect(itemButtons()[1]).toHaveAttribute('aria-current', 'true');
    expect(screen.getByText('Nobody has annotated this item yet.')).toBeInTheDocument();
    await userEvent.keyboard('{ArrowUp}');
    expect(await screen.findByRole('heading', { level: 2, name: 'ext-1' })).toBeInTheDocument();
    await userEvent.keyboard('/');
    expect(screen.getByRole('searchbox', { name: /Search/ })).toHaveFocus();
    // Arrows typed in the search box stay there.
    await userEvent.keyboard('{ArrowDown}');
    expect(currentLocation()).toContain('item=i1');
  });
});
