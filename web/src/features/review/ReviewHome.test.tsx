import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { ReviewHome } from './ReviewHome';
import { renderWithApp } from '../admin/testing';
import { fakeServer } from '../admin/fakeApi';

vi.mock('../../api/client', async () => (await import('../admin/fakeApi')).clientModuleForTests());

const queue = (projectId: string, name: string, left: number, o: { holding?: boolean; policyOn?: boolean; status?: string } = {}) => ({
  projectId,
  name,
  status: o.status ?? 'active',
  left,
  holding: o.holding ?? false,
  policyOn: o.policyOn ?? true,
});

describe('ReviewHome', () => {
  it('lists per project how many are left for the reviewer, those with work first, each linking to its queue', async () => {
    fakeServer({
      'GET /api/v1/me/review-queues': () => ({
        status: 200,
        body: { projects: [queue('p0', 'Archive me not', 0, { policyOn: false }), queue('p1', 'Tone', 12), queue('p2', 'Replies', 1, { holding: true, status: 'paused' })] },
      }),
    });
    renderWithApp(
      <Routes>
        <Route path="/review" element={<ReviewHome />} />
      </Routes>,
      { path: '/review' },
    );
    const table = await screen.findByRole('table', { name: 'Review queues by project' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Replies · paused', 'Tone', 'Archive me not']);
    expect(within(table).getByRole('link', { name: 'Tone: 12 left' })).toHaveAttribute('href', '/review/p1');
    expect(rows[0]).toHaveTextContent('You hold one in review');
    expect(rows[2]).toHaveTextContent('Review policy off: nothing goes to review');
    expect(screen.getByText(/13 annotations waiting for you across 2 of 3 projects/)).toBeInTheDocument();
  });
});
