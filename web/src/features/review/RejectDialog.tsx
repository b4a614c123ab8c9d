/**
 * Reject with a reason the annotator can learn from: Enter confirms, Shift+Enter writes a new line, Esc cancels. The
 * annotator reads the reason under "Your reviewed work" on their page, beside their answers (GET /me/reviews).
 */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Dialog } from '../../components/Dialog';

export interface RejectDialogProps {
  open: boolean;
  onClose: () => void;
  onReject: (reason: string) => void;
  busy: boolean;
}

export function RejectDialog({ open, onClose, onReject, busy }: RejectDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title="Reject this annotation" closeButton>
      <RejectForm onClose={onClose} onReject={onReject} busy={busy} />
    </Dialog>
  );
}

function RejectForm({ onClose, onReject, busy }: Omit<RejectDialogProps, 'open'>) {
  const [reason, setReason] = useState('');
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (reason.trim() === '' || busy) return;
    onReject(reason.trim());
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      submit();
    }
  };
  return (
    <form onSubmit={submit} className="review-reject">
      <label className="field">
        <span>Reason (the annotator reads it on their page, beside their answers)</span>
        <textarea data-autofocus rows={4} maxLength={10_000} value={reason} onChange={(e) => setReason(e.target.value)} onKeyDown={onKeyDown} required />
      </label>
      <div className="dialog-actions">
        <button type="button" className="btn ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn danger" disabled={reason.trim() === '' || busy}>
          Reject
        </button>
      </div>
    </form>
  );
}
