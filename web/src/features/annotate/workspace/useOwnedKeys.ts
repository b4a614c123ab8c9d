/**
 * The workspace's modified shortcuts (Ctrl+Enter, Alt+↑/↓), heard in the capture phase before any widget: a
 * widget's own arrow-key or Enter handling cannot swallow them, wherever the focus is, text fields included.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { bindingOf, type Hotkeys } from '../../../components/useHotkeys';

export function useOwnedKeys(keys: Hotkeys, enabled: boolean): void {
  const ref = useRef(keys);
  useLayoutEffect(() => {
    ref.current = keys;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const handler = ref.current[bindingOf(e)];
      if (!handler) return;
      e.preventDefault();
      e.stopPropagation();
      handler(e);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [enabled]);
}
