/**
 * One labelled control of a settings section, with its hint, the problem found while typing (in place of the hint)
 * and the server's message when its `error.field` names this control (announced, since it comes after a save).
 * The control is `aria-invalid` and described by whichever message is shown. The section's failed save reaches its
 * fields through `SectionErrorContext` (SettingsSection provides it), so a section names each field's server field
 * only.
 */
import { createContext, useContext, useId, type ReactNode } from 'react';
import { fieldErrorOf } from '../../admin/FormField';

/** The last failed save of the section a field stands in. */
export const SectionErrorContext = createContext<unknown>(undefined);

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string;
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** What is wrong with the typed value, found before sending. */
  problem?: string | undefined;
  /** The server field names this control answers for. */
  serverFields?: readonly string[];
  className?: string;
  children: (props: ControlProps) => ReactNode;
}

/** The server's message for the first of `fields` that it names, if any. */
export function serverMessage(error: unknown, fields: readonly string[] = []): string | undefined {
  for (const f of fields) {
    const m = fieldErrorOf(error, f);
    if (m !== undefined) return m;
  }
  return undefined;
}

export function Field({ label, hint, problem, serverFields, className, children }: FieldProps) {
  const id = useId();
  const server = serverMessage(useContext(SectionErrorContext), serverFields);
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>
        <span>{label}</span>
      </label>
      {children({ id, 'aria-invalid': problem || server ? true : undefined, 'aria-describedby': `${id}-note` })}
      {server ? (
        <span id={`${id}-note`} className="input-error" role="alert">
          {server}
        </span>
      ) : (
        <span id={`${id}-note`} className={problem ? 'input-error' : 'muted small'}>
          {problem ?? hint}
        </span>
      )}
    </div>
  );
}

/**
 * A number typed into a section's draft. The draft keeps the text as typed (a half-typed "0." stays), and the
 * section parses it; `step="any"` for percentages, whole numbers step by 1.
 */
export function NumberField({
  value,
  onChange,
  min,
  max,
  step = 1,
  ...field
}: Omit<FieldProps, 'children'> & { value: string; onChange: (text: string) => void; min?: number; max?: number; step?: number | 'any' }) {
  return <Field {...field}>{(props) => <input {...props} type="number" min={min} max={max} step={step} value={value} onChange={(e) => onChange(e.target.value)} />}</Field>;
}

/** A checkbox with its label beside it and a note under it (the server's message when it names the field). */
export function CheckField({
  label,
  hint,
  checked,
  onChange,
  serverFields,
}: {
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  serverFields?: readonly string[];
}) {
  const id = useId();
  const server = serverMessage(useContext(SectionErrorContext), serverFields);
  return (
    <div className="field check-field">
      <label className="inline-check" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint || server ? `${id}-note` : undefined} aria-invalid={server ? true : undefined} />
        <span>{label}</span>
      </label>
      {server ? (
        <span id={`${id}-note`} className="input-error" role="alert">
          {server}
        </span>
      ) : (
        hint && (
          <span id={`${id}-note`} className="muted small">
            {hint}
          </span>
        )
      )}
    </div>
  );
}
