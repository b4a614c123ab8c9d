/**
 * The `?` overlay's frame, shared by the annotator's workspace and the reviewer's queue: a "Keyboard shortcuts"
 * dialog with the screen's tables side by side (`{className}-tables`), a note under them and Close; and the block
 * for the keys of the question that has the keyboard. Each screen passes its own key tables, so neither imports the
 * other's code (the annotator bundle stays free of review code).
 */
import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import { ShortcutTable, type ShortcutRow } from './ShortcutTable';

interface ShortcutsDialogProps {
  open: boolean;
  onClose: () => void;
  /** The dialog's class; the tables' wrapper gets `${className}-tables`. */
  className: string;
  /** Under the tables. */
  note?: ReactNode;
  children: ReactNode;
}

export function ShortcutsDialog({ open, onClose, className, note, children }: ShortcutsDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" className={className} closeButton>
      <div className={`${className}-tables`}>{children}</div>
      {note}
      <div className="dialog-actions">
        <button type="button" className="btn primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

interface QuestionShortcutsProps {
  /** The active question's prompt, and its own keys (may be none). */
  prompt: string;
  rows: readonly ShortcutRow[];
  tableClassName?: string;
  /** What the screen calls them in "has no … of its own". */
  word?: string;
  /** Under the table. */
  children?: ReactNode;
}

export function QuestionShortcuts({ prompt, rows, tableClassName, word = 'shortcuts', children }: QuestionShortcutsProps) {
  return (
    <div>
      {rows.length > 0 ? (
        <ShortcutTable caption={`This question: ${prompt}`} rows={rows} className={tableClassName} />
      ) : (
        <p className="muted">
          The active question (“{prompt}”) has no {word} of its own.
        </p>
      )}
      {children}
    </div>
  );
}
