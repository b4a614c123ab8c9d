/**
 * The frame both create pages share (`/manage/new` and `/qualifications/new`): breadcrumb and title, a Basics
 * section the page fills, the task schema in the builder, the guidelines, and Create with what is still missing.
 * The page keeps its own fields and request; `useCreateDraft` keeps the schema draft, the guidelines and whether
 * Create was pressed (fields show their problems only after that).
 */
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/Status';
import { GuidelinesEditor } from './guidelines/GuidelinesEditor';
import { SchemaBuilder } from './schema-builder/SchemaBuilder';
import { checkSchemaDraft, type SchemaDraft } from './schema-builder/draft';
import './manage.css';

export function useCreateDraft(starterGuidelines: string) {
  const [draft, setDraft] = useState<SchemaDraft>({ questions: [] });
  const [guidelines, setGuidelines] = useState(starterGuidelines);
  const [tried, setTried] = useState(false);
  const check = useMemo(() => checkSchemaDraft(draft), [draft]);
  return { draft, setDraft, guidelines, setGuidelines, tried, setTried, check };
}

export type CreateDraft = ReturnType<typeof useCreateDraft>;

interface CreateWithSchemaPageProps {
  /** "project", "qualification": the button says "Create project", the missing note "The project needs …". */
  noun: string;
  back: { to: string; label: string };
  form: CreateDraft;
  /** What the page still needs before it can be created ("a name", "a valid schema"), and how to join them. */
  missing: string[];
  missingJoin?: string;
  /** Called on Create (after `tried` is set); the page checks its values and sends the request. */
  onCreate: () => void;
  busy: boolean;
  /** A failed create to show under the button (null when none, or when it is shown at a field). */
  error: unknown;
  schemaIntro: ReactNode;
  /** Shown above the builder, e.g. the server's refusal of the schema. */
  schemaError?: ReactNode;
  /** The Basics section's fields. */
  children: ReactNode;
}

export function CreateWithSchemaPage({ noun, back, form, missing, missingJoin = ', ', onCreate, busy, error, schemaIntro, schemaError, children }: CreateWithSchemaPageProps) {
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.setTried(true);
    onCreate();
  };
  const showMissing = form.tried && missing.length > 0;
  return (
    <main className="page manage new-project">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={back.to}>{back.label}</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>New {noun}</h1>
      <form onSubmit={submit} noValidate aria-describedby={showMissing ? `${id}-missing` : undefined}>
        <section className="card form-section" aria-labelledby={`${id}-basics`}>
          <h2 id={`${id}-basics`}>Basics</h2>
          {children}
        </section>

        <section className="form-section" aria-labelledby={`${id}-schema`}>
          <h2 id={`${id}-schema`}>Task schema</h2>
          <p className="muted">{schemaIntro}</p>
          {schemaError}
          <SchemaBuilder draft={form.draft} onChange={form.setDraft} />
        </section>

        <section className="card form-section" aria-labelledby={`${id}-guidelines`}>
          <h2 id={`${id}-guidelines`}>Guidelines</h2>
          <GuidelinesEditor value={form.guidelines} onChange={form.setGuidelines} />
        </section>

        <div className="form-actions sticky-actions">
          <button type="submit" className="btn primary" disabled={busy}>
            {busy ? 'Creating…' : `Create ${noun}`}
          </button>
          <Link to={back.to} className="btn ghost">
            Cancel
          </Link>
          {showMissing && (
            <span className="input-error" id={`${id}-missing`} role="alert">
              The {noun} needs {missing.join(missingJoin)} first.
            </span>
          )}
          {error ? <ErrorMessage error={error} title="Not created" /> : null}
        </div>
      </form>
    </main>
  );
}
