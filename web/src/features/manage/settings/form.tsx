/**
 * The Settings tab as one form: every section's draft lives in one state here, one Save sends them all, Discard
 * throws them all away, and a bar that sticks to the bottom of the window says which sections hold unsaved changes.
 *
 * The sections stay separate pieces of UI and of server resource: the project's settings go in one PATCH
 * /projects/{id} (the sections' bodies merged), the review policy in PUT /projects/{id}/review-policy. Save checks
 * every changed section first and sends nothing while one does not parse (each field says why; focus goes to the
 * first). Then the PATCH, which the server applies whole or not at all; only if it succeeded, the review policy. So a
 * failure of the first leaves nothing written, and a failure of the second is said in so many words ("General was
 * saved; Review was not"), its edits kept for another try.
 *
 * A section reads and writes its draft with `usePart` and hands its body (null: does not parse) with `useBody`.
 */
import { createContext, useCallback, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useBlocker } from 'react-router';
import { ApiError } from '../../../api/client';
import { errorText } from '../../../components/Status';
import { fieldErrorOf } from '../../admin/FormField';

/** Where a section's body is sent: merged into the project's PATCH, or the review policy's PUT. */
export type SaveTarget = 'project' | 'review';

interface Entry {
  title: string;
  /** The server's values when editing began (JSON). */
  base: string;
  draft: unknown;
}

interface PartBody {
  title: string;
  target: SaveTarget;
  /** The server field names the section's fields answer for (to say which section a refusal is about). */
  fields: readonly string[];
  body: Record<string, unknown> | null;
}

/** How each target's last save went: its failure shows at the fields it names. */
type Errors = Partial<Record<SaveTarget, unknown>>;

interface FormContext {
  drafts: Readonly<Record<string, Entry>>;
  setDraft(key: string, entry: Entry): void;
  bodies: Map<string, PartBody>;
  errors: Errors;
}

const Context = createContext<FormContext | null>(null);

/** A section's draft: the server's values until edited; an edit back to them leaves the section clean again. */
export function usePart<T extends object>(key: string, title: string, server: T) {
  const form = useContext(Context);
  if (!form) throw new Error('usePart outside SettingsForm');
  const entry = form.drafts[key];
  const draft = entry ? (entry.draft as T) : server;
  const base = JSON.stringify(server);
  const { setDraft } = form;
  const set = useCallback((patch: Partial<T>) => setDraft(key, { title, base: entry?.base ?? base, draft: { ...draft, ...patch } }), [setDraft, key, title, entry?.base, base, draft]);
  return { draft, set, dirty: entry !== undefined };
}

/** Hands the section's body to the form for the next Save (null while a field does not parse). */
export function useBody(key: string, part: PartBody) {
  const form = useContext(Context);
  if (!form) throw new Error('useBody outside SettingsForm');
  const { bodies } = form;
  useLayoutEffect(() => {
    bodies.set(key, part);
  });
  useEffect(() => () => void bodies.delete(key), [bodies, key]);
  return form.errors[part.target];
}

export interface SaveSenders {
  project: (body: Record<string, unknown>) => Promise<unknown>;
  review: (body: Record<string, unknown>) => Promise<unknown>;
}

type Outcome =
  | { kind: 'saved'; titles: string[] }
  | { kind: 'invalid'; titles: string[] }
  | { kind: 'failed'; saved: string[]; failed: string[]; blamed: string[]; message: string };

const list = (titles: readonly string[]) => (titles.length <= 1 ? (titles[0] ?? '') : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`);

/** The sections whose fields `error` names (all of the target's changed sections when it names none of theirs). */
function blamed(error: unknown, parts: readonly PartBody[]): string[] {
  const named = parts.filter((p) => p.fields.some((f) => fieldErrorOf(error, f) !== undefined)).map((p) => p.title);
  return named.length > 0 ? named : parts.map((p) => p.title);
}

export function SettingsForm({ send, children }: { send: SaveSenders; children: ReactNode }) {
  const [drafts, setDrafts] = useState<Record<string, Entry>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A stable map the sections write into after each render (layout effect) and Save reads from.
  const [bodies] = useState(() => new Map<string, PartBody>());
  const formRef = useRef<HTMLFormElement>(null);

  const setDraft = useCallback((key: string, entry: Entry) => {
    setOutcome((o) => (o?.kind === 'saved' ? null : o));
    setDrafts((d) => {
      const next = { ...d };
      if (JSON.stringify(entry.draft) === entry.base) delete next[key];
      else next[key] = entry;
      return next;
    });
  }, []);

  const dirtyKeys = Object.keys(drafts);
  const dirty = dirtyKeys.length > 0;
  const dirtyTitles = dirtyKeys.map((k) => drafts[k]!.title);

  const discard = () => {
    setDrafts({});
    setErrors({});
    setOutcome(null);
  };

  const save = async () => {
    if (busy || !dirty) return;
    const parts = dirtyKeys.flatMap((k) => {
      const p = bodies.get(k);
      return p ? [[k, p] as const] : [];
    });
    const invalid = parts.filter(([, p]) => p.body === null);
    if (invalid.length > 0) {
      setOutcome({ kind: 'invalid', titles: invalid.map(([, p]) => p.title) });
      // The first field that says what is wrong.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    setErrors({});
    const saved: string[] = [];
    const done: string[] = [];
    try {
      for (const target of ['project', 'review'] as const) {
        const mine = parts.filter(([, p]) => p.target === target);
        if (mine.length === 0) continue;
        try {
          await send[target](Object.assign({}, ...mine.map(([, p]) => p.body)));
        } catch (error) {
          setErrors({ [target]: error });
          const failed = parts.filter(([k]) => !done.includes(k)).map(([, p]) => p.title);
          const blame = blamed(
            error,
            mine.map(([, p]) => p),
          );
          const message = (error instanceof ApiError ? error.message : errorText(error)).replace(/\.$/, '');
          setOutcome({ kind: 'failed', saved: [...saved], failed, blamed: blame, message });
          return;
        }
        saved.push(...mine.map(([, p]) => p.title));
        done.push(...mine.map(([k]) => k));
      }
      setOutcome({ kind: 'saved', titles: saved });
    } finally {
      // What was saved is the server's now: its sections show the server's values again.
      setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !done.includes(k))));
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  // Leaving: another page of the app asks first; closing or reloading the tab gets the browser's own question.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const context = useMemo(() => ({ drafts, setDraft, bodies, errors }), [drafts, setDraft, bodies, errors]);

  return (
    <Context.Provider value={context}>
      <form ref={formRef} className="settings-form" onSubmit={submit} noValidate aria-label="Project settings">
        {children}
        <div className="settings-save-bar" data-dirty={dirty || undefined}>
          <div className="settings-save-words" role="status">
            <SaveWords busy={busy} dirtyTitles={dirtyTitles} outcome={outcome} />
          </div>
          <div className="settings-save-actions">
            <button type="button" className="btn" disabled={!dirty || busy} onClick={discard}>
              Discard changes
            </button>
            {/* Busy is aria-disabled, not disabled: a disabled button drops the keyboard focus of whoever pressed it. */}
            <button type="submit" className="btn primary" disabled={!dirty} aria-disabled={busy || undefined}>
              {busy ? 'Saving…' : 'Save changes'}
            </button>
          </div>
        </div>
      </form>
      {blocker.state === 'blocked' && <LeaveDialog titles={dirtyTitles} onStay={() => blocker.reset()} onLeave={() => blocker.proceed()} />}
    </Context.Provider>
  );
}

/**
 * "Leave without saving?" as a modal <dialog> (focus trapped, the page behind inert). Only the user closes it —
 * Escape or "Stay" keeps the page, "Leave" goes — so a re-render that remounts it cannot read as an answer (the
 * shared Dialog reports every close, its own unmount's included, as the user's).
 */
function LeaveDialog({ titles, onStay, onLeave }: { titles: readonly string[]; onStay: () => void; onLeave: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const stay = useRef(onStay);
  useEffect(() => {
    stay.current = onStay;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const cancel = (e: Event) => {
      e.preventDefault();
      stay.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);
  return (
    <dialog ref={ref} className="modal" role="alertdialog" aria-labelledby={titleId}>
      <div className="dialog-head">
        <h2 id={titleId}>Leave without saving?</h2>
      </div>
      <p>Your changes to {list(titles)} are not saved. If you leave now they are lost.</p>
      <div className="form-actions">
        <button type="button" className="btn primary" data-autofocus onClick={onStay}>
          Stay on Settings
        </button>
        <button type="button" className="btn danger" onClick={onLeave}>
          Leave without saving
        </button>
      </div>
    </dialog>
  );
}

function SaveWords({ busy, dirtyTitles, outcome }: { busy: boolean; dirtyTitles: readonly string[]; outcome: Outcome | null }) {
  if (busy) return <>Saving {list(dirtyTitles)}…</>;
  if (outcome?.kind === 'invalid') {
    return (
      <span className="input-error">
        Nothing was saved: correct the marked {outcome.titles.length === 1 ? 'field' : 'fields'} in {list(outcome.titles)} first.
      </span>
    );
  }
  if (outcome?.kind === 'failed') {
    const those = outcome.failed.length === 1 ? 'Its' : 'Their';
    return (
      <span className="input-error">
        {outcome.saved.length > 0
          ? `Saved ${list(outcome.saved)}, but not ${list(outcome.failed)}: ${outcome.message}. ${those} changes are still here.`
          : `Nothing was saved. ${list(outcome.blamed)}: ${outcome.message}. Your changes are still here.`}
      </span>
    );
  }
  if (dirtyTitles.length > 0) return <>Unsaved changes in {list(dirtyTitles)}.</>;
  if (outcome?.kind === 'saved') return <span className="settings-saved">Saved {list(outcome.titles)}.</span>;
  return <span className="muted">No unsaved changes.</span>;
}
