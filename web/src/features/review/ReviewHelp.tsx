/**
 * The reviewer's `?` overlay, like the annotator's: the queue's keys, the correction's keys, and while correcting the
 * active question's own keys, all from the same tables the handlers use.
 */
import { QuestionShortcuts, ShortcutsDialog } from '../../components/ShortcutsDialog';
import { ShortcutTable } from '../../components/ShortcutTable';
import type { Question } from '../../schema';
import { shortcutsFor } from '../annotate/widgets/registry';
import { CORRECTION_KEYS, REVIEW_KEYS } from './keymap';

export function ReviewHelp({ open, onClose, correcting, activeQuestion }: { open: boolean; onClose: () => void; correcting: boolean; activeQuestion: Question | undefined }) {
  return (
    <ShortcutsDialog
      open={open}
      onClose={onClose}
      className="review-help"
      note={<p className="muted small">Plain keys do nothing while the cursor is in a text field; the keys with {CORRECTION_KEYS.save.keys.split('+')[0]} or Alt always work.</p>}
    >
      <ShortcutTable caption="Review" rows={Object.values(REVIEW_KEYS)} />
      <ShortcutTable caption="Correcting" rows={Object.values(CORRECTION_KEYS)} />
      {correcting && activeQuestion && <QuestionShortcuts prompt={activeQuestion.prompt} rows={shortcutsFor(activeQuestion)} word="keys" />}
    </ShortcutsDialog>
  );
}
