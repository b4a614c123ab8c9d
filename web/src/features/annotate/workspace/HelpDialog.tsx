/** The `?` overlay: the workspace's shortcuts and those of the question that has the keyboard. */
import type { Question } from '../../../schema';
import { shortcutsFor } from '../widgets/registry';
import { WORKSPACE_KEYS } from './keymap';
import { Dialog } from '../../../components/Dialog';
import { ShortcutTable } from '../../../components/ShortcutTable';

export function HelpDialog({ open, onClose, activeQuestion }: { open: boolean; onClose: () => void; activeQuestion: Question | undefined }) {
  const own = activeQuestion ? shortcutsFor(activeQuestion) : [];
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" className="ws-help" closeButton>
      <div className="ws-help-tables">
        <ShortcutTable caption="Workspace" rows={Object.values(WORKSPACE_KEYS)} className="ws-keys" />
        {activeQuestion && (
          <div>
            {own.length > 0 ? (
              <ShortcutTable caption={`This question: ${activeQuestion.prompt}`} rows={own} className="ws-keys" />
            ) : (
              <p className="muted">The active question (“{activeQuestion.prompt}”) has no shortcuts of its own.</p>
            )}
            <p className="muted small">Question keys work while the question is active (highlighted) and the cursor is not in a text field.</p>
          </div>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
