import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReviewedWorkSection } from './ReviewedWork';
import { serve } from '../../manage/results/fake-api';
import { MANAGER, renderWithApp } from '../../manage/results/test-server';
import type { MyReview } from './queries';

vi.mock('../../../api/client', async () => (await import('../../manage/results/fake-api')).clientModuleForTests());

const ANNOTATOR = { ...MANAGER, id: 'user_a', role: 'annotator' as const, name: 'Ann Otator' };
const schema = {
  questions: [
    {
      id: 'sentiment',
      type: 'label',
      prompt: 'Overall sentiment?',
      field: 'review',
      options: [
        { value: 'positive', label: 'Positive' },
        { value: 'negative', label: 'Negative' },
      ],
    },
  ],
};

const review = (id: string, outcome: MyReview['outcome'], over: Partial<MyReview> = {}): MyReview => ({
  id,
  projectId: 'p1',
  projectName: 'Product reviews',
  item: { id: `item-${id}`, data: { review: `The parcel came late, review ${id}.` } },
  annotation: { id: `ann-${id}`, answers: { sentiment: 'positive' }, schemaVersion: 1, guidelineVersion: 2, createdAt: '2025-03-04T09:00:00.000Z' },
  outcome,
  reason: null,
  correction: null,
  decidedAt: '2025-03-05T10:00:00.000Z',
  ...over,
});

const REJECTED = review('r1', 'reject', { reason: 'The review is about the delivery, not the product.' });
const CORRECTED = review('r2', 'correct', { reason: 'It complains.', correction: { answers: { sentiment: 'negative' } } });
const ACCEPTED = review('r3', 'accept', { annotation: { ...review('r3', 'accept').annotation, guidelineVersion: 1 } });

function serveReviews(pages: Record<string, { items: MyReview[]; nextCursor: string | null }>) {
  return serve({
    'GET /api/v1/me/reviews': (url) => ({ body: pages[`${url.searchParams.get('outcome') ?? 'all'}:${url.searchParams.get('cursor') ?? ''}`] ?? { items: [], nextCursor: null } }),
    'GET /api/v1/projects/p1/schema': () => ({ body: { version: 1, schema, description: null } }),
    'GET /api/v1/projects/p1/guidelines': (url) => ({
      body: { version: Number(url.searchParams.get('version')), markdown: `# Guidelines v${url.searchParams.get('version')}\nDelivery is not the product.`, createdAt: '2025-03-01T00:00:00.000Z', versions: [] },
    }),
  });
}

describe('ReviewedWorkSection', () => {
  it('shows each verdict: the outcome, the reason, the guideline version, the item with my answers and the correction', async () => {
    serveReviews({ 'all:': { items: [REJECTED, CORRECTED, ACCEPTED], nextCursor: null } });
    renderWithApp(<ReviewedWorkSection />, { me: ANNOTATOR });
    const list = await screen.findByRole('list', { name: 'Reviewed annotations (all)' });
    const cards = within(list).getAllByRole('article');
    expect(cards.map((c) => within(c).getByRole('heading', { level: 3 }).textContent)).toEqual(['Rejected Product reviews', 'Corrected Product reviews', 'Accepted Product reviews']);

    const rejected = cards[0]!;
    expect(rejected).toHaveTextContent('Why it was rejected: The review is about the delivery, not the product.');
    expect(rejected).toHaveTextContent('Judged under guidelines version 2');
    const mine = await within(rejected).findByRole('group', { name: 'Your answers' });
    expect(mine).toHaveTextContent('The parcel came late, review r1.');
    expect(within(mine).getByRole('radio', { name: /Positive/ })).toHaveAttribute('aria-checked', 'true');

    const corrected = cards[1]!;
    expect(corrected).toHaveTextContent('What was wrong: It complains.');
    expect(corrected).toHaveTextContent('Changed by the reviewer: Overall sentiment?');
    const fix = await within(corrected).findByRole('group', { name: "The reviewer's correction" });
    expect(within(fix).getByRole('radio', { name: /Negative/ })).toHaveAttribute('aria-checked', 'true');
    expect(within(within(corrected).getByRole('group', { name: 'Your answers' })).getByRole('radio', { name: /Positive/ })).toHaveAttribute('aria-checked', 'true');

    const accepted = cards[2]!;
    expect(accepted).toHaveTextContent('Judged under guidelines version 1');
    expect(accepted).not.toHaveTextContent(/comment|rejected|wrong/i);
    expect(within(accepted).queryByRole('group', { name: "The reviewer's correction" })).toBeNull();
  });

  // The keyboard (Enter on the summary) is exercised in the browser journey: jsdom does not activate a summary by key.
  it('opens the guidelines the work was judged under, fetched only then', async () => {
    const sent = serveReviews({ 'all:': { items: [REJECTED], nextCursor: null } });
    renderWithApp(<ReviewedWorkSection />, { me: ANNOTATOR });
    const card = await screen.findByRole('article');
    expect(sent.some((u) => u.pathname === '/api/v1/projects/p1/guidelines')).toBe(false);
    await userEvent.click(within(card).getByText('Read guidelines version 2'));
    await within(card).findByRole('heading', { name: 'Guidelines v2' });
    expect(sent.some((u) => u.pathname === '/api/v1/projects/p1/guidelines' && u.searchParams.get('version') === '2')).toBe(true);
  });

  it('filters by outcome and loads more on request', async () => {
    const sent = serveReviews({
      'all:': { items: [CORRECTED], nextCursor: 'c1' },
      'all:c1': { items: [ACCEPTED], nextCursor: null },
      'reject:': { items: [REJECTED], nextCursor: null },
      'accept:': { items: [], nextCursor: null },
    });
    renderWithApp(<ReviewedWorkSection />, { me: ANNOTATOR });
    await screen.findByRole('list', { name: 'Reviewed annotations (all)' });
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByRole('heading', { level: 3, name: 'Accepted Product reviews' });
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();

    await userEvent.click(screen.getByRole('radio', { name: 'Rejected' }));
    const rejected = await screen.findByRole('list', { name: 'Reviewed annotations (rejected)' });
    expect(within(rejected).getAllByRole('article')).toHaveLength(1);
    expect(sent.some((u) => u.pathname === '/api/v1/me/reviews' && u.searchParams.get('outcome') === 'reject')).toBe(true);

    await userEvent.click(screen.getByRole('radio', { name: 'Accepted' }));
    await screen.findByText('None of your reviewed annotations is accepted.');
  });

  it('says so when nothing has been reviewed yet', async () => {
    serveReviews({});
    renderWithApp(<ReviewedWorkSection />, { me: ANNOTATOR });
    await screen.findByText('No annotation of yours has been reviewed yet.');
  });
});
