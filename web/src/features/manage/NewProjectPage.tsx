/**
 * `/manage/new`: name and settings, the task schema in the builder (with its live preview) and the first
 * guidelines; Create sends them in one call and opens the new project.
 */
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { CreateWithSchemaPage, useCreateDraft } from './CreateWithSchemaPage';
import { parseSettings, settingsValues, SettingsFields } from './settings-fields';
import { useCreateProject } from './queries';
import { NEW_PROJECT_DEFAULTS, NEW_PROJECT_DEFAULT_REASONS } from '@core/project-defaults';

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
  const form = useCreateDraft(STARTER_GUIDELINES);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [openNow, setOpenNow] = useState(true);
  const [numbers, setNumbers] = useState(settingsValues(NEW_PROJECT_DEFAULTS));
  const settings = parseSettings(numbers);
  const missing = [name.trim() === '' && 'a name', !form.check.ok && 'a valid schema', !settings.ok && 'valid settings'].filter(Boolean) as string[];

  const submit = () => {
    if (missing.length > 0 || !settings.ok) return;
    create.mutate(
      {
        name: name.trim(),
        description,
        status: openNow ? 'active' : 'draft',
        overlapK: settings.value.overlapK,
        goldRate: settings.value.goldRate,
        leaseSeconds: settings.value.leaseSeconds,
        schema: form.draft,
        guidelines: form.guidelines,
      },
      // The next step is the items: a new project has nothing to show on its overview yet.
      { onSuccess: (project) => navigate(`/manage/projects/${project.id}/import`, { state: { created: true } }) },
    );
  };

  return (
    <CreateWithSchemaPage
      noun="project"
      back={{ to: '/manage', label: 'Projects' }}
      form={form}
      missing={missing}
      onCreate={submit}
      busy={create.isPending}
      error={create.error}
      schemaIntro="The questions annotators answer for every item. The preview on the right is exactly what they will see."
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          type="text"
          value={name}
          required
          maxLength={200}
          aria-invalid={(form.tried && name.trim() === '') || undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-desc`}>Description</label>
        <textarea id={`${id}-desc`} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <SettingsFields values={numbers} onChange={setNumbers} showPriority={false} />
      <DefaultsExplained values={numbers} />
      <label className="inline-check">
        <input type="checkbox" checked={openNow} onChange={(e) => setOpenNow(e.target.checked)} /> Open for labeling as soon as it is created (else a draft)
      </label>
    </CreateWithSchemaPage>
  );
}

/** Why a new project starts with overlap and gold, shown while the fields still hold those defaults. */
function DefaultsExplained({ values }: { values: ReturnType<typeof settingsValues> }) {
  const k = Number(values.overlapK);
  const gold = Number(values.goldPercent);
  return (
    <div className="defaults-explained muted small" aria-live="polite">
      <p>
        <strong>Why {k >= 2 ? `${k} judgments per item` : 'more than one judgment'}:</strong> {NEW_PROJECT_DEFAULT_REASONS.overlapK}
        {k < 2 && ' With overlap 1 this project will show no agreement and no confidence beyond the model’s guess.'}
      </p>
      <p>
        <strong>Why {gold > 0 ? `${values.goldPercent} % gold` : 'gold'}:</strong> {NEW_PROJECT_DEFAULT_REASONS.goldRate}
        {gold === 0 && ' With no gold, nobody’s accuracy can be measured and no quality gate can run.'}
      </p>
    </div>
  );
}
