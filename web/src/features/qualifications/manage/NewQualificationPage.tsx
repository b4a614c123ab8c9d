/**
 * `/qualifications/new`: a qualification's settings (name, domain, pass mark, items per attempt, cooldown, feedback
 * mode), the task schema its items are answered with (the project schema builder, with its JSON tab) and its
 * guidelines. Create makes it in one call and opens its gold-items tab, where the items are imported with the
 * project import screen.
 */
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/client';
import { ErrorMessage } from '../../../components/Status';
import { CreateWithSchemaPage, useCreateDraft } from '../../manage/CreateWithSchemaPage';
import { useCreateQualification } from '../queries';
import type { FeedbackMode } from '../types';
import { fieldOfServerError, parseQualification, STARTING_VALUES, type QualificationField, type QualificationValues } from './qualification-form';
import './qualifications.css';

const STARTER_GUIDELINES = `# Qualification

## What it tests
What an annotator must know to work in this domain.

## How to answer
- A rule, with an example.
`;

const FEEDBACK: { mode: FeedbackMode; label: string; hint: string }[] = [
  { mode: 'audit', label: 'Audit', hint: 'Annotators see only their result at the end.' },
  { mode: 'feedback', label: 'Feedback', hint: 'After each missed item the annotator sees its answer and explanation: a qualification that teaches.' },
];

export function NewQualificationPage() {
  const id = useId();
  const navigate = useNavigate();
  const create = useCreateQualification();
  const form = useCreateDraft(STARTER_GUIDELINES);
  const [values, setValues] = useState<QualificationValues>(STARTING_VALUES);
  const parsed = parseQualification(values);
  const problems = form.tried && !parsed.ok ? parsed.problems : {};
  const serverField = create.error instanceof ApiError ? fieldOfServerError(create.error.field) : null;
  const missing = [!parsed.ok && 'valid settings', !form.check.ok && 'a valid schema'].filter(Boolean) as string[];

  const set = (key: keyof QualificationValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues({ ...values, [key]: e.target.value });

  const submit = () => {
    if (!parsed.ok || !form.check.ok) return;
    create.mutate(
      { ...parsed.value, schema: form.draft, guidelines: form.guidelines },
      { onSuccess: (q) => navigate(`/qualifications/${q.id}/items`, { state: { created: true } }) },
    );
  };

  const field = (key: QualificationField, label: string, hint: string, input: React.InputHTMLAttributes<HTMLInputElement>) => {
    const problem = problems[key] ?? (serverField === key ? (create.error as ApiError).message : undefined);
    return (
      <div className="field">
        <label htmlFor={`${id}-${key}`}>{label}</label>
        <input
          id={`${id}-${key}`}
          value={values[key]}
          onChange={set(key)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-${key}-hint`}
          {...input}
        />
        <span id={`${id}-${key}-hint`} className={problem ? 'input-error' : 'muted small'}>
          {problem ?? hint}
        </span>
      </div>
    );
  };

  return (
    <CreateWithSchemaPage
      noun="qualification"
      back={{ to: '/qualifications', label: 'Qualifications' }}
      form={form}
      missing={missing}
      missingJoin=" and "
      onCreate={submit}
      busy={create.isPending}
      error={serverField === null ? create.error : null}
      schemaIntro="The questions each gold item is answered with. Its gold answers are imported with the items, after creating it."
      schemaError={serverField === 'schema' && <ErrorMessage error={create.error} title="The schema" />}
    >
      {field('name', 'Name', 'What annotators see, e.g. “Medicine: triage basics”', { type: 'text', maxLength: 200, required: true })}
      <div className="field">
        <label htmlFor={`${id}-desc`}>Description</label>
        <textarea id={`${id}-desc`} rows={2} value={values.description} onChange={set('description')} />
      </div>
      <div className="settings-fields">
        {field('domain', 'Domain', 'Passing grants skill in it; a lowercase path such as medicine/cardiology', {
          type: 'text',
          required: true,
          autoCapitalize: 'none',
          spellCheck: false,
        })}
        {field('passPercent', 'Pass mark (%)', 'Share of an attempt’s items answered correctly to pass', { type: 'number', min: 0, max: 100, step: 'any' })}
        {field('attemptSize', 'Items per attempt', 'Each attempt takes items the annotator has not seen', { type: 'number', min: 1, max: 10000, step: 1 })}
        {field('cooldownHours', 'Cooldown (hours)', 'After a failed attempt, the wait before a retake', { type: 'number', min: 0, step: 'any' })}
      </div>
      <fieldset className="format-choice">
        <legend>Feedback mode</legend>
        {FEEDBACK.map((f) => (
          <label key={f.mode} className={`format-option ${values.feedback === f.mode ? 'selected' : ''}`}>
            <input type="radio" name={`${id}-feedback`} value={f.mode} checked={values.feedback === f.mode} onChange={() => setValues({ ...values, feedback: f.mode })} />
            <span>
              <strong>{f.label}</strong>
              <span className="muted small">{f.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </CreateWithSchemaPage>
  );
}
