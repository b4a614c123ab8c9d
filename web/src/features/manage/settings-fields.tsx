/**
 * The numeric project settings as a form section, shared by the new-project page and the Settings tab: values
 * are kept as typed (strings) and checked against the server's limits before anything is sent.
 */
import { useId } from 'react';

export interface SettingsValues {
  overlapK: string;
  /** Percent, 0–100 (the API takes a share, 0–1). */
  goldPercent: string;
  leaseSeconds: string;
  priority: string;
}

export interface SettingsNumbers {
  overlapK: number;
  goldRate: number;
  leaseSeconds: number;
  priority: number;
}

export function settingsValues(p: { overlapK?: number; goldRate?: number; leaseSeconds?: number; priority?: number }): SettingsValues {
  return {
    overlapK: String(p.overlapK ?? 1),
    goldPercent: String(Math.round((p.goldRate ?? 0) * 1000) / 10),
    leaseSeconds: String(p.leaseSeconds ?? 3600),
    priority: String(p.priority ?? 0),
  };
}

type Problems = Partial<Record<keyof SettingsValues, string>>;

const isInt = (s: string) => /^-?\d+$/.test(s.trim());

/** The numbers, or what is wrong with each field (the server's limits). */
export function parseSettings(v: SettingsValues): { ok: true; value: SettingsNumbers } | { ok: false; problems: Problems } {
  const problems: Problems = {};
  const k = Number(v.overlapK);
  if (!isInt(v.overlapK) || k < 1 || k > 100) problems.overlapK = 'A whole number from 1 to 100';
  const gold = Number(v.goldPercent);
  if (v.goldPercent.trim() === '' || !(gold >= 0 && gold <= 100)) problems.goldPercent = 'A percentage from 0 to 100';
  const lease = Number(v.leaseSeconds);
  if (!isInt(v.leaseSeconds) || lease < 10 || lease > 604_800) problems.leaseSeconds = 'Whole seconds from 10 to 604,800 (7 days)';
  if (!isInt(v.priority)) problems.priority = 'A whole number (higher is served first)';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, value: { overlapK: k, goldRate: gold / 100, leaseSeconds: lease, priority: Number(v.priority) } };
}

/** "= 1.5 h" beside a lease typed in seconds. */
export const describeLease = (s: string) => {
  const n = Number(s);
  if (!Number.isFinite(n) || n <= 0) return '';
  return n >= 3600 ? `= ${+(n / 3600).toFixed(2)} h` : n >= 60 ? `= ${+(n / 60).toFixed(1)} min` : '';
};

export function SettingsFields({ values, onChange, showPriority = true }: { values: SettingsValues; onChange: (v: SettingsValues) => void; showPriority?: boolean }) {
  const id = useId();
  const parsed = parseSettings(values);
  const problems = parsed.ok ? {} : parsed.problems;
  const field = (key: keyof SettingsValues, label: string, hint: string, extra: Partial<React.InputHTMLAttributes<HTMLInputElement>> = {}) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="number"
        value={values[key]}
        aria-invalid={problems[key] ? true : undefined}
        aria-describedby={`${id}-${key}-hint`}
        onChange={(e) => onChange({ ...values, [key]: e.target.value })}
        {...extra}
      />
      <span id={`${id}-${key}-hint`} className={problems[key] ? 'input-error' : 'muted small'}>
        {problems[key] ?? hint}
      </span>
    </div>
  );
  return (
    <div className="settings-fields">
      {field('overlapK', 'Overlap k', 'Judgments per item, each by a different annotator', { min: 1, max: 100, step: 1 })}
      {field('goldPercent', 'Gold rate (%)', 'Share of served tasks that are gold items', { min: 0, max: 100, step: 'any' })}
      {field('leaseSeconds', 'Lease (seconds)', `How long a task stays reserved for its annotator ${describeLease(values.leaseSeconds)}`, { min: 10, max: 604800, step: 1 })}
      {showPriority && field('priority', 'Priority', 'Higher-priority projects are served first', { step: 1 })}
    </div>
  );
}
