/** The project's name, description and status, and how work is served: gold rate and feedback, lease, priority. */
import type { Project } from '../../../api/types';
import { STATUS_NAMES, type ProjectStatus } from '../ProjectStatus';
import type { ProjectPatch } from '../queries';
import { describeLease } from '../settings-fields';
import { Field, NumberField } from './Field';
import { useBody, usePart } from './form';
import { parsePercent, parseWhole, percentText, problemOf } from './numbers';
import { FormSection } from './SettingsSection';

const STATUSES = Object.keys(STATUS_NAMES) as ProjectStatus[];
type GoldFeedback = NonNullable<Project['goldFeedback']>;

interface GeneralValues {
  name: string;
  description: string;
  status: ProjectStatus;
  goldPercent: string;
  goldFeedback: GoldFeedback;
  leaseSeconds: string;
  priority: string;
}

const FIELDS = ['name', 'description', 'status', 'goldRate', 'goldFeedback', 'leaseSeconds', 'priority'] as const;

function valuesOf(p: Project): GeneralValues {
  return {
    name: p.name,
    description: p.description,
    status: p.status,
    goldPercent: percentText(p.goldRate ?? 0),
    goldFeedback: p.goldFeedback ?? 'audit',
    leaseSeconds: String(p.leaseSeconds ?? 3600),
    priority: String(p.priority ?? 0),
  };
}

export function GeneralSection({ project }: { project: Project }) {
  const { draft, set, dirty } = usePart('general', 'General', valuesOf(project));

  const gold = parsePercent(draft.goldPercent, { min: 0, max: 100 });
  const lease = parseWhole(draft.leaseSeconds, 10, 604_800);
  const priority = parseWhole(draft.priority, -1_000_000_000, 1_000_000_000);
  const nameProblem = draft.name.trim() === '' ? 'A project needs a name' : undefined;
  const valid = !nameProblem && 'share' in gold && 'value' in lease && 'value' in priority;
  const body: ProjectPatch | null =
    valid
      ? {
          name: draft.name.trim(),
          description: draft.description,
          status: draft.status,
          goldRate: gold.share,
          goldFeedback: draft.goldFeedback,
          leaseSeconds: lease.value,
          priority: priority.value,
        }
      : null;
  const error = useBody('general', { title: 'General', target: 'project', fields: FIELDS, body });

  return (
    <FormSection title="General" dirty={dirty} error={error}>
      <Field label="Name" problem={nameProblem} serverFields={['name']}>
        {(props) => <input {...props} type="text" value={draft.name} required onChange={(e) => set({ name: e.target.value })} />}
      </Field>
      <Field label="Description" serverFields={['description']}>
        {(props) => <textarea {...props} rows={3} value={draft.description} onChange={(e) => set({ description: e.target.value })} />}
      </Field>
      <div className="settings-grid">
        <Field label="Status" serverFields={['status']} hint="Only open projects hand out tasks">
          {(props) => (
            <select {...props} value={draft.status} onChange={(e) => set({ status: e.target.value as ProjectStatus })}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_NAMES[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <NumberField
          label="Gold rate (%)"
          hint="Share of served tasks that are hidden gold items"
          problem={problemOf(gold)}
          serverFields={['goldRate']}
          min={0}
          max={100}
          step="any"
          value={draft.goldPercent}
          onChange={(goldPercent) => set({ goldPercent })}
        />
        <Field label="After a missed gold item" hint="Feedback teaches; audit measures without the annotator knowing" serverFields={['goldFeedback']}>
          {(props) => (
            <select {...props} value={draft.goldFeedback} onChange={(e) => set({ goldFeedback: e.target.value as GoldFeedback })}>
              <option value="audit">Say nothing (audit)</option>
              <option value="feedback">Show the gold answer (feedback)</option>
            </select>
          )}
        </Field>
        <NumberField
          label="Lease (seconds)"
          hint={`How long a task stays reserved for its annotator ${describeLease(draft.leaseSeconds)}`}
          problem={problemOf(lease)}
          serverFields={['leaseSeconds']}
          min={10}
          max={604800}
          value={draft.leaseSeconds}
          onChange={(leaseSeconds) => set({ leaseSeconds })}
        />
        <NumberField
          label="Priority"
          hint="Higher-priority projects are served first"
          problem={'problem' in priority ? 'A whole number (higher is served first)' : undefined}
          serverFields={['priority']}
          value={draft.priority}
          onChange={(priority) => set({ priority })}
        />
      </div>
    </FormSection>
  );
}
