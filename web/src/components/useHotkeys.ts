/**
 * Keyboard shortcuts for a screen. A binding is `mod+enter`, `shift+?`, `1` …; `mod` is Ctrl (or ⌘ on a Mac).
 * Plain keys do not fire while the user types in a text field, so typing "1" in a comment never picks option 1;
 * bindings with a modifier do.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';

export type Hotkeys = Record<string, (e: KeyboardEvent) => void>;

/** ⌘ stands for Ctrl on Apple keyboards. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(type);
}

/** Whether the platform's command modifier is down: Ctrl, or ⌘ on a Mac. */
export const hasModKey = (e: KeyboardEvent): boolean => (isMac ? e.metaKey : e.ctrlKey);

/** The binding string an event matches, e.g. `mod+enter`, `shift+?`, `alt+arrowup`, `k`. */
export function bindingOf(e: KeyboardEvent): string {
  const parts: string[] = [];
  if (hasModKey(e)) parts.push('mod');
  if (e.altKey) parts.push('alt');
  if (e.shiftKey && e.key.length > 1) parts.push('shift');
  parts.push(e.key.toLowerCase());
  return parts.join('+');
}

/**
 * Listens to keydown on the window while `enabled`, always with the latest `onKey` (no re-subscribing on every
 * render). `capture` hears the key before any element's own handler.
 */
export function useWindowKeydown(onKey: (e: KeyboardEvent) => void, enabled = true, { capture = false } = {}): void {
  const ref = useRef(onKey);
  useLayoutEffect(() => {
    ref.current = onKey;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => ref.current(e);
    window.addEventListener('keydown', listener, { capture });
    return () => window.removeEventListener('keydown', listener, { capture });
  }, [enabled, capture]);
}

export function useHotkeys(keys: Hotkeys, enabled = true): void {
  useWindowKeydown((e) => {
    if (e.defaultPrevented || e.isComposing) return;
    const binding = bindingOf(e);
    const handler = keys[binding];
    if (!handler) return;
    const modified = binding.includes('mod+') || binding.includes('alt+');
    if (!modified && isTypingTarget(e.target)) return;
    e.preventDefault();
    handler(e);
  }, enabled);
}
