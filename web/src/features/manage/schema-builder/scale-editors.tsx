/** Editors for the question types on numeric scales: rating, pairwise and rubric. */
import { CheckField, FieldProblems, NumberField, TextField } from './inputs';
import { RowList } from './RowList';
import { withProp, type SchemaProblem } from './draft';
import { FIELD_PATH_HINT, type TypeEditorProps } from './type-editor-props';

/** More points than this get no per-point inputs (a 0–100 scale); the JSON tab can still label them. */
const MAX_LABELLED_POINTS = 21;

/** One text input per point of the scale; an emptied input removes that point's label. */
function PointLabels({
  path,
  problems,
  min,
  max,
  step,
  labels,
  onChange,
  describe,
}: {
  path: string;
  problems: readonly SchemaProblem[];
  min: unknown;
  max: unknown;
  step: unknown;
  labels: unknown;
  onChange: (labels: Record<string, string> | undefined) => void;
  /** What a point means, shown as its placeholder ("A is better"). */
  describe?: (point: number) => string;
}) {
  const current = typeof labels === 'object' && labels !== null && !Array.isArray(labels) ? (labels as Record<string, string>) : {};
  const s = typeof step === 'number' && step >= 1 ? step : 1;
  const valid = Number.isInteger(min) && Number.isInteger(max) && (max as number) > (min as number);
  const count = valid ? Math.floor(((max as number) - (min as number)) / s) + 1 : 0;
  return (
    <fieldset className="point-labels">
      <legend>Point labels (optional)</legend>
      <FieldProblems problems={problems} path={`${path}.labels`} />
      {!valid ? (
        <p className="muted small">Set the scale’s ends to label its points.</p>
      ) : count > MAX_LABELLED_POINTS ? (
        <p className="muted small">{count} points: label them in the JSON tab.</p>
      ) : (
        <div className="points">
          {Array.from({ length: count }, (_, k) => (min as number) + k * s).map((point) => (
            <TextField
              key={point}
              label={`Point ${point}`}
              path={`${path}.labels.${point}`}
              problems={problems}
              value={current[String(point)]}
              placeholder={describe?.(point)}
              optional
              onChange={(v) => {
                const next = withProp(current, String(point), v);
                onChange(Object.keys(next).length === 0 ? undefined : next);
              }}
            />
          ))}
        </div>
      )}
    </fieldset>
  );
}

export function RatingFields({ q, path, problems, set }: TypeEditorProps) {
  return (
    <>
      <TextField label="Item field shown" path={`${path}.field`} problems={problems} value={q.field} onChange={(v) => set('field', v)} optional mono hint={FIELD_PATH_HINT} />
      <div className="inline-fields">
        <NumberField label="Lowest point" path={`${path}.min`} problems={problems} value={q.min} onChange={(v) => set('min', v)} />
        <NumberField label="Highest point" path={`${path}.max`} problems={problems} value={q.max} onChange={(v) => set('max', v)} />
        <NumberField label="Step" path={`${path}.step`} problems={problems} value={q.step} onChange={(v) => set('step', v)} hint="Default 1" />
      </div>
      <PointLabels path={path} problems={problems} min={q.min} max={q.max} step={q.step} labels={q.labels} onChange={(v) => set('labels', v)} />
    </>
  );
}

export function PairwiseFields({ q, path, problems, set }: TypeEditorProps) {
  const scale = typeof q.scale === 'object' && q.scale !== null ? (q.scale as Record<string, unknown>) : {};
  const setScale = (key: string, v: unknown) => set('scale', withProp(scale, key, v));
  return (
    <>
      <div className="inline-fields">
        <TextField label="Prompt field" path={`${path}.promptField`} problems={problems} value={q.promptField} onChange={(v) => set('promptField', v)} optional mono />
        <TextField label="Left (A) field" path={`${path}.left`} problems={problems} value={q.left} onChange={(v) => set('left', v ?? '')} mono />
        <TextField label="Right (B) field" path={`${path}.right`} problems={problems} value={q.right} onChange={(v) => set('right', v ?? '')} mono />
      </div>
      <div className="inline-fields">
        <NumberField label="Scale from (prefers A)" path={`${path}.scale.min`} problems={problems} value={scale.min} onChange={(v) => setScale('min', v)} />
        <NumberField label="Scale to (prefers B)" path={`${path}.scale.max`} problems={problems} value={scale.max} onChange={(v) => setScale('max', v)} />
        <CheckField label="Allow a tie (0)" path={`${path}.allowTie`} problems={problems} checked={q.allowTie !== false} onChange={(v) => set('allowTie', v)} />
      </div>
      <FieldProblems problems={problems} path={`${path}.scale`} />
      <PointLabels
        path={path}
        problems={problems}
        min={scale.min}
        max={scale.max}
        step={1}
        labels={q.labels}
        onChange={(v) => set('labels', v)}
        describe={(p) => (p < 0 ? `A is better (${-p})` : p > 0 ? `B is better (${p})` : 'About the same')}
      />
    </>
  );
}

export function RubricFields({ q, path, problems, set }: TypeEditorProps) {
  return (
    <>
      <TextField label="Item field graded" path={`${path}.field`} problems={problems} value={q.field} onChange={(v) => set('field', v)} optional mono hint={FIELD_PATH_HINT} />
      <RowList
        legend="Criteria"
        path={`${path}.criteria`}
        problems={problems}
        rows={q.criteria}
        onChange={(rows) => set('criteria', rows)}
        rowName="criterion"
        newRow={(rows) => ({ id: `criterion_${rows.length + 1}`, label: `Criterion ${rows.length + 1}`, min: 1, max: 5 })}
        renderRow={(row, j, setRow) => {
          const at = `${path}.criteria[${j}]`;
          const put = (key: string) => (v: unknown) => setRow(withProp(row, key, v));
          return (
            <>
              <TextField label={`Criterion ${j + 1} id`} path={`${at}.id`} problems={problems} value={row.id} onChange={put('id')} mono />
              <TextField label={`Criterion ${j + 1} label`} path={`${at}.label`} problems={problems} value={row.label} onChange={put('label')} />
              <TextField label={`Criterion ${j + 1} description`} path={`${at}.description`} problems={problems} value={row.description} onChange={put('description')} optional />
              <div className="inline-fields">
                <NumberField label="Lowest" path={`${at}.min`} problems={problems} value={row.min} onChange={put('min')} />
                <NumberField label="Highest" path={`${at}.max`} problems={problems} value={row.max} onChange={put('max')} />
                <NumberField label="Weight" path={`${at}.weight`} problems={problems} value={row.weight} onChange={put('weight')} decimal hint="Default 1" />
              </div>
            </>
          );
        }}
      />
      <CheckField label="Allow a comment per criterion" path={`${path}.comments`} problems={problems} checked={q.comments === true} onChange={(v) => set('comments', v || undefined)} />
    </>
  );
}
