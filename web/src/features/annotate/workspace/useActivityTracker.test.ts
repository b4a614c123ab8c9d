import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_AFTER_MS, useActivityTracker } from './useActivityTracker';

let visibility: DocumentVisibilityState = 'visible';
let focused = true;

beforeEach(() => {
  vi.useFakeTimers();
  visibility = 'visible';
  focused = true;
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  vi.spyOn(document, 'hasFocus').mockImplementation(() => focused);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const key = (k = 'a') => window.dispatchEvent(new KeyboardEvent('keydown', { key: k }));
const advance = (ms: number) => act(() => void vi.advanceTimersByTime(ms));
/** `seconds` seconds with a key press at the start of each. */
const work = (seconds: number) => {
  for (let i = 0; i < seconds; i++) {
    key();
    advance(1000);
  }
};

describe('useActivityTracker', () => {
  it('counts time while the annotator is working', () => {
    const { result } = renderHook(() => useActivityTracker('task-1'));
    work(5);
    expect(result.current.read().activeMs).toBe(5000);
    expect(result.current.activeMs).toBe(5000);
    expect(result.current.read().keystrokes).toBe(5);
  });

  it('stops counting a minute after the last input, and starts again on the next', () => {
    const { result } = renderHook(() => useActivityTracker('task-1'));
    work(2); // the last key at 1 s
    advance(10 * 60_000);
    expect(result.current.read().activeMs).toBe(1000 + IDLE_AFTER_MS);
    work(3);
    expect(result.current.read().activeMs).toBe(1000 + IDLE_AFTER_MS + 3000);
  });

  it('does not count while the page is hidden or another window has the focus, and counts each time away once', () => {
    const { result } = renderHook(() => useActivityTracker('task-1'));
    work(2);
    focused = false;
    act(() => void window.dispatchEvent(new Event('blur')));
    visibility = 'hidden';
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    advance(20_000);
    expect(result.current.read()).toMatchObject({ activeMs: 2000, focusLosses: 1 });
    visibility = 'visible';
    focused = true;
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    act(() => void window.dispatchEvent(new Event('focus')));
    work(1);
    focused = false;
    act(() => void window.dispatchEvent(new Event('blur')));
    expect(result.current.read()).toMatchObject({ activeMs: 3000, focusLosses: 2 });
  });

  it('counts pastes and pasted characters, and keys without modifiers or auto-repeat', () => {
    const { result } = renderHook(() => useActivityTracker('task-1'));
    const paste = new Event('paste') as ClipboardEvent;
    Object.defineProperty(paste, 'clipboardData', { value: { getData: (type: string) => (type === 'text/plain' ? 'twelve chars' : '') } });
    act(() => void window.dispatchEvent(paste));
    key('Shift');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', repeat: true }));
    key('x');
    expect(result.current.read()).toMatchObject({ pastes: 1, pastedChars: 12, keystrokes: 1 });
  });

  it('starts from zero for a new task', () => {
    const { result, rerender } = renderHook(({ task }) => useActivityTracker(task), { initialProps: { task: 'task-1' } });
    work(4);
    key();
    rerender({ task: 'task-2' });
    expect(result.current.read()).toEqual({ activeMs: 0, pastes: 0, pastedChars: 0, focusLosses: 0, keystrokes: 0 });
    expect(result.current.activeMs).toBe(0);
    work(1);
    expect(result.current.read().activeMs).toBe(1000);
  });

  it('counts the part of a second already passed, so a quick task never reports zero', () => {
    const { result } = renderHook(() => useActivityTracker('task-1'));
    key();
    advance(400);
    expect(result.current.read().activeMs).toBe(400);
  });

  it('measures nothing without a task', () => {
    const { result } = renderHook(() => useActivityTracker(null));
    work(3);
    expect(result.current.read().keystrokes).toBe(0);
  });
});
