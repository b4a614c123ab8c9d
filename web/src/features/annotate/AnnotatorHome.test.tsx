import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { AnnotatorHome } from './AnnotatorHome';
import { serve } from '../manage/results/fake-api';
import { MANAGER, renderWithApp } from '../manage/results/test-server';
import type { MyProgress } from '../../api/types';

vi.mock('../../api/client', async () => (await import('../manage/results/fake-api')).clientModuleForTests());

const ANNOTATOR = { ...MANAGER, id: 'user_a', role: 'annotator' as const, name: 'Ann Otator' };
const project = (id: string, name: string) => ({ id, name, description: null });
const progress = (projectId: string, paused: boolean): MyProgress => ({
  projectId,
  mine: { judgments: 7, skips: 1, timeSpentMs: 600_000, lastSubmittedAt: '2025-03-04T09:00:00.000Z' },
  openLease: null,
  itemsLeft: paused ? 0 : 30,
  paused,
  blocked: paused ? 'paused' : null,
  project: { overlapK: 1, totalItems: 40, completeItems: 10, judgments: 10, judgmentsNeeded: 30 },
});

describe('AnnotatorHome', () => {
  it('says "paused" instead of offering Start where the quality gate paused them, and Start elsewhere', async () => {
    serve({
      'GET /api/v1/projects': () => ({ body: { items: [project('p1', 'Reviews'), project('p2', 'Chats')], nextCursor: null } }),
      'GET /api/v1/projects/p1/my-progress': () => ({ body: progress('p1', true) }),
      'GET /api/v1/projects/p2/my-progress': () => ({ body: progress('p2', false) }),
    });
    renderWithApp(<AnnotatorHome />, { me: ANNOTATOR });
    const reviews = (await screen.findByRole('heading', { name: 'Reviews' })).closest('li')!;
    expect(await within(reviews).findByRole('note')).toHaveTextContent('Paused on this project — ask your manager');
    expect(within(reviews).queryByRole('link', { name: /Start labeling|Check for work|Resume/ })).toBeNull();
    expect(within(reviews).queryByText('Nothing left for you right now')).toBeNull();

    const chats = screen.getByRole('heading', { name: 'Chats' }).closest('li')!;
    expect(await within(chats).findByRole('link', { name: 'Start labeling in Chats' })).toHaveAttribute('href', '/annotate/p2');
    expect(within(chats).queryByText(/Paused on this project/)).toBeNull();
  });
});
