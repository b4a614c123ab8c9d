import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { fakeServer } from '../../admin/fakeApi';
import { ADMIN, renderWithApp } from '../../admin/testing';
import { ReviewOutcomesCard } from './ReviewOutcomesCard';

vi.mock('../../../api/client', async () => (await import('../../admin/fakeApi')).clientModuleForTests());

afterEach(() => vi.unstubAllGlobals());

/** Wilson 95% intervals computed by hand: 1 of 2 → 9.45%–90.55%; 2 of 3 → 20.77%–93.85%. */
const TALLY = {
  projectId: 'p1',
  annotators: [
    { annotatorId: 'u_ana', reviewed: 2, accepted: 1, rejected: 1, corrected: 0, acceptance: { estimate: 0.5, lower: 0.0945, upper: 0.9055, n: 2 } },
    { annotatorId: 'u_ben', reviewed: 3, accepted: 2, rejected: 0, corrected: 1, acceptance: { estimate: 2 / 3, lower: 0.2077, upper: 0.9385, n: 3 } },
  ],
};

function serve() {
  return fakeServer({
    'GET /api/v1/projects/p1/reviews/tally': () => ({ status: 200, body: TALLY }),
    'GET /api/v1/projects/p1/review-policy': () => ({ status: 200, body: { projectId: 'p1', sampleRate: 0, firstN: 2, flagged: false, lowConfidence: null, updatedAt: '2026-11-25T09:00:00.000Z' } }),
    'GET /api/v1/users': () => ({
      status: 200,
      body: {
        items: [
          { id: 'u_ana', name: 'Ana Annotator', email: 'ana@x', role: 'annotator', vendorId: null, pseudonym: 'annotator-1', active: true, createdAt: '2026-01-01T00:00:00.000Z', profile: null },
          { id: 'u_ben', name: 'Ben Annotator', email: 'ben@x', role: 'annotator', vendorId: null, pseudonym: 'annotator-2', active: true, createdAt: '2026-01-01T00:00:00.000Z', profile: null },
        ],
        nextCursor: null,
      },
    }),
  });
}

describe('ReviewOutcomesCard', () => {
  it('gives the policy in words, the totals, and each annotator with acceptance and its interval, most reviewed first', async () => {
    serve();
    renderWithApp(<ReviewOutcomesCard projectId="p1" />);
    const card = screen.getByRole('region', { name: 'Review' });
    expect(await within(card).findByText('5', { selector: 'strong' })).toBeInTheDocument();
    expect(card).toHaveTextContent('5 reviewed: 3 accepted, 1 rejected, 1 corrected.');
    expect(await within(card).findByText(/each annotator's first 2 annotations/)).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Change the policy in Settings' })).toHaveAttribute('href', '/manage/projects/p1/settings');
    const rows = within(within(card).getByRole('table')).getAllByRole('row').slice(1);
    expect(await within(rows[0]!).findByText('Ben Annotator')).toBeInTheDocument();
    expect(rows.map((r) => r.textContent)).toEqual(['Ben Annotator320167% (21%–94%)', 'Ana Annotator211050% (9%–91%)']);
  });

  it('leaves the policy out for a vendor manager, who may not read it', async () => {
    const server = serve();
    renderWithApp(<ReviewOutcomesCard projectId="p1" />, { me: { ...ADMIN, role: 'vendor_manager', vendorId: 'v1' } });
    await screen.findByRole('table');
    expect(screen.queryByRole('link', { name: /Change the policy/ })).toBeNull();
    expect(server.sent.some((r) => r.path.endsWith('/review-policy'))).toBe(false);
  });
});
