/**
 * A labelled form control with its hint and the server's message about it: the control gets `aria-invalid` and is
 * described by the message, so a screen reader reads the problem when the field is focused.
 */
import { useId, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/Status';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** The server's message when it names `field` (or a part of it, like `vendors[0]`), without the `field: ` prefix. */
export function fieldErrorOf(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  const f = error.field;
  if (f !== field && !f.startsWith(`${field}.`) && !f.startsWith(`${field}[`)) return undefined;
  return error.message.startsWith(`${f}: `) ? error.message.slice(f.length + 2) : error.message;
}

/** The error for the whole form, unless one of its fields shows it already. */
export function FormError({ error, fields }: { error: unknown; fields: readonly string[] }) {
  if (!error || fields.some((f) => fieldErrorOf(error, f) !== undefined)) return null;
  return <ErrorMessage error={error} />;
}

export function FormField({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        <span>{label}</span>
      </label>
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': describedBy })}
      {hint && (
        <span id={hintId} className="muted small">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
