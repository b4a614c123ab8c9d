/** The `?` overlay: the workspace's shortcuts and those of the question that has the keyboard. */
import type { Question } from '../../../schema';
import { shortcutsFor } from '../widgets/registry';
import { WORKSPACE_KEYS } from './keymap';
import { QuestionShortcuts, ShortcutsDialog } from '../../../components/ShortcutsDialog';
import { ShortcutTable } from '../../../components/ShortcutTable';

export function HelpDialog({ open, onClose, activeQuestion }: { open: boolean; onClose: () => void; activeQuestion: Question | undefined }) {
  return (
    <ShortcutsDialog open={open} onClose={onClose} className="ws-help">
      <ShortcutTable caption="Workspace" rows={Object.values(WORKSPACE_KEYS)} className="ws-keys" />
      {activeQuestion && (
        <QuestionShortcuts prompt={activeQuestion.prompt} rows={shortcutsFor(activeQuestion)} tableClassName="ws-keys">
          <p className="muted small">Question keys work on the question marked “Keys act here” while the cursor is not in a text box (there every key types; Esc leaves the box). A single choice moves on to the next unanswered question; with several answers, Alt+↓ moves on.</p>
        </QuestionShortcuts>
      )}
    </ShortcutsDialog>
  );
}
