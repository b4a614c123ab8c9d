/**
 * Keyboard shortcuts for a screen. A binding is `mod+enter`, `shift+?`, `1` …; `mod` is Ctrl (or ⌘ on a Mac).
 * Plain keys do not fire while the user types in a text field, so typing "1" in a comment never picks option 1;
 * bindings with a modifier do.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';

export type Hotkeys = Record<string, (e: KeyboardEvent) => void>;

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(type);
}

/** The binding string an event matches, e.g. `mod+enter`, `shift+?`, `alt+arrowup`, `k`. */
export function bindingOf(e: KeyboardEvent): string {
  const parts: string[] = [];
  if (isMac ? e.metaKey : e.ctrlKey) parts.push('mod');
  if (e.altKey) parts.push('alt');
  if (e.shiftKey && e.key.length > 1) parts.push('shift');
  parts.push(e.key.toLowerCase());
  return parts.join('+');
}

export function useHotkeys(keys: Hotkeys, enabled = true): void {
  const ref = useRef(keys);
  // The latest handlers, without re-subscribing on every render.
  useLayoutEffect(() => {
    ref.current = keys;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const binding = bindingOf(e);
      const handler = ref.current[binding];
      if (!handler) return;
      const modified = binding.includes('mod+') || binding.includes('alt+');
      if (!modified && isTypingTarget(e.target)) return;
      e.preventDefault();
      handler(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
