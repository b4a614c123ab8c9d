import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TokensPage } from './TokensPage';
import { renderWithApp } from './testing';
import { fakeServer } from './fakeApi';

vi.mock('../../api/client', async () => (await import('./fakeApi')).clientModuleForTests());

const SECRET = 'assay_s3cr3t-shown-once-0123456789abcdef';

afterEach(() => vi.unstubAllGlobals());

describe('TokensPage', () => {
  it('shows a new token’s secret once, in a dialog with a warning and a copy button, and never again after closing', async () => {
    let tokens: { id: string; name: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }[] = [];
    const server = fakeServer({
      'GET /api/v1/tokens': () => ({ status: 200, body: { items: tokens, nextCursor: null } }),
      'POST /api/v1/tokens': ({ body }) => {
        const created = { id: 'token_1', name: (body as { name: string }).name, createdAt: '2025-03-04T05:06:07.000Z' };
        tokens = [{ ...created, lastUsedAt: null, revokedAt: null }];
        return { status: 201, body: { ...created, token: SECRET } };
      },
    });
    const user = userEvent.setup();
    renderWithApp(<TokensPage />);
    expect(await screen.findByText('You have no API tokens.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'New token' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'nightly export');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Your new API token' });
    expect(within(dialog).getByRole('textbox', { name: 'Token' })).toHaveValue(SECRET);
    expect(within(dialog).getByText(/shown only once and cannot be retrieved again/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Copy token' })).toBeInTheDocument();
    expect(server.sent.find((r) => r.method === 'POST')?.body).toEqual({ name: 'nightly export' });

    await user.click(within(dialog).getByRole('button', { name: 'I have copied it' }));
    // The list now has the token by name, and the secret is nowhere in the page.
    expect(await screen.findByRole('cell', { name: 'nightly export' })).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
  });

  it('copies the secret to the clipboard and says so', async () => {
    fakeServer({
      'GET /api/v1/tokens': () => ({ status: 200, body: { items: [], nextCursor: null } }),
      'POST /api/v1/tokens': () => ({ status: 201, body: { id: 'token_1', name: 'ci', createdAt: '2025-03-04T05:06:07.000Z', token: SECRET } }),
    });
    const user = userEvent.setup();
    renderWithApp(<TokensPage />);
    await user.click(await screen.findByRole('button', { name: 'New token' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'ci{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Copy token' }));
    expect(await screen.findByText('Copied')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(SECRET);
  });

  it('revokes a token only after confirmation', async () => {
    let revoked: string | null = null;
    const server = fakeServer({
      'GET /api/v1/tokens': () => ({
        status: 200,
        body: { items: [{ id: 'token_9', name: 'old script', createdAt: '2025-01-01T00:00:00.000Z', lastUsedAt: null, revokedAt: revoked }], nextCursor: null },
      }),
      'DELETE /api/v1/tokens/token_9': () => {
        revoked = '2025-05-05T00:00:00.000Z';
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderWithApp(<TokensPage />);
    await user.click(await screen.findByRole('button', { name: 'Revoke old script' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Revoke this token?' });
    await user.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(server.sent.some((r) => r.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Revoke old script' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Revoke token' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Revoke old script' })).not.toBeInTheDocument());
    expect(screen.getByText(/Revoked/)).toBeInTheDocument();
    expect(server.sent.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/api/v1/tokens/token_9']);
  });
});
