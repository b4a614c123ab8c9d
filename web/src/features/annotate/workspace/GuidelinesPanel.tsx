/**
 * The guidelines of the task's version, rendered Markdown, beside the questions. In a wide window it is a column
 * that `g` shows and hides; in a narrow one it is a drawer over the page, which takes the focus when it opens and
 * gives it back on Esc.
 */
import { useEffect, useRef } from 'react';
import { Markdown } from '../../../components/Markdown';
import { ErrorMessage, Loading } from '../../../components/Status';
import type { Guidelines } from '../../../api/types';

export interface GuidelinesPanelProps {
  open: boolean;
  /** A drawer over the page (narrow window) rather than a column. */
  drawer: boolean;
  onClose: () => void;
  guidelines: Guidelines | undefined;
  error: unknown;
  /** The version the task was leased under. */
  version: number;
  /** The guideline version the annotator saw before this one, when it differs. */
  changedFrom: number | null;
}

export function GuidelinesPanel({ open, drawer, onClose, guidelines, error, version, changedFrom }: GuidelinesPanelProps) {
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!open || !drawer) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, [open, drawer, onClose]);

  if (!open) return null;
  return (
    <>
      {drawer && <div className="ws-drawer-backdrop" onClick={onClose} aria-hidden="true" />}
      <aside
        ref={panel}
        id="ws-guidelines"
        className={`ws-guidelines ${drawer ? 'drawer' : ''}`}
        aria-labelledby="ws-guidelines-title"
        tabIndex={-1}
        {...(drawer && { role: 'dialog', 'aria-modal': false })}
      >
        <div className="ws-guidelines-head">
          <h2 id="ws-guidelines-title">Guidelines</h2>
          <span className="ws-version" title="The guideline version this task was given under">
            version {version}
            {changedFrom !== null && <span className="ws-badge">new</span>}
          </span>
          <button type="button" className="btn ghost small" onClick={onClose} aria-label="Hide the guidelines">
            ✕
          </button>
        </div>
        {changedFrom !== null && <p className="ws-changed small">Changed since version {changedFrom}, the one you last worked with.</p>}
        <div className="ws-guidelines-body">
          {error ? <ErrorMessage error={error} title="Guidelines" /> : guidelines ? <Markdown source={guidelines.markdown || '_No guidelines yet._'} /> : <Loading label="Loading the guidelines" />}
        </div>
      </aside>
    </>
  );
}
