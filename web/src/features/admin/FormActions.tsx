/** Cancel and submit at the foot of a dialog's form; while the request runs, submit is disabled and says so. */
export function FormActions({ onCancel, submit, busy, busyLabel }: { onCancel: () => void; submit: string; busy: boolean; busyLabel: string }) {
  return (
    <div className="dialog-actions">
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="btn primary" disabled={busy}>
        {busy ? busyLabel : submit}
      </button>
    </div>
  );
}
