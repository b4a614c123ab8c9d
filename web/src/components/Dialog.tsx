/**
 * A modal on the native <dialog> opened with showModal(): the browser traps focus, makes the page behind it inert
 * and closes it on Escape (the owner hears it through `onClose`, so its state follows). Focus starts on the element
 * marked `data-autofocus` (else the browser's choice: the first focusable element) and goes back to where it was
 * when the dialog opened. Controlled by `open`; the content is unmounted when closed, so nothing shown in it (a new
 * token's secret, a generated password) stays in the page afterwards.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  className?: string;
  /** `alertdialog` for confirmations and one-time secrets. */
  role?: 'dialog' | 'alertdialog';
  /** A ✕ beside the title, for overlays that have no Cancel of their own to reach for. */
  closeButton?: boolean;
}

export function Dialog({ open, onClose, title, children, className, role = 'dialog', closeButton = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const closed = () => onCloseRef.current();
    dialog.addEventListener('close', closed);
    return () => dialog.removeEventListener('close', closed);
  }, []);

  return (
    <dialog ref={ref} className={className ? `modal ${className}` : 'modal'} aria-labelledby={titleId} role={role === 'alertdialog' ? 'alertdialog' : undefined}>
      {open && (
        <>
          <div className="dialog-head">
            <h2 id={titleId}>{title}</h2>
            {closeButton && (
              <button type="button" className="btn ghost small" onClick={onClose} aria-label="Close">
                ✕
              </button>
            )}
          </div>
          {children}
        </>
      )}
    </dialog>
  );
}
