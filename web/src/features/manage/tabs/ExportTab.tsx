/**
 * Export: every annotation with its provenance, as JSON Lines or CSV. A plain link downloads it: the session
 * cookie goes with it and the server streams the file, however large.
 */
import { useId, useState } from 'react';
import { useProgress } from '../../../api/queries';

const FORMATS = [
  { value: 'jsonl', name: 'JSON Lines', detail: 'One annotation per line with its item data and answers as JSON. Best for code.' },
  { value: 'csv', name: 'CSV', detail: 'One row per annotation, one column per question (answer.<id>). Opens in a spreadsheet.' },
] as const;

export function ExportTab({ projectId }: { projectId: string }) {
  const id = useId();
  const [format, setFormat] = useState<(typeof FORMATS)[number]['value']>('jsonl');
  const judgments = useProgress(projectId).data?.judgments;
  const href = `/api/v1/projects/${encodeURIComponent(projectId)}/export?format=${format}`;
  return (
    <section className="card export-tab" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Export annotations</h2>
      <p className="muted">
        {judgments === undefined ? 'Every annotation' : `${judgments.toLocaleString()} annotation${judgments === 1 ? '' : 's'}`}, each with its item, annotator
        pseudonym, vendor, schema and guideline versions and time spent.
      </p>
      <fieldset className="format-choice">
        <legend>Format</legend>
        {FORMATS.map((f) => (
          <label key={f.value} className={`format-option ${format === f.value ? 'selected' : ''}`}>
            <input type="radio" name={`${id}-format`} value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} />
            <span>
              <strong>{f.name}</strong>
              <span className="muted small">{f.detail}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <a className="btn primary" href={href} download>
        Download {format === 'csv' ? 'CSV' : 'JSON Lines'}
      </a>
    </section>
  );
}
