/**
 * The workspace's modified shortcuts (Ctrl+Enter, Alt+↑/↓), heard in the capture phase before any widget: a
 * widget's own arrow-key or Enter handling cannot swallow them, wherever the focus is, text fields included.
 */
import { bindingOf, useWindowKeydown, type Hotkeys } from '../../../components/useHotkeys';

export function useOwnedKeys(keys: Hotkeys, enabled: boolean): void {
  useWindowKeydown(
    (e) => {
      if (e.isComposing) return;
      const handler = keys[bindingOf(e)];
      if (!handler) return;
      e.preventDefault();
      e.stopPropagation();
      handler(e);
    },
    enabled,
    { capture: true },
  );
}
