/**
 * Ctrl+Z / Ctrl+Shift+Z (⌘ on a Mac; Ctrl+Y too) undo and redo answer changes, except in a text field, where
 * they keep their native meaning (undo typing). Separate from useHotkeys, which handles modified keys everywhere.
 */
import { hasModKey, isTypingTarget, useWindowKeydown } from '../../../components/useHotkeys';

export function useUndoKeys(handlers: { undo: () => void; redo: () => void }, enabled: boolean) {
  useWindowKeydown((e) => {
    if (e.defaultPrevented || e.isComposing || e.altKey || !hasModKey(e)) return;
    const key = e.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    if (isTypingTarget(e.target)) return;
    e.preventDefault();
    if (key === 'y' || e.shiftKey) handlers.redo();
    else handlers.undo();
  }, enabled);
}
