/** The workspace's own shortcuts, one table: the key handlers bind `binding`, the help overlay lists `keys`. */
import { isMac } from '../../../components/useHotkeys';

const mod = isMac ? '⌘' : 'Ctrl';

export interface WorkspaceKey {
  /** As `useHotkeys` spells it; absent for keys handled elsewhere (Esc by the dialogs, undo by its own listener). */
  binding?: string;
  keys: string;
  does: string;
}

export const WORKSPACE_KEYS = {
  choose: { keys: '1–9', does: 'Answer the question marked “Keys act here”; a single choice then moves on to the next unanswered question' },
  submit: { binding: 'mod+enter', keys: `${mod}+Enter`, does: 'Submit and go to the next task' },
  undo: { keys: `${mod}+Z`, does: 'Undo the last answer change (outside text fields)' },
  redo: { keys: `${mod}+Shift+Z`, does: 'Redo' },
  nextQuestion: { binding: 'alt+arrowdown', keys: 'Alt+↓', does: 'Next question (after the last: Submit)' },
  previousQuestion: { binding: 'alt+arrowup', keys: 'Alt+↑', does: 'Previous question' },
  skip: { binding: 's', keys: 'S', does: 'Skip this task, with a reason' },
  guidelines: { binding: 'g', keys: 'G', does: 'Show or hide the guidelines' },
  help: { binding: '?', keys: '?', does: 'Show these shortcuts' },
  close: { keys: 'Esc', does: 'Leave a text box (keys type there), close a dialog or the guidelines drawer' },
} satisfies Record<string, WorkspaceKey>;

export type WorkspaceAction = keyof typeof WORKSPACE_KEYS;
