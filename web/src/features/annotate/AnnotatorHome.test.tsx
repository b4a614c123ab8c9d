import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AnnotatorHome } from './AnnotatorHome';
import { serve } from '../manage/results/fake-api';
import { currentLocation, MANAGER, renderWithApp } from '../manage/results/test-server';
import type { MyProgress } from '../../api/types';
import type { Qualification, Standing } from '../qualifications/types';

vi.mock('../../api/client', async () => (await import('../manage/results/fake-api')).clientModuleForTests());

const ANNOTATOR = { ...MANAGER, id: 'user_a', role: 'annotator' as const, name: 'Ann Otator' };
const project = (id: string, name: string) => ({ id, name, description: null });
const progress = (projectId: string, blocked: MyProgress['blocked']): MyProgress => ({
  projectId,
  mine: { judgments: 7, skips: 1, timeSpentMs: 600_000, lastSubmittedAt: '2025-03-04T09:00:00.000Z' },
  openLease: null,
  itemsLeft: blocked ? 0 : 30,
  paused: blocked === 'paused',
  blocked,
  blockedMessage: null,
  requiredQualification: null,
  project: { overlapK: 1, totalItems: 40, completeItems: 10, judgments: 10, judgmentsNeeded: 30 },
});
const qualification = (id: string, name: string, mine: Standing): Qualification => ({
  id,
  name,
  description: '',
  domain: 'medicine',
  passMark: 0.8,
  attemptSize: 5,
  cooldownSeconds: 86_400,
  goldItems: 12,
  createdAt: '2025-03-01T00:00:00.000Z',
  mine,
});
const inAnHour = new Date(Date.now() + 3_600_000).toISOString();

function serveHome(
  projects: Record<string, { name: string; blocked: MyProgress['blocked']; extra?: Partial<MyProgress> }>,
  qualifications: Qualification[] = [],
  more: Parameters<typeof serve>[0] = {},
) {
  return serve({
    ...more,
    'GET /api/v1/projects': () => ({ body: { items: Object.entries(projects).map(([id, p]) => project(id, p.name)), nextCursor: null } }),
    ...Object.fromEntries(Object.entries(projects).map(([id, p]) => [`GET /api/v1/projects/${id}/my-progress`, () => ({ body: { ...progress(id, p.blocked), ...p.extra } })])),
    'GET /api/v1/qualifications': () => ({ body: { items: qualifications } }),
    'POST /api/v1/qualifications/q1/attempts': () => ({
      status: 201,
      body: { id: 'att1', qualificationId: 'q1', status: 'open', size: 5, answered: 0, startedAt: '2025-03-04T09:00:00.000Z', finishedAt: null, retakeAt: null },
    }),
    'GET /api/v1/qualifications/q4/attempts': () => ({
      body: {
        items: [
          { id: 'att4', qualificationId: 'q4', status: 'failed', size: 5, answered: 5, correct: 2, startedAt: '2025-03-04T09:00:00.000Z', finishedAt: '2025-03-04T09:10:00.000Z', retakeAt: inAnHour },
        ],
      },
    }),
  });
}

const card = async (name: string) => (await screen.findByRole('heading', { name })).closest('li')!;

describe('AnnotatorHome', () => {
  it('says "paused" instead of offering Start where the quality gate paused them, and Start elsewhere', async () => {
    serveHome({ p1: { name: 'Reviews', blocked: 'paused' }, p2: { name: 'Chats', blocked: null } });
    renderWithApp(<AnnotatorHome />, { me: ANNOTATOR });
    const reviews = await card('Reviews');
    expect(await within(reviews).findByRole('note')).toHaveTextContent('Paused on this project — ask your manager');
    expect(within(reviews).queryByRole('link', { name: /Start labeling|Check for work|Resume/ })).toBeNull();
    expect(within(reviews).queryByText('Nothing left for you right now')).toBeNull();

    const chats = await card('Chats');
    expect(await within(chats).findByRole('link', { name: 'Start labeling in Chats' })).toHaveAttribute('href', '/annotate/p2');
    expect(within(chats).queryByText(/Paused on this project/)).toBeNull();
  });

  it('says why a project is blocked and what to do, instead of Start: a missing qualification links to the Qualifications section', async () => {
    serveHome({
      p1: { name: 'Triage notes', blocked: 'not_qualified' },
      p2: { name: 'Chats', blocked: 'quota_reached' },
      p3: { name: 'Contracts', blocked: 'not_in_domain' },
    });
    renderWithApp(<AnnotatorHome />, { me: ANNOTATOR });
    const triage = await card('Triage notes');
    const note = await within(triage).findByRole('note', { name: 'Triage notes: Needs a qualification' });
    expect(note).toHaveTextContent(/measured skill in its domain/);
    expect(within(note).getByRole('link', { name: 'Take a qualification' })).toHaveAttribute('href', '#qualifications');
    expect(within(triage).queryByRole('link', { name: /Start labeling|Check for work/ })).toBeNull();
    expect(within(triage).queryByText('Nothing left for you right now')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Qualifications' })).toHaveAttribute('id', 'qualifications');

    const chats = await card('Chats');
    expect(await within(chats).findByRole('note')).toHaveTextContent('Your vendor’s quota on this project is used up');
    expect(within(chats).getByRole('note')).toHaveTextContent('Ask your vendor’s manager about other work.');
    expect(within(chats).queryByRole('link', { name: 'Take a qualification' })).toBeNull();
    const contracts = await card('Contracts');
    expect(await within(contracts).findByRole('note')).toHaveTextContent(/Outside your domains.*ask your manager to add it/);
  });


  it('starts the most urgent task across projects and opens that project’s workspace', async () => {
    const task = { assignmentId: 'asg_1', projectId: 'p2', item: { id: 'i', data: {} }, schemaVersion: 1, guidelineVersion: 1, leaseExpiresAt: inAnHour };
    serveHome({ p1: { name: 'Reviews', blocked: null }, p2: { name: 'Chats', blocked: null } }, [], { 'POST /api/v1/tasks/next': () => ({ body: task }) });
    renderWithApp(<AnnotatorHome />, { me: ANNOTATOR, path: '/annotate' });
    await userEvent.click(await screen.findByRole('button', { name: 'Start the most urgent task' }));
    await waitFor(() => expect(currentLocation()).toBe('/annotate/p2'));
  });

  it('says why there is no task in any project', async () => {
    const message = 'None of your 2 projects has a task for you (project finished)';
    serveHome({ p1: { name: 'Reviews', blocked: null }, p2: { name: 'Chats', blocked: null } }, [], {
      'POST /api/v1/tasks/next': () => ({ status: 409, body: { error: { code: 'no_task', message, details: { reason: 'project_finished', projects: [] } } } }),
    });
    renderWithApp(<AnnotatorHome />, { me: ANNOTATOR, path: '/annotate' });
    await userEvent.click(await screen.findByRole('button', { name: 'Start the most urgent task' }));
    expect(await screen.findByRole('status')).toHaveTextContent(message);
    expect(currentLocation()).toBe('/annotate');
  });

  it('names the qualification that opens a project, with the server’s own sentence', async () => {
    const message = 'This project asks for a measured skill of at least 60% in medicine, and you have no record in it yet: take the qualification "Medicine: triage basics" (Qualifications) to earn one';
    serveHome({ p1: { name: 'Triage notes', blocked: 'not_qualified', extra: { blockedMessage: message, requiredQualification: { id: 'q1', name: 'Medicine: triage basics' } } } });
    renderWithApp(<AnnotatorHome />, { me: ANNOTATOR });
    const triage = await card('Triage notes');
    const note = await within(triage).findByRole('note', { name: 'Triage notes: Needs the “Medicine: triage basics” qualification' });
    expect(note).toHaveTextContent('at least 60% in medicine');
    expect(within(note).getByRole('link', { name: 'Take “Medicine: triage basics”' })).toHaveAttribute('href', '#qualifications');
  });
  it('lists qualifications with where the annotator stands, and Start opens an attempt then the workspace', async () => {
    const sent = serveHome({}, [
      qualification('q1', 'Medicine basics', { status: 'not_taken', answered: 0, size: 5, retakeAt: null }),
      qualification('q2', 'Cardiology', { status: 'in_progress', answered: 2, size: 5, retakeAt: null }),
      qualification('q3', 'Pharmacology', { status: 'passed', answered: 5, size: 5, retakeAt: null, skill: { n: 5, correct: 5, mean: 6 / 7, low: 0.541, high: 0.996 } }),
      qualification('q4', 'Oncology', { status: 'failed', answered: 5, size: 5, retakeAt: inAnHour }),
    ]);
    const user = userEvent.setup();
    renderWithApp(<AnnotatorHome />, { me: ANNOTATOR, path: '/annotate' });

    const basics = await card('Medicine basics');
    expect(basics).toHaveTextContent('Not taken');
    expect(basics).toHaveTextContent(/Pass mark\s*80%/);
    expect(basics).toHaveTextContent(/Retake after failing\s*24 h/);

    const cardiology = await card('Cardiology');
    expect(cardiology).toHaveTextContent('In progress: 2 of 5 answered');
    expect(within(cardiology).getByRole('link', { name: 'Continue the qualification Cardiology' })).toHaveAttribute('href', '/annotate/q2');

    const pharma = await card('Pharmacology');
    expect(pharma).toHaveTextContent('Passed');
    expect(pharma).toHaveTextContent('Your skill in medicine: 85.7% (95% interval 54–100%), from 5 of 5 correct');
    expect(within(pharma).queryByRole('button')).toBeNull();

    const oncology = await card('Oncology');
    expect(oncology).toHaveTextContent('Not passed');
    expect(await within(oncology).findByText(/2 of 5 correct/)).toBeInTheDocument();
    expect(oncology).toHaveTextContent(/Retake after .+ \(in (59 min|1 h 00 min)\)/);
    expect(within(oncology).queryByRole('button', { name: /Retake/ })).toBeNull();

    const start = within(basics).getByRole('button', { name: 'Start the qualification Medicine basics' });
    start.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(currentLocation()).toBe('/annotate/q1'));
    expect(sent.some((u) => u.pathname === '/api/v1/qualifications/q1/attempts')).toBe(true);
  });

  it('shows why an attempt could not start, on its card', async () => {
    serve({
      'GET /api/v1/projects': () => ({ body: { items: [], nextCursor: null } }),
      'GET /api/v1/qualifications': () => ({ body: { items: [qualification('q1', 'Medicine basics', { status: 'not_taken', answered: 0, size: 5, retakeAt: null })] } }),
      'POST /api/v1/qualifications/q1/attempts': () => ({
        status: 409,
        body: { error: { code: 'conflict', message: 'Too few items of this qualification are left that you have not seen', details: { reason: 'exhausted' } } },
      }),
    });
    const user = userEvent.setup();
    renderWithApp(<AnnotatorHome />, { me: ANNOTATOR, path: '/annotate' });
    const basics = await card('Medicine basics');
    await user.click(within(basics).getByRole('button', { name: /Start/ }));
    expect(await within(basics).findByRole('alert')).toHaveTextContent('Not started: Too few items of this qualification are left');
    expect(currentLocation()).toBe('/annotate');
  });
});
