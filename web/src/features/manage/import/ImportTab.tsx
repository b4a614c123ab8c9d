/**
 * Import: items (with gold answers riding along if the file has them) and, separately, a gold file. A template
 * per format shows what the import expects for this project's schema, and "Check file" validates a file without
 * writing anything, so every error can be fixed before the real import.
 */
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/queries';
import { FileUpload } from './FileUpload';
import './import.css';

interface ItemsReply {
  imported: number;
  gold: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function ImportTab({ projectId }: { projectId: string }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) });
  const items = `/api/v1/projects/${encodeURIComponent(projectId)}/items`;
  return (
    <div className="import-tab">
      <section className="card" aria-labelledby="import-items">
        <h2 id="import-items">Items</h2>
        <p className="muted">
          A JSON array, JSON Lines (one item per line) or CSV with a header row. Each record is{' '}
          <code>{'{"id": "…", "data": {…}}'}</code> or the data fields flat beside <code>id</code> and <code>priority</code>; a{' '}
          <code>gold</code> field adds a gold answer. Every line is checked against the schema in force; one bad line and nothing is
          imported.
        </p>
        <div className="template-links">
          <span>Start from an example file for this project’s schema (two items, the fields its questions read, and a gold answer):</span>
          <a className="btn" href={`${items}/template?format=jsonl`} download>
            Download template (JSONL)
          </a>
          <a className="btn" href={`${items}/template?format=csv`} download>
            Download template (CSV)
          </a>
        </div>
        <FileUpload<ItemsReply>
          label="Items file"
          url={items}
          checkUrl={`${items}?dryRun=true`}
          actionLabel="Import"
          describe={(r) => `Imported ${plural(r.imported, 'item')}${r.gold > 0 ? ` with ${plural(r.gold, 'gold answer')}` : ''}.`}
          onDone={() => void refresh()}
        />
      </section>
      <section className="card" aria-labelledby="import-gold">
        <h2 id="import-gold">Gold answers</h2>
        <p className="muted">
          Known-correct answers for items already imported, one record per item: <code>{'{"id": "…", "answers": {…}, "explanation": "…"}'}</code>.
          Annotators never see them; they measure accuracy.
        </p>
        <FileUpload<{ gold: number }>
          label="Gold file"
          url={`/api/v1/projects/${encodeURIComponent(projectId)}/gold`}
          checkUrl={`/api/v1/projects/${encodeURIComponent(projectId)}/gold?dryRun=true`}
          noun="gold answer"
          actionLabel="Import"
          describe={(r) => `Imported ${plural(r.gold, 'gold answer')}.`}
          onDone={() => void refresh()}
        />
      </section>
    </div>
  );
}
