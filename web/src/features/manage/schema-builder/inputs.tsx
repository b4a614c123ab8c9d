/**
 * The builder's form controls. Each knows the error path of the schema property it edits
 * (`questions[0].options[1].value`), so the parser's message appears under the input it is about, linked by
 * `aria-describedby` and marked `aria-invalid`. Empty optional inputs write `undefined`: the property is left out.
 */
import { useId } from 'react';
import { problemsAt, type SchemaProblem } from './draft';

interface Common {
  label: string;
  /** Error path of the property, e.g. `questions[2].prompt`. */
  path: string;
  problems: readonly SchemaProblem[];
  hint?: string;
  className?: string;
}

/** The messages at `path`, shown under a control or a group. */
export function FieldProblems({ problems, path, id }: { problems: readonly SchemaProblem[]; path: string; id?: string }) {
  const here = problemsAt(problems, path);
  if (here.length === 0) return null;
  return (
    <span className="input-error" id={id}>
      {here.map((p) => p.message).join(' · ')}
    </span>
  );
}

function useDescribed(problems: readonly SchemaProblem[], path: string, hint?: string) {
  const id = useId();
  const invalid = problemsAt(problems, path).length > 0;
  const describedBy = [invalid ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return { id, invalid, describedBy };
}

export function TextField({
  label,
  path,
  problems,
  hint,
  className,
  value,
  onChange,
  optional,
  multiline,
  placeholder,
  mono,
}: Common & {
  value: unknown;
  onChange: (v: string | undefined) => void;
  /** Empty means "leave the property out". */
  optional?: boolean;
  multiline?: boolean;
  placeholder?: string;
  mono?: boolean;
}) {
  const { id, invalid, describedBy } = useDescribed(problems, path, hint);
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  const props = {
    id,
    'data-path': path,
    value: text,
    placeholder,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    className: mono ? 'mono' : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      onChange(optional && e.target.value === '' ? undefined : e.target.value),
  };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="muted small"> (optional)</span>}
      </label>
      {multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />}
      {hint && (
        <span className="muted small" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <FieldProblems problems={problems} path={path} id={`${id}-err`} />
    </div>
  );
}

/** An integer (or, with `step="any"`, a decimal) property; empty writes `undefined` (the parser's default). */
export function NumberField({
  label,
  path,
  problems,
  hint,
  className,
  value,
  onChange,
  decimal,
}: Common & { value: unknown; onChange: (v: number | undefined) => void; decimal?: boolean }) {
  const { id, invalid, describedBy } = useDescribed(problems, path, hint);
  return (
    <div className={`field number ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-path={path}
        type="number"
        step={decimal ? 'any' : 1}
        value={typeof value === 'number' ? value : ''}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
      {hint && (
        <span className="muted small" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <FieldProblems problems={problems} path={path} id={`${id}-err`} />
    </div>
  );
}

export function CheckField({
  label,
  path,
  problems,
  checked,
  onChange,
}: Omit<Common, 'hint' | 'className'> & { checked: boolean; onChange: (v: boolean) => void }) {
  const { id, invalid, describedBy } = useDescribed(problems, path);
  return (
    <div className="field check">
      <label htmlFor={id}>
        <input
          id={id}
          data-path={path}
          type="checkbox"
          checked={checked}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.checked)}
        />{' '}
        {label}
      </label>
      <FieldProblems problems={problems} path={path} id={`${id}-err`} />
    </div>
  );
}

export function SelectField<V extends string>({
  label,
  path,
  problems,
  value,
  options,
  onChange,
}: Omit<Common, 'hint' | 'className'> & { value: V | ''; options: readonly { value: V; label: string }[]; onChange: (v: V) => void }) {
  const { id, invalid, describedBy } = useDescribed(problems, path);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-path={path} value={value} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value as V)}>
        {value === '' && <option value="">Choose…</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldProblems problems={problems} path={path} id={`${id}-err`} />
    </div>
  );
}
