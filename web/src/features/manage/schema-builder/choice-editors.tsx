/** Editors for the question types that choose among named values: label, multi_label and span. */
import { CheckField, NumberField, TextField } from './inputs';
import { RowList, type Row } from './RowList';
import { withProp } from './draft';
import { FIELD_PATH_HINT, type TypeEditorProps } from './type-editor-props';

/** Colours that read well as highlights on white, handed to new span labels in turn. */
const SPAN_COLOURS = ['#2a4fb8', '#c2410c', '#15803d', '#9333ea', '#be123c', '#0e7490', '#a16207', '#4d7c0f'];

function OptionRows({ q, path, problems, set }: TypeEditorProps) {
  return (
    <RowList
      legend="Options"
      path={`${path}.options`}
      problems={problems}
      rows={q.options}
      onChange={(rows) => set('options', rows)}
      rowName="option"
      newRow={(rows) => ({ value: `option_${rows.length + 1}`, label: `Option ${rows.length + 1}` })}
      renderRow={(row, j, setRow) => {
        const at = `${path}.options[${j}]`;
        const put = (key: string) => (v: unknown) => setRow(withProp(row, key, v));
        return (
          <>
            <TextField label={`Option ${j + 1} value`} path={`${at}.value`} problems={problems} value={row.value} onChange={put('value')} mono />
            <TextField label={`Option ${j + 1} label`} path={`${at}.label`} problems={problems} value={row.label} onChange={put('label')} />
            <TextField label={`Option ${j + 1} hint`} path={`${at}.hint`} problems={problems} value={row.hint} onChange={put('hint')} optional />
          </>
        );
      }}
    />
  );
}

function ContextField({ q, path, problems, set }: TypeEditorProps) {
  return (
    <TextField
      label="Item field shown"
      path={`${path}.field`}
      problems={problems}
      value={q.field}
      onChange={(v) => set('field', v)}
      optional
      mono
      hint={FIELD_PATH_HINT}
    />
  );
}

export function LabelFields(p: TypeEditorProps) {
  return (
    <>
      <ContextField {...p} />
      <OptionRows {...p} />
    </>
  );
}

export function MultiLabelFields(p: TypeEditorProps) {
  const { q, path, problems, set } = p;
  return (
    <>
      <ContextField {...p} />
      <OptionRows {...p} />
      <div className="inline-fields">
        <NumberField label="Fewest selected" path={`${path}.minSelected`} problems={problems} value={q.minSelected} onChange={(v) => set('minSelected', v)} hint="Default: 1 if required, else 0" />
        <NumberField label="Most selected" path={`${path}.maxSelected`} problems={problems} value={q.maxSelected} onChange={(v) => set('maxSelected', v)} hint="Default: every option" />
      </div>
    </>
  );
}

export function SpanFields({ q, path, problems, set }: TypeEditorProps) {
  return (
    <>
      <TextField label="Item field with the text to mark" path={`${path}.field`} problems={problems} value={q.field} onChange={(v) => set('field', v ?? '')} mono hint={FIELD_PATH_HINT} />
      <RowList
        legend="Span labels"
        path={`${path}.labels`}
        problems={problems}
        rows={q.labels}
        onChange={(rows) => set('labels', rows)}
        rowName="label"
        newRow={(rows) => ({ value: `label_${rows.length + 1}`, label: `Label ${rows.length + 1}`, color: SPAN_COLOURS[rows.length % SPAN_COLOURS.length] })}
        renderRow={(row, j, setRow) => {
          const at = `${path}.labels[${j}]`;
          const put = (key: string) => (v: unknown) => setRow(withProp(row, key, v));
          return (
            <>
              <TextField label={`Label ${j + 1} value`} path={`${at}.value`} problems={problems} value={row.value} onChange={put('value')} mono />
              <TextField label={`Label ${j + 1} name`} path={`${at}.label`} problems={problems} value={row.label} onChange={put('label')} />
              <ColourField row={row} index={j} path={`${at}.color`} problems={problems} onChange={put('color')} />
            </>
          );
        }}
      />
      <div className="inline-fields">
        <CheckField label="Spans may overlap" path={`${path}.allowOverlap`} problems={problems} checked={q.allowOverlap !== false} onChange={(v) => set('allowOverlap', v ? undefined : false)} />
        <NumberField label="Fewest spans" path={`${path}.minSpans`} problems={problems} value={q.minSpans} onChange={(v) => set('minSpans', v)} hint="Default 0: nothing to mark is an answer" />
        <NumberField label="Most spans" path={`${path}.maxSpans`} problems={problems} value={q.maxSpans} onChange={(v) => set('maxSpans', v)} hint="Empty: no limit" />
      </div>
    </>
  );
}

/** A colour picker beside the hex text, so either way of choosing works (and the text shows what is stored). */
function ColourField({ row, index, path, problems, onChange }: { row: Row; index: number; path: string; problems: TypeEditorProps['problems']; onChange: (v: unknown) => void }) {
  const colour = typeof row.color === 'string' ? row.color : '';
  const full = /^#[0-9a-f]{6}$/i.test(colour) ? colour : /^#[0-9a-f]{3}$/i.test(colour) ? `#${[...colour.slice(1)].map((c) => c + c).join('')}` : '#888888';
  return (
    <div className="colour-field">
      <input type="color" aria-label={`Label ${index + 1} colour picker`} value={full} onChange={(e) => onChange(e.target.value)} />
      <TextField label={`Label ${index + 1} colour`} path={path} problems={problems} value={row.color} onChange={onChange} optional mono placeholder="#e11d48" />
    </div>
  );
}
