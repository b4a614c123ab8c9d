/** Settings: name, description, status, overlap, gold rate, lease, priority and which vendors may work here. */
import { useId, useState } from 'react';
import type { Project } from '../../../api/types';
import { ErrorMessage, Loading } from '../../../components/Status';
import { STATUS_NAMES, type ProjectStatus } from '../ProjectStatus';
import { parseSettings, settingsValues, SettingsFields } from '../settings-fields';
import { useUpdateProject, useVendors, type ProjectPatch } from '../queries';

const STATUSES = Object.keys(STATUS_NAMES) as ProjectStatus[];

export function SettingsTab({ project }: { project: Project }) {
  // The form remounts whenever the project changes (a save, or a status action in the header), so it always
  // starts from what the server holds; "saved" stays shown until something else changes the project.
  const [savedAt, setSavedAt] = useState<string | null>(null);
  return <SettingsForm key={project.updatedAt} project={project} saved={savedAt === project.updatedAt} onSaved={setSavedAt} />;
}

function SettingsForm({ project, saved, onSaved }: { project: Project; saved: boolean; onSaved: (updatedAt: string) => void }) {
  const id = useId();
  const update = useUpdateProject(project.id);
  const vendors = useVendors();
  const [name, setName] = useState(project.name);
  const [description, setDescription] = useState(project.description);
  const [status, setStatus] = useState<ProjectStatus>(project.status);
  const [numbers, setNumbers] = useState(settingsValues(project));
  const listed = project.vendors ?? [];
  const [restricted, setRestricted] = useState(listed.length > 0);
  const [enabled, setEnabled] = useState<Set<string>>(new Set(listed.filter((v) => v.enabled).map((v) => v.vendorId)));
  const parsed = parseSettings(numbers);

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    if (!parsed.ok || name.trim() === '') return;
    const patch: ProjectPatch = {
      name: name.trim(),
      description,
      status,
      ...parsed.value,
      vendors: restricted ? (vendors.data?.items ?? []).map((v) => ({ vendorId: v.id, enabled: enabled.has(v.id) })) : [],
    };
    update.mutateAsync(patch).then((p) => onSaved(p.updatedAt ?? ''), () => undefined);
  };
  const kChanged = parsed.ok && parsed.value.overlapK !== project.overlapK;

  return (
    <form className="settings-tab card" onSubmit={save} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} type="text" value={name} required aria-invalid={name.trim() === '' || undefined} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-desc`}>Description</label>
        <textarea id={`${id}-desc`} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <div className="field narrow">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as ProjectStatus)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_NAMES[s]}
            </option>
          ))}
        </select>
      </div>
      <SettingsFields values={numbers} onChange={setNumbers} />
      {kChanged && (
        <p className="status warn small">
          Changing k from {project.overlapK} reopens items that now need more judgments, or completes those that have enough.
        </p>
      )}
      <fieldset className="vendors-setting">
        <legend>Who may work on this project</legend>
        <label className="inline-check">
          <input type="radio" name={`${id}-vendors`} checked={!restricted} onChange={() => setRestricted(false)} /> Every annotator in the organization
        </label>
        <label className="inline-check">
          <input type="radio" name={`${id}-vendors`} checked={restricted} onChange={() => setRestricted(true)} /> Only annotators of these vendors:
        </label>
        {vendors.isPending ? (
          <Loading label="Loading vendors" />
        ) : vendors.isError ? (
          <ErrorMessage error={vendors.error} />
        ) : (
          <ul className="vendor-list">
            {vendors.data.items.map((v) => (
              <li key={v.id}>
                <label className="inline-check">
                  <input
                    type="checkbox"
                    disabled={!restricted}
                    checked={restricted && enabled.has(v.id)}
                    onChange={(e) => {
                      const next = new Set(enabled);
                      if (e.target.checked) next.add(v.id);
                      else next.delete(v.id);
                      setEnabled(next);
                    }}
                  />{' '}
                  {v.name}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={!parsed.ok || name.trim() === '' || update.isPending}>
          {update.isPending ? 'Saving…' : 'Save settings'}
        </button>
        {saved && (
          <span className="status ok" role="status">
            Settings saved.
          </span>
        )}
        {update.isError && <ErrorMessage error={update.error} title="Not saved" />}
      </div>
    </form>
  );
}
