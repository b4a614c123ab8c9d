/** The `?` overlay: the workspace's shortcuts and those of the question that has the keyboard. */
import type { Question } from '../../../schema';
import { shortcutsFor } from '../widgets/registry';
import type { Shortcut } from '../widgets/types';
import { WORKSPACE_KEYS } from './keymap';
import { Dialog } from '../../../components/Dialog';

function ShortcutTable({ caption, rows }: { caption: string; rows: Shortcut[] }) {
  return (
    <table className="data ws-keys">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Keys</th>
          <th scope="col">Does</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.keys + r.does}>
            <td>
              <kbd>{r.keys}</kbd>
            </td>
            <td>{r.does}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HelpDialog({ open, onClose, activeQuestion }: { open: boolean; onClose: () => void; activeQuestion: Question | undefined }) {
  const own = activeQuestion ? shortcutsFor(activeQuestion) : [];
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" className="ws-help" closeButton>
      <div className="ws-help-tables">
        <ShortcutTable caption="Workspace" rows={Object.values(WORKSPACE_KEYS)} />
        {activeQuestion && (
          <div>
            {own.length > 0 ? (
              <ShortcutTable caption={`This question: ${activeQuestion.prompt}`} rows={own} />
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
