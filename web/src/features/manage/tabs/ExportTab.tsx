/**
 * Export: every annotation with its provenance, as JSON Lines or CSV. A plain link downloads it: the session
 * cookie goes with it and the server streams the file, however large. Optionally each row also carries its item's
 * aggregated answer and confidence per question (`?aggregate=true`), for a dataset with its labels already decided.
 */
import { useId, useState } from 'react';
import { useProgress } from '../../../api/queries';

const FORMATS = [
  { value: 'jsonl', name: 'JSON Lines', detail: 'One annotation per line with its item data and answers as JSON. Best for code.' },
  { value: 'csv', name: 'CSV', detail: 'One row per annotation, one column per question (answer.<id>). Opens in a spreadsheet.' },
] as const;

type Format = (typeof FORMATS)[number]['value'];

/** The export's download address. */
export function exportHref(projectId: string, format: Format, aggregate: boolean): string {
  const query = new URLSearchParams({ format });
  if (aggregate) query.set('aggregate', 'true');
  return `/api/v1/projects/${encodeURIComponent(projectId)}/export?${query}`;
}

export function ExportTab({ projectId }: { projectId: string }) {
  const id = useId();
  const [format, setFormat] = useState<Format>('jsonl');
  const [aggregate, setAggregate] = useState(false);
  const judgments = useProgress(projectId).data?.judgments;
  const href = exportHref(projectId, format, aggregate);
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
      <fieldset className="format-choice">
        <legend>Contents</legend>
        <label className={`format-option ${aggregate ? 'selected' : ''}`}>
          <input type="checkbox" checked={aggregate} onChange={(e) => setAggregate(e.target.checked)} />
          <span>
            <strong>Include the aggregated answer and its confidence</strong>
            <span className="muted small">
              {format === 'csv'
                ? 'Adds an aggregate.<id> and a confidence.<id> column per question: the item’s answer from the quality engine.'
                : 'Adds an aggregate field to every line: per question, the item’s answer from the quality engine, its confidence, method and n.'}
            </span>
          </span>
        </label>
      </fieldset>
      <a className="btn primary" href={href} download>
        Download {format === 'csv' ? 'CSV' : 'JSON Lines'}
      </a>
    </section>
  );
}
