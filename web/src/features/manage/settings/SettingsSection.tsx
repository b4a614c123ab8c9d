/**
 * One section of the Settings tab: a titled form with one sentence of what it does, its fields, and its own Save.
 * While a save runs the button says so; "Saved." is announced once the server holds the section's values; a
 * failure the server pins on one of the section's fields shows at that field (they read it from
 * `SectionErrorContext`), any other under the button. `useSectionForm` (draft.ts) gives `dirty`, `busy`, `saved` and
 * `error` as its `section`.
 */
import { useId, type FormEvent, type ReactNode } from 'react';
import { ErrorMessage } from '../../../components/Status';
import { SectionErrorContext, serverMessage } from './Field';

export interface SettingsSectionProps {
  title: string;
  /** What the section's settings do, in a sentence (may follow the draft). */
  description?: ReactNode;
  /** The button's text, e.g. "Save quality gate". */
  saveLabel: string;
  /** Whether the draft may be sent (every field parses). */
  valid: boolean;
  dirty: boolean;
  busy: boolean;
  saved: boolean;
  /** The last save's failure. */
  error: unknown;
  /** The server field names the section's fields show errors for (so the form-level message is not repeated). */
  fields: readonly string[];
  onSave: () => void;
  children: ReactNode;
}

export function SettingsSection({ title, description, saveLabel, valid, dirty, busy, saved, error, fields, onSave, children }: SettingsSectionProps) {
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid && !busy) onSave();
  };
  const atField = serverMessage(error, fields) !== undefined;
  return (
    <section className="card settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {description && <p className="settings-description">{description}</p>}
      <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <SectionErrorContext.Provider value={error}>{children}</SectionErrorContext.Provider>
        <div className="form-actions">
          {/* Busy is aria-disabled, not disabled: a disabled button drops the keyboard focus of whoever pressed it. */}
          <button type="submit" className="btn primary" disabled={!valid} aria-disabled={busy || undefined}>
            {busy ? 'Saving…' : saveLabel}
          </button>
          <span role="status" className="settings-saved">
            {saved ? 'Saved.' : dirty ? <span className="muted small">Unsaved changes</span> : null}
          </span>
        </div>
        {error && !atField ? <ErrorMessage error={error} title="Not saved" /> : null}
      </form>
    </section>
  );
}

/**
 * A section of the one Settings form (settings/form.tsx): its title (marked "Unsaved" while it holds changes), what
 * it does, and its fields; no button of its own, the form's save bar saves every section. The last failed save of
 * the section's resource reaches its fields through `SectionErrorContext`, each field showing what names it.
 */
export function FormSection({ title, description, dirty, error, children }: { title: string; description?: ReactNode; dirty: boolean; error: unknown; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card settings-section" aria-labelledby={`${id}-title`}>
      <h2>
        <span id={`${id}-title`}>{title}</span>
        {dirty && <span className="badge settings-unsaved">Unsaved</span>}
      </h2>
      {description && <p className="settings-description">{description}</p>}
      <SectionErrorContext.Provider value={error}>{children}</SectionErrorContext.Provider>
    </section>
  );
}
