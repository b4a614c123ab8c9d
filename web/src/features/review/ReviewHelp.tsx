/**
 * The reviewer's `?` overlay, like the annotator's: the queue's keys, the correction's keys, and while correcting the
 * active question's own keys, all from the same tables the handlers use.
 */
import { Dialog } from '../../components/Dialog';
import { ShortcutTable } from '../../components/ShortcutTable';
import type { Question } from '../../schema';
import { shortcutsFor } from '../annotate/widgets/registry';
import { CORRECTION_KEYS, REVIEW_KEYS } from './keymap';

export function ReviewHelp({ open, onClose, correcting, activeQuestion }: { open: boolean; onClose: () => void; correcting: boolean; activeQuestion: Question | undefined }) {
  const own = correcting && activeQuestion ? shortcutsFor(activeQuestion) : [];
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" className="review-help" closeButton>
      <div className="review-help-tables">
        <ShortcutTable caption="Review" rows={Object.values(REVIEW_KEYS)} />
        <ShortcutTable caption="Correcting" rows={Object.values(CORRECTION_KEYS)} />
        {correcting && activeQuestion && (
          <div>
            {own.length > 0 ? (
              <ShortcutTable caption={`This question: ${activeQuestion.prompt}`} rows={own} />
            ) : (
              <p className="muted">The active question (“{activeQuestion.prompt}”) has no keys of its own.</p>
            )}
          </div>
        )}
      </div>
      <p className="muted small">Plain keys do nothing while the cursor is in a text field; the keys with {CORRECTION_KEYS.save.keys.split('+')[0]} or Alt always work.</p>
      <div className="dialog-actions">
        <button type="button" className="btn primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
