import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer } from '../../admin/fakeApi';
import { ADMIN, renderWithApp } from '../../admin/testing';
import { FlagControl } from './FlagControl';

vi.mock('../../../api/client', async () => (await import('../../admin/fakeApi')).clientModuleForTests());

afterEach(() => vi.unstubAllGlobals());

function serve({ flaggedRule }: { flaggedRule: boolean }) {
  return fakeServer({
    'POST /api/v1/projects/p1/items/i1/flag': ({ body }) => ({
      status: 200,
      body: { itemId: 'i1', projectId: 'p1', reason: (body as { reason: string }).reason, createdAt: '2026-11-25T10:00:00.000Z' },
    }),
    'GET /api/v1/projects/p1/review-policy': () => ({
      status: 200,
      body: { projectId: 'p1', sampleRate: 0, firstN: 0, flagged: flaggedRule, lowConfidence: null, updatedAt: '2026-11-25T09:00:00.000Z' },
    }),
  });
}

const flags = (server: ReturnType<typeof fakeServer>) => server.sent.filter((r) => r.method === 'POST' && r.path === '/api/v1/projects/p1/items/i1/flag');

describe('FlagControl', () => {
  it('flags the item with a reason, from the keyboard, and says the policy sends it to review', async () => {
    const server = serve({ flaggedRule: true });
    const user = userEvent.setup();
    renderWithApp(<FlagControl projectId="p1" itemId="i1" />);
    const toggle = screen.getByRole('button', { name: 'Flag for review' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.tab();
    expect(toggle).toHaveFocus();
    await user.keyboard('{Enter}');
    const reason = screen.getByRole('textbox', { name: 'Why does this item need a reviewer?' });
    expect(reason).toHaveFocus();
    expect(within(screen.getByRole('form', { name: 'Flag for review' })).getByRole('button', { name: 'Flag' })).toBeDisabled();
    await user.keyboard('The text is cut off mid-sentence');
    await user.tab();
    await user.keyboard('{Enter}');

    expect(await screen.findByText('Flagged for review: The text is cut off mid-sentence')).toBeInTheDocument();
    expect(flags(server).map((r) => r.body)).toEqual([{ reason: 'The text is cut off mid-sentence' }]);
    expect(await screen.findByText('The review policy sends every annotation of this item to review.')).toBeInTheDocument();
    // The form closes and the keyboard is back on the toggle, which now changes the reason.
    expect(screen.queryByRole('form', { name: 'Flag for review' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Change the flag reason' })).toHaveFocus();
  });

  it('says where to turn the rule on when the policy ignores flags', async () => {
    serve({ flaggedRule: false });
    const user = userEvent.setup();
    renderWithApp(<FlagControl projectId="p1" itemId="i1" />);
    await user.click(screen.getByRole('button', { name: 'Flag for review' }));
    await user.type(screen.getByRole('textbox'), 'Offensive');
    await user.click(screen.getByRole('button', { name: 'Flag' }));
    const status = await screen.findByText(/does not review flagged items yet/);
    expect(within(status).getByRole('link', { name: 'Settings' })).toHaveAttribute('href', '/manage/projects/p1/settings');
  });

  it('leaves with Esc without sending anything', async () => {
    const server = serve({ flaggedRule: true });
    const user = userEvent.setup();
    renderWithApp(<FlagControl projectId="p1" itemId="i1" />);
    await user.click(screen.getByRole('button', { name: 'Flag for review' }));
    await user.keyboard('Never mind{Escape}');
    await waitFor(() => expect(screen.queryByRole('textbox')).toBeNull());
    expect(screen.getByRole('button', { name: 'Flag for review' })).toHaveFocus();
    expect(flags(server)).toHaveLength(0);
  });

  it('is not offered to a vendor manager', () => {
    serve({ flaggedRule: true });
    renderWithApp(<FlagControl projectId="p1" itemId="i1" />, { me: { ...ADMIN, role: 'vendor_manager', vendorId: 'v1' } });
    expect(screen.queryByRole('button', { name: /Flag/ })).toBeNull();
  });

  it('shows a flag made before, with its reason, and offers to change it', async () => {
    serve({ flaggedRule: true });
    renderWithApp(<FlagControl projectId="p1" itemId="i1" existing={{ reason: 'Two readings of the same word' }} />);
    expect(screen.getByRole('button', { name: 'Change the flag reason' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Flagged for review: Two readings of the same word');
    expect(await screen.findByText('The review policy sends every annotation of this item to review.')).toBeInTheDocument();
  });
});
