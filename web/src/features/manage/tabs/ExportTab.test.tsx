import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExportTab } from './ExportTab';
import { serve } from '../results/fake-api';
import { renderWithApp } from '../results/test-server';

vi.mock('../../../api/client', async () => (await import('../results/fake-api')).clientModuleForTests());

const download = () => screen.getByRole('link', { name: /^Download/ });

describe('ExportTab', () => {
  it('downloads either format, with the aggregated answer and confidence when asked', async () => {
    serve({ 'GET /api/v1/projects/p%201/progress': () => ({ body: { judgments: 12 } }) });
    const user = userEvent.setup();
    renderWithApp(<ExportTab projectId="p 1" />);
    expect(await screen.findByText(/^12 annotations, each with its item/)).toBeInTheDocument();
    const aggregate = screen.getByRole('checkbox', { name: /Include the aggregated answer and its confidence/ });
    expect(aggregate).not.toBeChecked();
    expect(download()).toHaveAttribute('href', '/api/v1/projects/p%201/export?format=jsonl');

    await user.click(aggregate);
    expect(download()).toHaveAccessibleName('Download JSON Lines');
    expect(download()).toHaveAttribute('href', '/api/v1/projects/p%201/export?format=jsonl&aggregate=true');
    await user.click(screen.getByRole('radio', { name: /CSV/ }));
    expect(download()).toHaveAccessibleName('Download CSV');
    expect(download()).toHaveAttribute('href', '/api/v1/projects/p%201/export?format=csv&aggregate=true');
    expect(screen.getByText(/aggregate\.<id> and a confidence\.<id> column per question/)).toBeInTheDocument();

    // From the keyboard: Space on the focused checkbox turns it off again.
    aggregate.focus();
    await user.keyboard(' ');
    expect(download()).toHaveAttribute('href', '/api/v1/projects/p%201/export?format=csv');
  });
});
