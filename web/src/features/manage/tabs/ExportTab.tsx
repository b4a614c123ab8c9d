/**
 * Export: the annotations with their provenance, as JSON Lines or CSV. A plain link downloads it: the session
 * cookie goes with it and the server streams the file, however large. Gold items are kept out of training data:
 * annotations on hidden gold items are left out unless the manager asks for them, and then every row says `is_gold`.
 * Optionally each row also carries its item's aggregated answer and confidence per question (`?aggregate=true`).
 * The count above the button is what the file will hold for the chosen options, read from the server's own count of
 * the export's rows (`export/count`), so the two never disagree.
 */
import { useId, useState } from 'react';
import { plural } from '@core/figures/counts';
import { ErrorMessage } from '../../../components/Status';
import { useExportCount } from '../queries';

const FORMATS = [
  { value: 'jsonl', name: 'JSON Lines', detail: 'One annotation per line with its item data and answers as JSON. Best for code.' },
  { value: 'csv', name: 'CSV', detail: 'One row per annotation, one column per question (answer.<id>). Opens in a spreadsheet.' },
] as const;

type Format = (typeof FORMATS)[number]['value'];

export interface ExportChoice {
  format: Format;
  aggregate: boolean;
  includeGold: boolean;
}

/** The export's download address. */
export function exportHref(projectId: string, { format, aggregate, includeGold }: ExportChoice): string {
  const query = new URLSearchParams({ format });
  if (aggregate) query.set('aggregate', 'true');
  if (includeGold) query.set('includeGold', 'true');
  return `/api/v1/projects/${encodeURIComponent(projectId)}/export?${query}`;
}

/** What the file will hold, in words: "65 annotations on 33 items. 6 annotations on 3 gold items are left out." */
export function exportContents(c: { rows: number; items: number; goldRows: number; goldItems: number; includeGold: boolean; excludePaused: boolean }): string[] {
  const lines = [`${plural(c.rows, 'annotation')} on ${plural(c.items, 'item')} will be in the file.`];
  if (c.goldRows > 0) {
    lines.push(
      c.includeGold
        ? `${plural(c.goldRows, 'annotation')} on ${plural(c.goldItems, 'gold item')} are among them, marked is_gold.`
        : `${plural(c.goldRows, 'annotation')} on ${plural(c.goldItems, 'gold item')} ${c.goldRows === 1 ? 'is' : 'are'} left out.`,
    );
  }
  if (c.excludePaused) lines.push('Annotations by annotators the quality gate paused are left out (the project’s setting).');
  return lines;
}

export function ExportTab({ projectId }: { projectId: string }) {
  const id = useId();
  const [format, setFormat] = useState<Format>('jsonl');
  const [aggregate, setAggregate] = useState(false);
  const [includeGold, setIncludeGold] = useState(false);
  const count = useExportCount(projectId, includeGold);
  const href = exportHref(projectId, { format, aggregate, includeGold });
  return (
    <section className="card export-tab" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Export annotations</h2>
      <p className="muted">Each annotation with its item, annotator pseudonym, vendor, schema and guideline versions and time spent.</p>
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
        <label className={`format-option ${includeGold ? 'selected' : ''}`}>
          <input type="checkbox" checked={includeGold} onChange={(e) => setIncludeGold(e.target.checked)} />
          <span>
            <strong>Include annotations on gold items</strong>
            <span className="muted small">
              Left out by default, so the gold never trains a model by accident. Included, each {format === 'csv' ? 'row' : 'line'} says is_gold; the gold answers themselves are never exported.
            </span>
          </span>
        </label>
      </fieldset>
      <div className="export-count" aria-live="polite">
        {count.isError ? (
          <ErrorMessage error={count.error} title="The export could not be counted" />
        ) : count.data ? (
          exportContents(count.data).map((line) => (
            <p key={line} className={line.includes('will be in the file') ? 'export-total' : 'muted small'}>
              {line}
            </p>
          ))
        ) : (
          <p className="muted">Counting…</p>
        )}
      </div>
      <a className="btn primary" href={href} download>
        Download {format === 'csv' ? 'CSV' : 'JSON Lines'}
      </a>
    </section>
  );
}
