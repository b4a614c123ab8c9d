/**
 * A settings section's draft: what the user is typing, starting from what the server holds. Each section keeps its
 * own, so saving one section never throws away unsaved edits in another; when the server's values for this section
 * change (this section's save, or a change made elsewhere) the draft starts again from them.
 */
import type { UseMutationResult } from '@tanstack/react-query';
import { useCallback, useState } from 'react';

export interface SectionDraft<T> {
  draft: T;
  setDraft: (next: T) => void;
  /** The draft differs from the server's values. */
  dirty: boolean;
  /** The server holds what this section saved last, and nothing has been typed since. */
  saved: boolean;
  /** Call with the section's values as the server answered the save. */
  markSaved: (values: T) => void;
}

export function useSectionDraft<T>(server: T): SectionDraft<T> {
  const signature = JSON.stringify(server);
  const [state, setState] = useState({ signature, draft: server, savedSignature: null as string | null });
  let current = state;
  if (state.signature !== signature) {
    // Adjusting state while rendering (React's documented pattern for "reset when a prop changes").
    current = { ...state, signature, draft: server };
    setState(current);
  }
  const setDraft = useCallback((draft: T) => setState((s) => ({ ...s, draft })), []);
  const markSaved = useCallback((values: T) => setState((s) => ({ ...s, savedSignature: JSON.stringify(values) })), []);
  const dirty = JSON.stringify(current.draft) !== signature;
  return { draft: current.draft, setDraft, dirty, saved: !dirty && current.savedSignature === signature, markSaved };
}

/**
 * A section's draft bound to the mutation that saves it. `set` patches the draft; `save(body)` sends a body (null:
 * the draft does not parse, nothing is sent) and, once the server answers, marks the section saved with the values
 * `valuesOf` reads from the answer; `section` is what SettingsSection shows of both.
 */
export function useSectionForm<T, B, R>(server: T, mutation: UseMutationResult<R, Error, B>, valuesOf: (answer: R) => T) {
  const { draft, setDraft, dirty, saved, markSaved } = useSectionDraft(server);
  return {
    draft,
    set: (patch: Partial<T>) => setDraft({ ...draft, ...patch }),
    save: (body: B | null) => {
      if (body !== null) mutation.mutate(body, { onSuccess: (answer) => markSaved(valuesOf(answer)) });
    },
    section: { dirty, saved, busy: mutation.isPending, error: mutation.error },
  };
}
