/**
 * "Flag for review" on an item's page in Results, for those who review (admins, managers, reviewers): a reason,
 * then the flag. Under a review policy with its flagged-items rule, every annotation of the item goes to review; the
 * control says so, or says that the policy ignores flags and where to change that. A flag made before (the item's
 * `flag`) shows the same way, with its reason, and can be given a new reason.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../../api/queries';
import { ErrorMessage } from '../../../components/Status';
import { canReview } from '../../auth/roles';
import { useReviewPolicy } from '../review/queries';
import { useFlagItem } from './queries';

const MAX_REASON = 2000;

/** The item's flag as the item's page reports it: null when it is not flagged. */
export type ExistingFlag = { reason: string } | null;

export function FlagControl({ projectId, itemId, existing = null }: { projectId: string; itemId: string; existing?: ExistingFlag }) {
  const me = useMe().data;
  if (!me || !canReview(me.role)) return null;
  // Keyed by item: moving to another item starts without a form, showing that item's own flag.
  return <FlagForm key={itemId} projectId={projectId} itemId={itemId} existing={existing} />;
}

function FlagForm({ projectId, itemId, existing }: { projectId: string; itemId: string; existing: ExistingFlag }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const flag = useFlagItem(projectId, itemId);
  const shown: ExistingFlag = flag.isSuccess ? flag.data : existing;
  const policy = useReviewPolicy(projectId, shown !== null);
  const toggle = useRef<HTMLButtonElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  // Opening the form is asking to type the reason.
  useEffect(() => {
    if (open) reasonRef.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    if (text === '' || flag.isPending) return;
    flag.mutate(text, { onSuccess: close });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      // Esc leaves the form, not the page's other keys' business.
      e.stopPropagation();
      close();
    }
  };

  return (
    <div className="flag-control">
      <button
        ref={toggle}
        type="button"
        className="btn small"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {shown ? 'Change the flag reason' : 'Flag for review'}
      </button>
      {open && (
        <form id={`${id}-form`} className="flag-form" onSubmit={submit} onKeyDown={onKeyDown} aria-label="Flag for review">
          <label htmlFor={`${id}-reason`}>Why does this item need a reviewer?</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            maxLength={MAX_REASON}
            value={reason}
            ref={reasonRef}
            required
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="flag-actions">
            <button type="submit" className="btn primary small" disabled={reason.trim() === '' || flag.isPending}>
              {flag.isPending ? 'Flagging…' : 'Flag'}
            </button>
            <button type="button" className="btn ghost small" onClick={close}>
              Cancel
            </button>
          </div>
          {flag.isError && <ErrorMessage error={flag.error} title="Not flagged" />}
        </form>
      )}
      <div role="status" className="flag-status">
        {shown && (
          <>
            <span className="flag-badge">Flagged for review: {shown.reason}</span>{' '}
            {policy.data &&
              (policy.data.flagged ? (
                <span className="muted small">The review policy sends every annotation of this item to review.</span>
              ) : (
                <span className="small">
                  The review policy does not review flagged items yet: turn it on in <Link to={`/manage/projects/${projectId}/settings`}>Settings</Link>.
                </span>
              ))}
          </>
        )}
      </div>
    </div>
  );
}
