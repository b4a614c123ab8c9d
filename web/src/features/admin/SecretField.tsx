/** A one-time secret (API token, generated password): read-only, selected whole on focus, with a copy button. */
import { CopyButton } from './CopyButton';

export function SecretField({ label, value }: { label: string; value: string }) {
  return (
    <div className="field secret-field">
      <label>
        <span>{label}</span>
        <input type="text" readOnly value={value} spellCheck={false} autoComplete="off" onFocus={(e) => e.currentTarget.select()} className="secret" />
      </label>
      <CopyButton text={value} label={`Copy ${label.toLowerCase()}`} />
    </div>
  );
}
