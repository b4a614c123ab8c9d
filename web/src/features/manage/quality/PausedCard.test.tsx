import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QualityTab } from './QualityTab';
import { serve } from '../results/fake-api';
import { MANAGER, renderWithApp } from '../results/test-server';
import type { AnnotatorAccuracyView, QualityGatesView } from './types';

vi.mock('../../../api/client', async () => (await import('../results/fake-api')).clientModuleForTests());

const PAUSED_AT = '2025-03-04T09:30:00.000Z';
const accuracy: AnnotatorAccuracyView = {
  projectId: 'p1',
  interval: 'observed share k / n with its Wilson score 95% interval',
  items: [
    { annotatorId: 'u1', name: 'Ada Lovelace', pseudonym: 'annotator-aa', vendorId: 'v1', n: 10, correct: 9, accuracy: { rate: 0.9, lower: 0.5958, upper: 0.9821, level: 0.95 }, status: 'active', agreement: null },
    { annotatorId: 'u2', name: 'Bo Brandt', pseudonym: 'annotator-bb', vendorId: 'v2', n: 5, correct: 0, accuracy: { rate: 0, lower: 0, upper: 0.4345, level: 0.95 }, status: 'paused', agreement: null },
  ],
};
const pausedGates: QualityGatesView = {
  projectId: 'p1',
  policy: { enabled: true, floor: 0.6, chance: null },
  rule: {
    floor: 0.6, honest: 0.65, chance: 0.25, chanceFromSchema: true, schemaChance: 0.25, threshold: 1.1267, likelihoodRatio: 3.085, minItems: 15, maxFailStreak: 9,
    falsePause: 0.0479, pausedWithin: 0.9672, within95: 20, meetsTarget: true,
  },
  paused: [
    {
      annotatorId: 'u2',
      name: 'Bo Brandt',
      vendorId: 'v2',
      reason: '9 gold items missed in a row (the limit for a floor of 60% is 9)',
      pausedAt: PAUSED_AT,
      gold: { n: 9, correct: 0, failStreak: 9 },
      reinstatedBy: null,
      reinstatedAt: null,
    },
  ],
  events: [
    { id: 'e1', kind: 'annotator.paused', annotatorId: 'u2', actorId: 'system', message: 'Paused by the quality gate: 9 gold items missed in a row (the limit for a floor of 60% is 9)', createdAt: PAUSED_AT },
  ],
};

/** A fake API whose gate state changes on reinstatement, as the server's does. */
function serveGate() {
  let gates = pausedGates;
  const sent = serve({
    // A text-only schema: no agreement or confidence requests to answer.
    'GET /api/v1/projects/p1/schema': () => ({
      body: { projectId: 'p1', version: 1, schema: { questions: [{ id: 'note', type: 'text', prompt: 'Note', required: false, minLength: 0, maxLength: 2000 }] }, createdAt: '2025-03-01T00:00:00.000Z' },
    }),
    'GET /api/v1/projects/p1/quality/annotators': () => ({ body: accuracy }),
    'GET /api/v1/projects/p1/reviews/tally': () => ({ body: { projectId: 'p1', annotators: [] } }),
    'GET /api/v1/vendors': () => ({ body: { items: [{ id: 'v1', name: 'In-house' }, { id: 'v2', name: 'Crowd Co' }], nextCursor: null } }),
    'GET /api/v1/projects/p1/quality/gates': () => ({ body: gates }),
    'POST /api/v1/projects/p1/annotators/u2/reinstate': () => {
      const reinstatedAt = '2025-03-05T08:00:00.000Z';
      gates = {
        ...gates,
        paused: [],
        events: [
          { id: 'e2', kind: 'annotator.reinstated', annotatorId: 'u2', actorId: MANAGER.id, message: 'Reinstated: may take tasks again; the gate counts gold from now on', createdAt: reinstatedAt },
          ...gates.events,
        ],
      };
      return { body: { projectId: 'p1', annotatorId: 'u2', status: 'active', reinstatedBy: MANAGER.id, reinstatedAt } };
    },
  });
  return sent;
}

const card = () => screen.getByRole('region', { name: 'Paused annotators' });
/** The paused annotator's entry (their name shows in the events too). */
const pausedEntry = async (name: string) => (await within(await screen.findByRole('list', { name: 'Paused annotators' })).findByText(name)).closest('li')!;
const requestsTo = (sent: URL[], path: string) => sent.filter((u) => u.pathname === path).length;

describe('Paused annotators', () => {
  it('lists who the gate paused with the reason, gold record and time, and the gate events', async () => {
    serveGate();
    renderWithApp(<QualityTab projectId="p1" />);
    const item = await pausedEntry('Bo Brandt');
    expect(item).toHaveTextContent('Crowd Co');
    expect(item).toHaveTextContent('Reason9 gold items missed in a row (the limit for a floor of 60% is 9)');
    expect(item).toHaveTextContent('Gold record0 of 9 gold items correct, the last 9 missed in a row');
    expect(within(item).getByText((_, el) => el?.tagName === 'TIME' && el.getAttribute('datetime') === PAUSED_AT)).toBeInTheDocument();
    expect(card()).toHaveTextContent(
      'An annotator is paused when their gold answers are at least 3.1 times likelier from guessing (right 25% of the time) than from 65% accuracy, from their 15th gold item on, or when they miss 9 gold items in a row. Derived from the floor of 60%: someone at 65% is paused within their first 200 gold items with probability 4.8% (at most 5%); a guesser within 20 gold items with probability 96.7%. Their open tasks go back to the pool.',
    );
    const events = within(card()).getByRole('list', { name: 'Recent gate events' });
    expect(within(events).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringMatching(/Bo Brandt: Paused by the quality gate: 9 gold items missed in a row \(the limit for a floor of 60% is 9\)$/),
    ]);
  });

  it('reinstates after a confirmation, then refreshes the list, the events and the annotator table', async () => {
    const sent = serveGate();
    const user = userEvent.setup();
    renderWithApp(<QualityTab projectId="p1" />);
    await user.click(await within(card()).findByRole('button', { name: 'Reinstate Bo Brandt' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Reinstate Bo Brandt?' });
    expect(dialog).toHaveTextContent('the record that paused them (0 of 9 gold items correct, the last 9 missed in a row) no longer counts');
    expect(within(dialog).getByRole('button', { name: 'Keep paused' })).toHaveFocus();
    const accuracyReads = requestsTo(sent, '/api/v1/projects/p1/quality/annotators');
    await user.click(within(dialog).getByRole('button', { name: 'Reinstate' }));

    expect(await within(card()).findByText('No annotator is paused.')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(requestsTo(sent, '/api/v1/projects/p1/annotators/u2/reinstate')).toBe(1);
    await waitFor(() => expect(requestsTo(sent, '/api/v1/projects/p1/quality/annotators')).toBeGreaterThan(accuracyReads));
    const events = within(card()).getByRole('list', { name: 'Recent gate events' });
    expect(within(events).getAllByRole('listitem')[0]).toHaveTextContent(/Bo Brandt: Reinstated: may take tasks again; the gate counts gold from now on \(by you\)$/);
  });

  it('keeps them paused when the manager thinks again', async () => {
    const sent = serveGate();
    const user = userEvent.setup();
    renderWithApp(<QualityTab projectId="p1" />);
    await user.click(await within(card()).findByRole('button', { name: 'Reinstate Bo Brandt' }));
    await user.keyboard('{Enter}'); // focus starts on "Keep paused"
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(requestsTo(sent, '/api/v1/projects/p1/annotators/u2/reinstate')).toBe(0);
    expect(await pausedEntry('Bo Brandt')).toBeInTheDocument();
  });

  it('offers no Reinstate to a vendor manager', async () => {
    serveGate();
    renderWithApp(<QualityTab projectId="p1" />, { me: { ...MANAGER, role: 'vendor_manager', vendorId: 'v2' } });
    expect(await pausedEntry('Bo Brandt')).toBeInTheDocument();
    expect(within(card()).queryByRole('button', { name: /Reinstate/ })).toBeNull();
  });
});
