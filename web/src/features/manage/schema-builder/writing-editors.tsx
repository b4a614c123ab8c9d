/** Editors for the question types that order or write: ranking, text and conversation. */
import { NumberField, SelectField, TextField } from './inputs';
import { FIELD_PATH_HINT, type TypeEditorProps } from './type-editor-props';

export function RankingFields({ q, path, problems, set }: TypeEditorProps) {
  return (
    <div className="inline-fields">
      <TextField
        label="Item field with the candidates"
        path={`${path}.field`}
        problems={problems}
        value={q.field}
        onChange={(v) => set('field', v ?? '')}
        mono
        hint="An array of strings or of {id, text} objects."
      />
      <NumberField label="Fewest candidates" path={`${path}.minItems`} problems={problems} value={q.minItems} onChange={(v) => set('minItems', v)} hint="Default 2" />
    </div>
  );
}

export function TextFields({ q, path, problems, set }: TypeEditorProps) {
  return (
    <>
      <TextField label="Item field shown" path={`${path}.field`} problems={problems} value={q.field} onChange={(v) => set('field', v)} optional mono hint={FIELD_PATH_HINT} />
      <div className="inline-fields">
        <NumberField label="Fewest characters" path={`${path}.minLength`} problems={problems} value={q.minLength} onChange={(v) => set('minLength', v)} hint="Default 0" />
        <NumberField label="Most characters" path={`${path}.maxLength`} problems={problems} value={q.maxLength} onChange={(v) => set('maxLength', v)} hint="Default 20,000" />
      </div>
      <TextField label="Placeholder" path={`${path}.placeholder`} problems={problems} value={q.placeholder} onChange={(v) => set('placeholder', v)} optional />
    </>
  );
}

const WRITER_ROLES = [
  { value: 'assistant', label: 'Assistant' },
  { value: 'user', label: 'User' },
] as const;

export function ConversationFields({ q, path, problems, set }: TypeEditorProps) {
  const role = q.role === 'user' || q.role === 'assistant' ? q.role : '';
  return (
    <>
      <div className="inline-fields">
        <TextField
          label="Item field with the dialogue"
          path={`${path}.field`}
          problems={problems}
          value={q.field}
          onChange={(v) => set('field', v ?? '')}
          mono
          hint="An array of {role, content} turns."
        />
        <SelectField label="Annotator writes as" path={`${path}.role`} problems={problems} value={role} options={WRITER_ROLES} onChange={(v) => set('role', v)} />
      </div>
      <div className="inline-fields">
        <NumberField label="Fewest turns" path={`${path}.minTurns`} problems={problems} value={q.minTurns} onChange={(v) => set('minTurns', v)} hint="Default 1" />
        <NumberField label="Most turns" path={`${path}.maxTurns`} problems={problems} value={q.maxTurns} onChange={(v) => set('maxTurns', v)} hint="Default 1" />
        <NumberField label="Most characters per turn" path={`${path}.maxLength`} problems={problems} value={q.maxLength} onChange={(v) => set('maxLength', v)} hint="Default 20,000" />
      </div>
    </>
  );
}
