/**
 * Ctrl+Z / Ctrl+Shift+Z (⌘ on a Mac; Ctrl+Y too) undo and redo answer changes, except in a text field, where
 * they keep their native meaning (undo typing). Separate from useHotkeys, which handles modified keys everywhere.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { isTypingTarget } from '../../../components/useHotkeys';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function useUndoKeys(handlers: { undo: () => void; redo: () => void }, enabled: boolean) {
  const ref = useRef(handlers);
  useLayoutEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.altKey) return;
      if (!(isMac ? e.metaKey : e.ctrlKey)) return;
      const key = e.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      if (isTypingTarget(e.target)) return;
      e.preventDefault();
      if (key === 'y' || e.shiftKey) ref.current.redo();
      else ref.current.undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
