/**
 * Guidelines in Markdown: the source and, beside it, the rendering annotators will see in their side panel
 * (the same Markdown component, so the preview is exact). Controlled.
 */
import { useId } from 'react';
import { Markdown } from '../../../components/Markdown';

export function GuidelinesEditor({ value, onChange, label = 'Guidelines (Markdown)' }: { value: string; onChange: (v: string) => void; label?: string }) {
  const id = useId();
  return (
    <div className="guidelines-editor">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea id={id} className="guidelines-source" value={value} onChange={(e) => onChange(e.target.value)} rows={18} spellCheck />
        <span className="muted small">
          {value.length.toLocaleString()} characters · Markdown: # headings, **bold**, - lists, [links](https://…), tables
        </span>
      </div>
      <section className="guidelines-preview" aria-label="Guidelines preview">
        <div className="preview-label">Preview</div>
        {value.trim() === '' ? <p className="muted">Nothing written yet.</p> : <Markdown source={value} />}
      </section>
    </div>
  );
}
