/** Loading, error and empty states, the same everywhere; errors show the server's message and the field it names. */
import { ApiError } from '../api/client';

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="status loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}…
    </div>
  );
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.field ? `${error.message} (field: ${error.field})` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  return (
    <div className="status error" role="alert">
      {title && <strong>{title}: </strong>}
      {errorText(error)}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <div className="status empty">{children}</div>;
}
