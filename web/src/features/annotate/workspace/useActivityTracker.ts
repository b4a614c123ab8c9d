/**
 * What the client measures while an annotator works on a task, sent with the submit (effort and fraud signals):
 * active time, pastes and pasted characters, focus losses and keystrokes.
 *
 * Active time counts only while the page is visible and focused and the annotator did something (a key, a click,
 * a scroll, a pointer move) in the last IDLE_AFTER_MS: a task left open over lunch does not count as an hour of
 * work. Time is added at each tick from the wall clock, so a throttled background timer cannot inflate it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface ClientSignals {
  activeMs: number;
  pastes: number;
  pastedChars: number;
  focusLosses: number;
  keystrokes: number;
}

/** No input for this long and the annotator counts as away. */
export const IDLE_AFTER_MS = 60_000;
export const TICK_MS = 1000;

const zero = (): ClientSignals => ({ activeMs: 0, pastes: 0, pastedChars: 0, focusLosses: 0, keystrokes: 0 });

const attending = () => document.visibilityState === 'visible' && document.hasFocus();

/** Adds an event listener and returns what removes it again (with the same options, as removal needs). */
function listen<E extends Event>(target: EventTarget, type: string, handler: (e: E) => void, options?: AddEventListenerOptions): () => void {
  target.addEventListener(type, handler as EventListener, options);
  return () => target.removeEventListener(type, handler as EventListener, options);
}

export interface ActivityTracker {
  /** The signals of the current task so far. */
  read: () => ClientSignals;
  /** Active time of the current task, refreshed every tick, for the timer on screen. */
  activeMs: number;
}

/** Measures the task identified by `taskKey`; a new key starts from zero. */
export function useActivityTracker(taskKey: string | null): ActivityTracker {
  const signals = useRef<ClientSignals>(zero());
  const lastInput = useRef(0);
  const lastTick = useRef(0);
  const away = useRef(false);
  // The timer's figure, tagged with its task so a new task shows 0 before its first tick.
  const [shown, setShown] = useState<{ task: string | null; ms: number }>({ task: taskKey, ms: 0 });

  useEffect(() => {
    signals.current = zero();
    lastInput.current = Date.now();
    lastTick.current = Date.now();
    away.current = false;
    if (taskKey === null) return;
    const tick = () => {
      const now = Date.now();
      const elapsed = Math.max(0, now - lastTick.current);
      lastTick.current = now;
      if (attending() && now - lastInput.current <= IDLE_AFTER_MS) {
        // After a long stall (a sleeping laptop) count at most the idle allowance.
        signals.current.activeMs += Math.min(elapsed, IDLE_AFTER_MS);
        setShown({ task: taskKey, ms: signals.current.activeMs });
      }
    };
    const input = () => {
      // Coming back from idle: the time before this input was not work.
      if (Date.now() - lastInput.current > IDLE_AFTER_MS) lastTick.current = Date.now();
      lastInput.current = Date.now();
    };
    const key = (e: KeyboardEvent) => {
      input();
      if (!e.repeat && !['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) signals.current.keystrokes++;
    };
    const paste = (e: ClipboardEvent) => {
      input();
      signals.current.pastes++;
      signals.current.pastedChars += e.clipboardData?.getData('text/plain').length ?? 0;
    };
    const leave = () => {
      if (!away.current) signals.current.focusLosses++;
      away.current = true;
    };
    const back = () => {
      away.current = false;
      input();
      lastTick.current = Date.now();
    };
    const visibility = () => (document.visibilityState === 'hidden' ? leave() : back());
    const timer = window.setInterval(tick, TICK_MS);
    // Captured and passive: the signals watch input on its way to the widgets and never hold it up.
    const watching = { capture: true, passive: true } as const;
    const stops = [
      listen(window, 'keydown', key, watching),
      listen(window, 'pointerdown', input, watching),
      listen(window, 'pointermove', input, watching),
      listen(window, 'wheel', input, watching),
      listen(window, 'scroll', input, watching),
      listen(window, 'paste', paste, watching),
      listen(window, 'blur', leave),
      listen(window, 'focus', back),
      listen(document, 'visibilitychange', visibility),
    ];
    return () => {
      window.clearInterval(timer);
      for (const stop of stops) stop();
    };
  }, [taskKey]);

  const read = useCallback(() => {
    // Count the part of the current second that already passed, so a quick task does not submit 0 ms.
    const now = Date.now();
    const partial = attending() && now - lastInput.current <= IDLE_AFTER_MS ? Math.min(TICK_MS, Math.max(0, now - lastTick.current)) : 0;
    return { ...signals.current, activeMs: signals.current.activeMs + partial };
  }, []);

  return { read, activeMs: shown.task === taskKey ? shown.ms : 0 };
}
