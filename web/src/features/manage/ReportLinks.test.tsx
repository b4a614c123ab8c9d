import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { ReportLinks } from './ReportLinks';
import { MANAGER, renderWithApp } from './results/test-server';

describe('ReportLinks', () => {
  it('offers a manager the report to download and to open in a new tab', () => {
    renderWithApp(<ReportLinks projectId="p 1" />);
    const download = screen.getByRole('link', { name: 'Download quality report' });
    expect(download).toHaveAttribute('href', '/api/v1/projects/p%201/report?disposition=attachment');
    expect(download).toHaveAttribute('download');
    const open = screen.getByRole('link', { name: /^Open report/ });
    expect(open).toHaveTextContent('Open report in a new tab');
    expect(open).toHaveAttribute('href', '/api/v1/projects/p%201/report?disposition=inline');
    expect(open).toHaveAttribute('target', '_blank');
    expect(open).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('shows nothing to a role the server refuses the report to', () => {
    for (const role of ['reviewer', 'vendor_manager', 'annotator'] as const) {
      const { unmount } = renderWithApp(<ReportLinks projectId="p1" />, { me: { ...MANAGER, role } });
      expect(screen.queryByRole('link', { name: /report/ }), role).toBeNull();
      unmount();
    }
  });
});
