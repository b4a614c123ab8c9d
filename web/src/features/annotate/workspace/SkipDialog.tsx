/**
 * Skip with a reason. The API takes any non-empty reason (up to 2000 characters); the common ones are a keypress
 * away (1–5 pick, Enter confirms), and "Other" takes a sentence.
 */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { isTypingTarget } from '../../../components/useHotkeys';
import { Dialog } from '../../../components/Dialog';

export const SKIP_REASONS = [
  'The item is unclear, broken or incomplete',
  'I lack the expertise to judge it',
  'It is in a language I do not read well',
  'The content is offensive or disturbing',
] as const;
const OTHER = 'other';
export const MAX_REASON = 2000;

export interface SkipDialogProps {
  open: boolean;
  onClose: () => void;
  onSkip: (reason: string) => void;
  busy: boolean;
  error: string | null;
}

export function SkipDialog({ open, onClose, onSkip, busy, error }: SkipDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title="Skip this task" closeButton>
      {/* The dialog mounts its content per opening, so each skip starts with the first reason chosen. */}
      <SkipForm onClose={onClose} onSkip={onSkip} busy={busy} error={error} />
    </Dialog>
  );
}

function SkipForm({ onClose, onSkip, busy, error }: Omit<SkipDialogProps, 'open'>) {
  const [choice, setChoice] = useState<string>(SKIP_REASONS[0]);
  const [other, setOther] = useState('');
  const reason = choice === OTHER ? other.trim() : choice;

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (reason === '' || busy) return;
    onSkip(reason);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    // Enter confirms from anywhere but a button (which it presses); Shift+Enter writes a new line in "Other".
    if (e.key === 'Enter' && !e.shiftKey && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      submit();
      return;
    }
    if (isTypingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    const n = Number(e.key);
    if (Number.isInteger(n) && n >= 1 && n <= SKIP_REASONS.length + 1) {
      e.preventDefault();
      setChoice(n <= SKIP_REASONS.length ? SKIP_REASONS[n - 1]! : OTHER);
    }
  };

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown}>
      <fieldset className="ws-reasons">
        <legend>Why? The item goes back to the pool for someone else.</legend>
        {[...SKIP_REASONS, OTHER].map((r, i) => (
          <label key={r} className="ws-reason">
            <input type="radio" name="skip-reason" value={r} checked={choice === r} onChange={() => setChoice(r)} data-autofocus={i === 0 ? '' : undefined} />
            <kbd aria-hidden="true">{i + 1}</kbd> {r === OTHER ? 'Other…' : r}
          </label>
        ))}
      </fieldset>
      {choice === OTHER && (
        <label className="field">
          <span>Your reason</span>
          <textarea value={other} onChange={(e) => setOther(e.target.value)} maxLength={MAX_REASON} rows={3} autoFocus required />
        </label>
      )}
      {error && (
        <p className="status error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={reason === '' || busy}>
          {busy ? 'Skipping…' : 'Skip task'} <kbd aria-hidden="true">Enter</kbd>
        </button>
      </div>
    </form>
  );
}
