import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExportTab, exportContents } from './ExportTab';
import { serve } from '../results/fake-api';
import { renderWithApp } from '../results/test-server';

vi.mock('../../../api/client', async () => (await import('../results/fake-api')).clientModuleForTests());

const download = () => screen.getByRole('link', { name: /^Download/ });

/** The server's count for each value of includeGold: the demo's 65 annotations on real items and 6 on 3 gold items. */
const counts = (url: URL) => {
  const includeGold = url.searchParams.get('includeGold') === 'true';
  return { body: { projectId: 'p 1', includeGold, rows: includeGold ? 71 : 65, items: includeGold ? 36 : 33, goldRows: 6, goldItems: 3, excludePaused: false } };
};

describe('ExportTab', () => {
  it('says what the file will hold for the chosen options, as the server counts its rows, and leaves gold out by default', async () => {
    const sent = serve({ 'GET /api/v1/projects/p%201/export/count': counts });
    const user = userEvent.setup();
    renderWithApp(<ExportTab projectId="p 1" />);
    expect(await screen.findByText('65 annotations on 33 items will be in the file.')).toBeInTheDocument();
    expect(screen.getByText('6 annotations on 3 gold items are left out.')).toBeInTheDocument();
    const gold = screen.getByRole('checkbox', { name: /Include annotations on gold items/ });
    expect(gold).not.toBeChecked();
    expect(download()).toHaveAttribute('href', '/api/v1/projects/p%201/export?format=jsonl');

    await user.click(gold);
    expect(await screen.findByText('71 annotations on 36 items will be in the file.')).toBeInTheDocument();
    expect(screen.getByText('6 annotations on 3 gold items are among them, marked is_gold.')).toBeInTheDocument();
    expect(download()).toHaveAttribute('href', '/api/v1/projects/p%201/export?format=jsonl&includeGold=true');
    // The count asked for is the one the download takes.
    expect(sent.map((u) => u.searchParams.get('includeGold'))).toEqual(['false', 'true']);
  });

  it('downloads either format, with the aggregated answer and confidence when asked', async () => {
    serve({ 'GET /api/v1/projects/p%201/export/count': counts });
    const user = userEvent.setup();
    renderWithApp(<ExportTab projectId="p 1" />);
    const aggregate = screen.getByRole('checkbox', { name: /Include the aggregated answer and its confidence/ });
    expect(aggregate).not.toBeChecked();
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

  it('words one annotation, no gold, and paused annotators left out', () => {
    expect(exportContents({ rows: 1, items: 1, goldRows: 0, goldItems: 0, includeGold: false, excludePaused: true })).toEqual([
      '1 annotation on 1 item will be in the file.',
      'Annotations by annotators the quality gate paused are left out (the project’s setting).',
    ]);
    expect(exportContents({ rows: 4, items: 2, goldRows: 1, goldItems: 1, includeGold: false, excludePaused: false })[1]).toBe('1 annotation on 1 gold item is left out.');
  });
});
