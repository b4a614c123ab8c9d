/**
 * `/manage/new`: name and settings, the task schema in the builder (with its live preview) and the first
 * guidelines; Create sends them in one call and opens the new project.
 */
import { useId, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/Status';
import { SchemaBuilder } from './schema-builder/SchemaBuilder';
import { checkSchemaDraft, type SchemaDraft } from './schema-builder/draft';
import { GuidelinesEditor } from './guidelines/GuidelinesEditor';
import { parseSettings, settingsValues, SettingsFields } from './settings-fields';
import { useCreateProject } from './queries';
import './manage.css';

const STARTER_GUIDELINES = `# Guidelines

## The task
What annotators do, in one or two sentences.

## How to decide
- A rule, with an example.
- What to do when unsure: skip with a reason.
`;

export function NewProjectPage() {
  const id = useId();
  const navigate = useNavigate();
  const create = useCreateProject();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [openNow, setOpenNow] = useState(true);
  const [numbers, setNumbers] = useState(settingsValues({}));
  const [draft, setDraft] = useState<SchemaDraft>({ questions: [] });
  const [guidelines, setGuidelines] = useState(STARTER_GUIDELINES);
  const [tried, setTried] = useState(false);
  const check = useMemo(() => checkSchemaDraft(draft), [draft]);
  const settings = parseSettings(numbers);
  const missing = [name.trim() === '' && 'a name', !check.ok && 'a valid schema', !settings.ok && 'valid settings'].filter(Boolean) as string[];

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missing.length > 0 || !settings.ok) return;
    create.mutate(
      {
        name: name.trim(),
        description,
        status: openNow ? 'active' : 'draft',
        overlapK: settings.value.overlapK,
        goldRate: settings.value.goldRate,
        leaseSeconds: settings.value.leaseSeconds,
        schema: draft,
        guidelines,
      },
      { onSuccess: (project) => navigate(`/manage/projects/${project.id}`) },
    );
  };

  return (
    <main className="page manage new-project">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/manage">Projects</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>New project</h1>
      <form onSubmit={submit} noValidate aria-describedby={tried && missing.length > 0 ? `${id}-missing` : undefined}>
        <section className="card form-section" aria-labelledby={`${id}-basics`}>
          <h2 id={`${id}-basics`}>Basics</h2>
          <div className="field">
            <label htmlFor={`${id}-name`}>Name</label>
            <input
              id={`${id}-name`}
              type="text"
              value={name}
              required
              maxLength={200}
              aria-invalid={(tried && name.trim() === '') || undefined}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-desc`}>Description</label>
            <textarea id={`${id}-desc`} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
          <SettingsFields values={numbers} onChange={setNumbers} showPriority={false} />
          <label className="inline-check">
            <input type="checkbox" checked={openNow} onChange={(e) => setOpenNow(e.target.checked)} /> Open for labeling as soon as it is created (else a draft)
          </label>
        </section>

        <section className="form-section" aria-labelledby={`${id}-schema`}>
          <h2 id={`${id}-schema`}>Task schema</h2>
          <p className="muted">The questions annotators answer for every item. The preview on the right is exactly what they will see.</p>
          <SchemaBuilder draft={draft} onChange={setDraft} />
        </section>

        <section className="card form-section" aria-labelledby={`${id}-guidelines`}>
          <h2 id={`${id}-guidelines`}>Guidelines</h2>
          <GuidelinesEditor value={guidelines} onChange={setGuidelines} />
        </section>

        <div className="form-actions sticky-actions">
          <button type="submit" className="btn primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create project'}
          </button>
          <Link to="/manage" className="btn ghost">
            Cancel
          </Link>
          {tried && missing.length > 0 && (
            <span className="input-error" id={`${id}-missing`} role="alert">
              The project needs {missing.join(', ')} first.
            </span>
          )}
          {create.isError && <ErrorMessage error={create.error} title="Not created" />}
        </div>
      </form>
    </main>
  );
}
