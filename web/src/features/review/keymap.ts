/** The reviewer queue's keys, for the handlers and the `?` overlay alike. */
import { isMac } from '../../components/useHotkeys';

const mod = isMac ? '⌘' : 'Ctrl';

/** Keys while an annotation is shown read-only. */
export const REVIEW_KEYS = {
  accept: { keys: 'A', does: 'Accept the annotation' },
  reject: { keys: 'R', does: 'Reject it with a reason' },
  correct: { keys: 'C', does: 'Correct it: edit the answers' },
  help: { keys: '?', does: 'Show these shortcuts' },
} as const;

/** Keys while correcting; the active question's own keys (e.g. 1–3 for its options) work as in the workspace. */
export const CORRECTION_KEYS = {
  save: { keys: `${mod}+Enter`, does: 'Save the correction' },
  nextQuestion: { keys: 'Alt+↓', does: 'Next question' },
  previousQuestion: { keys: 'Alt+↑', does: 'Previous question' },
  cancel: { keys: 'Esc', does: 'Leave the correction unsaved' },
  help: { keys: '?', does: 'Show these shortcuts' },
} as const;
