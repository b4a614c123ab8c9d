import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QualityTab } from './QualityTab';
import { serve } from '../results/fake-api';
import { currentLocation, MANAGER, renderWithApp } from '../results/test-server';
import { POLICY, signalsPage } from './signal-fixtures';
import { CALIBRATION } from './calibration-fixture';
import type { AgreementView, AnnotatorAccuracyView, ReviewTallyView } from './types';

vi.mock('../../../api/client', async () => (await import('../results/fake-api')).clientModuleForTests());

const schema = {
  questions: [
    { id: 'sentiment', type: 'label', prompt: 'Sentiment?', required: true, field: 'text', options: [{ value: 'pos', label: 'Positive' }, { value: 'neg', label: 'Negative' }] },
    { id: 'quality', type: 'rating', prompt: 'Quality', required: false, min: 1, max: 5, step: 1 },
    { id: 'note', type: 'text', prompt: 'Note', required: false, minLength: 0, maxLength: 2000 },
  ],
};

const accuracy: AnnotatorAccuracyView = {
  projectId: 'p1',
  interval: 'observed share k / n with its Wilson score 95% interval',
  items: [
    { annotatorId: 'u1', name: 'Ada Lovelace', pseudonym: 'annotator-aa', vendorId: 'v1', n: 10, correct: 9, accuracy: { rate: 0.9, lower: 0.5958, upper: 0.9821, level: 0.95 }, status: 'active',
      // 20 of 25: Wilson 95% from 0.6087 to 0.9114 (by hand: centre 0.87683 / 1.15366, half-width 0.17461 / 1.15366).
      agreement: { n: 25, agreed: 20, rate: 0.8, lower: 0.6087, upper: 0.9114 } },
    { annotatorId: 'u2', name: 'Bo Brandt', pseudonym: 'annotator-bb', vendorId: 'v2', n: 8, correct: 3, accuracy: { rate: 3 / 8, lower: 0.1368, upper: 0.6943, level: 0.95 }, status: 'paused', agreement: null },
  ],
};
const tally: ReviewTallyView = {
  projectId: 'p1',
  annotators: [{ annotatorId: 'u2', reviewed: 5, accepted: 2, rejected: 2, corrected: 1, acceptance: { estimate: 0.4, lower: 0.12, upper: 0.77, n: 5 } }],
};
const agreement = (bucket: 'day' | 'week', question: string): AgreementView => ({
  projectId: 'p1',
  questionId: question,
  questionType: question === 'quality' ? 'rating' : 'label',
  level: question === 'quality' ? 'interval' : 'nominal',
  bucket,
  confidence: 0.95,
  seed: 1,
  overall: { alpha: 0.743, lower: 0.52, upper: 0.9, units: 11, values: 40, annotations: 41 },
  series: [
    { start: '2025-03-03T00:00:00.000Z', end: '2025-03-04T00:00:00.000Z', annotations: 23, alpha: 0.61, lower: -0.2, upper: 0.95, units: 6, values: 23 },
    { start: '2025-03-04T00:00:00.000Z', end: '2025-03-05T00:00:00.000Z', annotations: 18, alpha: 0.743, lower: 0.52, upper: 0.9, units: 11, values: 40 },
  ],
});
/** Confidences of the sentiment aggregate: two low, one middling, three high. */
const CONFIDENCES = [0.52, 0.55, 0.71, 0.97, 0.99, 1];

function serveAll() {
  return serve({
    'GET /api/v1/projects/p1/schema': () => ({ body: { projectId: 'p1', version: 1, schema, createdAt: '2025-03-01T00:00:00.000Z' } }),
    'GET /api/v1/projects/p1/quality/annotators': () => ({ body: accuracy }),
    'GET /api/v1/projects/p1/reviews/tally': () => ({ body: tally }),
    'GET /api/v1/vendors': () => ({ body: { items: [{ id: 'v1', name: 'In-house' }, { id: 'v2', name: 'Crowd Co' }], nextCursor: null } }),
    'GET /api/v1/projects/p1/quality/gates': () => ({ body: { projectId: 'p1', policy: { enabled: true, floor: 0.6, chance: null }, rule: { floor: 0.6, honest: 0.65, chance: 0.25, chanceFromSchema: true, schemaChance: 0.25, threshold: 1.1267, likelihoodRatio: 3.085, minItems: 15, maxFailStreak: 9, falsePause: 0.0479, pausedWithin: 0.9672, within95: 20, meetsTarget: true }, paused: [], events: [] } }),
    'GET /api/v1/projects/p1/quality/signals': () => ({ body: signalsPage([]) }),
    'GET /api/v1/projects/p1/signal-policy': () => ({ body: POLICY }),
    'GET /api/v1/users': () => ({ body: { items: [{ id: 'u1', name: 'Ada Lovelace' }, { id: 'u2', name: 'Bo Brandt' }], nextCursor: null } }),
    'GET /api/v1/projects/p1/quality/agreement': (url) => ({ body: agreement(url.searchParams.get('bucket') as 'day' | 'week', url.searchParams.get('question')!) }),
    'GET /api/v1/projects/p1/quality/calibration': () => ({ body: CALIBRATION }),
    'GET /api/v1/projects/p1/results': (url) => {
      // Two pages, to check the histogram reads them all.
      const first = url.searchParams.get('cursor') === null;
      const part = first ? CONFIDENCES.slice(0, 4) : CONFIDENCES.slice(4);
      const items = part.map((c, i) => ({ itemId: `i${i}`, externalId: null, aggregates: [{ questionId: 'sentiment', type: 'label', method: 'bayesian_dawid_skene', n: 3, answer: 'pos', confidence: c, basis: { kind: 'calibrated', nGold: 31 } }] }));
      return { body: { items, nextCursor: first ? 'c1' : null } };
    },
  });
}

const annotatorNames = () =>
  within(screen.getByRole('table', { name: /Annotators by gold accuracy/ }))
    .getAllByRole('rowheader')
    .map((h) => h.querySelector('.annotator-name')!.textContent);

describe('QualityTab', () => {
  it('lists annotators with accuracy, interval, vendor and review outcome, least accurate first', async () => {
    serveAll();
    renderWithApp(<QualityTab projectId="p1" />);
    const table = await screen.findByRole('table', { name: /Annotators by gold accuracy/ });
    await waitFor(() => expect(within(table).getByText('Crowd Co')).toBeInTheDocument());
    expect(annotatorNames()).toEqual(['Bo Brandt', 'Ada Lovelace']);
    const bo = within(table).getAllByRole('row')[1]!;
    expect(bo).toHaveTextContent('annotator-bb');
    // 3 of 8 gold right: 38%, Wilson 95% 14%–69% (the Vendors tab and the report say the same).
    expect(bo).toHaveTextContent('38%95% interval 14%–69%');
    expect(bo).toHaveTextContent('2 rejected, 1 corrected');
    expect(within(table).getAllByRole('row')[2]!).toHaveTextContent('not reviewed');
    expect(within(table).getByRole('columnheader', { name: /Gold accuracy/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('shows agreement with the consensus with its interval and a Paused badge, and sorts by either', async () => {
    serveAll();
    const user = userEvent.setup();
    renderWithApp(<QualityTab projectId="p1" />);
    const table = await screen.findByRole('table', { name: /agreement with the consensus/ });
    const row = (name: string) => within(table).getByRole('rowheader', { name: new RegExp(name) }).closest('tr')!;
    await waitFor(() => expect(row('Ada Lovelace')).toHaveTextContent('80%95% interval 61%–91%'));
    expect(row('Ada Lovelace')).toHaveTextContent('20 of 25 agree');
    expect(row('Ada Lovelace')).toHaveTextContent('Active');
    expect(row('Bo Brandt')).toHaveTextContent('no consensus yet');
    expect(within(row('Bo Brandt')).getByText('Paused')).toHaveClass('badge');

    screen.getByRole('button', { name: /^Agreement with consensus/ }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('columnheader', { name: /^Agreement with consensus/ })).toHaveAttribute('aria-sort', 'ascending');
    // Without a consensus yet sorts last whichever way.
    expect(annotatorNames()).toEqual(['Ada Lovelace', 'Bo Brandt']);
    await user.keyboard('{Enter}');
    expect(annotatorNames()).toEqual(['Ada Lovelace', 'Bo Brandt']);
    await user.click(screen.getByRole('button', { name: /^Status/ }));
    expect(screen.getByRole('columnheader', { name: /^Status/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(annotatorNames()).toEqual(['Bo Brandt', 'Ada Lovelace']);
  });

  it('sorts by any column from the keyboard, and reverses on a second press', async () => {
    serveAll();
    const user = userEvent.setup();
    renderWithApp(<QualityTab projectId="p1" />);
    await screen.findByRole('table', { name: /Annotators by gold accuracy/ });
    const annotator = screen.getByRole('button', { name: /^Annotator/ });
    annotator.focus();
    await user.keyboard('{Enter}');
    expect(annotatorNames()).toEqual(['Ada Lovelace', 'Bo Brandt']);
    expect(screen.getByRole('columnheader', { name: /^Annotator/ })).toHaveAttribute('aria-sort', 'ascending');
    await user.keyboard(' ');
    expect(annotatorNames()).toEqual(['Bo Brandt', 'Ada Lovelace']);
    expect(screen.getByRole('columnheader', { name: /^Annotator/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: /Gold accuracy/ })).not.toHaveAttribute('aria-sort');
    await user.tab();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: /^Gold items/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(annotatorNames()).toEqual(['Ada Lovelace', 'Bo Brandt']);
    expect(screen.getByRole('columnheader', { name: /^Gold items/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('states agreement in words, charts it with its band, and asks again by week or for another question', async () => {
    const sent = serveAll();
    const user = userEvent.setup();
    renderWithApp(<QualityTab projectId="p1" />);
    expect(await screen.findByText(/Krippendorff's alpha 0\.74 \(95% interval 0\.52 to 0\.90\) over 11 items/)).toBeInTheDocument();
    const figure = screen.getByRole('figure', { name: 'Alpha by day, cumulative' });
    await user.click(within(figure).getByText('Show the numbers'));
    const rows = within(within(figure).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['0.61', '-0.20', '0.95'],
      ['0.74', '0.52', '0.90'],
    ]);
    await user.click(screen.getByRole('button', { name: 'By week' }));
    await screen.findByRole('figure', { name: 'Alpha by week, cumulative' });
    const agreementCard = screen.getByRole('region', { name: 'Agreement over time' });
    await user.selectOptions(within(agreementCard).getByRole('combobox', { name: 'Question' }), 'quality');
    await waitFor(() => {
      const last = sent.filter((u) => u.pathname.endsWith('/quality/agreement')).at(-1)!;
      expect([last.searchParams.get('question'), last.searchParams.get('bucket')]).toEqual(['quality', 'week']);
    });
    // Text questions have no agreement.
    expect(within(agreementCard).queryByRole('option', { name: 'Note' })).toBeNull();
  });

  it('shows the reliability diagram to a manager, and not to a reviewer (it reads gold)', async () => {
    serveAll();
    const { unmount } = renderWithApp(<QualityTab projectId="p1" />);
    expect(await screen.findByRole('heading', { name: 'Confidence against gold' })).toBeInTheDocument();
    expect(await screen.findByText(/expected calibration error 0\.098/)).toBeInTheDocument();
    unmount();
    renderWithApp(<QualityTab projectId="p1" />, { me: { ...MANAGER, role: 'reviewer' } });
    await screen.findByRole('heading', { name: 'Items by confidence' });
    expect(screen.queryByRole('heading', { name: 'Confidence against gold' })).toBeNull();
  });

  it('bins items by confidence over every page and links each bin into Results', async () => {
    serveAll();
    const user = userEvent.setup();
    renderWithApp(<QualityTab projectId="p1" />);
    expect(await screen.findByText('6 items with an aggregate; 2 items below 60% confidence.')).toBeInTheDocument();
    const links = within(screen.getByRole('navigation', { name: 'Open a confidence range in Results' })).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['50–60%: 2 items', '70–80%: 1 item', '90–100%: 3 items']);
    // What the confidences rest on, in words.
    expect(document.querySelector('.confidence-basis')).toHaveTextContent('Confidences are calibrated on 31 gold items (cross-fitted: no gold item calibrates itself).');
    await user.click(links[0]!);
    expect(currentLocation()).toBe('/manage/projects/p1/results?question=sentiment&min=50&max=60');
  });

  it('gives each annotator their flags: flagged of n and the kinds with counts, linking to their flagged annotations', async () => {
    serveAll();
    const user = userEvent.setup();
    renderWithApp(<QualityTab projectId="p1" />, { path: '/manage/projects/p1/quality' });
    const table = await screen.findByRole('table', { name: /Annotators by gold accuracy/ });
    const row = (name: string) => within(table).getByRole('rowheader', { name: new RegExp(name) }).closest('tr')!;
    const link = await within(row('Ada Lovelace')).findByRole('link', { name: "3 of 40 flagged: list Ada Lovelace's flagged annotations" });
    const adaFlags = link.closest('td')!;
    expect(within(adaFlags).getAllByText(/^(Too fast|Pasted|Near-duplicate)/).map((b) => b.textContent)).toEqual(['Too fast 2', 'Pasted 1']);
    const boFlags = within(row('Bo Brandt')).getByRole('link', { name: /^5 of 12 flagged/ }).closest('td')!;
    expect(within(boFlags).getAllByText(/^(Too fast|Pasted|Near-duplicate)/).map((b) => b.textContent)).toEqual(['Too fast 1', 'Near-duplicate 5']);

    // Most flagged first (5 of 12 above 3 of 40) from the column head.
    await user.click(screen.getByRole('button', { name: /^Effort and fraud flags/ }));
    expect(annotatorNames()).toEqual(['Bo Brandt', 'Ada Lovelace']);

    await user.click(link);
    expect(currentLocation()).toBe('/manage/projects/p1/quality?flagAnnotator=u1');
    const card = screen.getByRole('region', { name: 'Effort and fraud signals' });
    expect(await within(card).findByText('Ada Lovelace', { selector: 'strong' })).toBeInTheDocument();
    expect(within(card).getByRole('heading', { level: 2 })).toHaveFocus();
  });

  it('says so when no annotator has a gold score yet', async () => {
    serve({
      'GET /api/v1/projects/p1/schema': () => ({ body: { projectId: 'p1', version: 1, schema: { questions: [schema.questions[2]] }, createdAt: '2025-03-01T00:00:00.000Z' } }),
      'GET /api/v1/projects/p1/quality/annotators': () => ({ body: { ...accuracy, items: [] } }),
      'GET /api/v1/projects/p1/reviews/tally': () => ({ body: { projectId: 'p1', annotators: [] } }),
      'GET /api/v1/vendors': () => ({ body: { items: [], nextCursor: null } }),
    });
    renderWithApp(<QualityTab projectId="p1" />);
    expect(await screen.findByText(/No annotator has answered a gold item yet/)).toBeInTheDocument();
    expect(await screen.findByText(/this schema has none/)).toBeInTheDocument();
  });
});
