/** The reviewer queue's keys, for the handlers and the `?` overlay alike. */
export const REVIEW_KEYS = {
  accept: { keys: 'A', does: 'Accept the annotation' },
  reject: { keys: 'R', does: 'Reject it with a reason' },
  correct: { keys: 'C', does: 'Correct it: edit the answers' },
  save: { keys: 'Ctrl+Enter', does: 'Save the correction' },
  cancel: { keys: 'Esc', does: 'Leave the correction unsaved' },
  help: { keys: '?', does: 'Show these shortcuts' },
} as const;
