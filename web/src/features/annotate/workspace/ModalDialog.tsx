/**
 * An overlay on the native <dialog> opened with showModal(): the browser traps focus, makes the page behind it
 * inert and closes it on Escape. Focus starts on the element marked `data-autofocus` (else the browser's choice)
 * and goes back to where it was when the dialog opened.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface ModalDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  className?: string;
}

export function ModalDialog({ open, onClose, title, children, className }: ModalDialogProps) {
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
    <dialog ref={ref} className={`ws-dialog ${className ?? ''}`} aria-labelledby={titleId}>
      {open && (
        <>
          <div className="ws-dialog-head">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="btn ghost small" onClick={onClose} aria-label="Close">
              ✕
            </button>
          </div>
          {children}
        </>
      )}
    </dialog>
  );
}
