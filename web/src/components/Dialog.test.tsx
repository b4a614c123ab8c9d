import { describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Dialog, type DialogProps } from './Dialog';

/** An owner with the usual state: a button opens the dialog, `onClose` closes it. */
function Owner({ onClose, ...props }: Partial<DialogProps>) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <Dialog
        title="Rename"
        {...props}
        open={open}
        onClose={() => {
          onClose?.();
          setOpen(false);
        }}
      >
        <p>The secret is s3cr3t.</p>
        <input aria-label="First" />
        <input aria-label="Name" data-autofocus />
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  it('opens as a modal named by its title, with the focus on the element marked data-autofocus', async () => {
    const user = userEvent.setup();
    render(<Owner />);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename' });
    expect(dialog).toHaveAttribute('open');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Close' })).not.toBeInTheDocument();
  });

  it('closes on Escape through onClose, unmounts its content and gives the focus back to the opener', async () => {
    const onClose = vi.fn();
    const user = userEvent.setup();
    const { container } = render(<Owner onClose={onClose} />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename' }) as HTMLDialogElement;

    // A browser answers Escape on a modal dialog by closing it itself; the owner hears it as a `close` event.
    act(() => dialog.close());

    expect(onClose).toHaveBeenCalledTimes(1);
    expect(dialog).not.toHaveAttribute('open');
    expect(container).not.toHaveTextContent('s3cr3t');
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus();
  });

  it('offers a ✕ that closes it when asked to', async () => {
    const onClose = vi.fn();
    const user = userEvent.setup();
    render(<Owner onClose={onClose} closeButton />);
    await user.click(screen.getByRole('button', { name: 'Open' }));

    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus();
  });

  it('is an alertdialog when asked, for confirmations and one-time secrets', async () => {
    const user = userEvent.setup();
    render(<Owner role="alertdialog" title="Your new API token" />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.getByRole('alertdialog', { name: 'Your new API token' })).toBeInTheDocument();
  });
});
