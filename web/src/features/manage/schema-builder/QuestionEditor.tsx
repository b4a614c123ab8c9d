/**
 * One question's card in the builder: a summary line (number, type, id, prompt) that folds the card, the
 * properties every question has, its type's own properties, the visibility condition, and the buttons to move
 * or remove it.
 */
import { CheckField, FieldProblems, TextField } from './inputs';
import { QUESTION_TYPE_NAMES, withProp, type DraftQuestion, type SchemaProblem } from './draft';
import { TYPE_EDITORS } from './type-editors';
import { VisibleWhenEditor } from './VisibleWhenEditor';
import type { QuestionType } from '../../../schema';

export interface QuestionEditorProps {
  q: DraftQuestion;
  index: number;
  count: number;
  /** Questions before this one (conditions may refer only to them). */
  earlier: readonly DraftQuestion[];
  problems: readonly SchemaProblem[];
  onChange: (q: DraftQuestion) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

export function QuestionEditor({ q, index, count, earlier, problems, onChange, onMove, onRemove }: QuestionEditorProps) {
  const path = `questions[${index}]`;
  const set = (key: string, value: unknown) => onChange(withProp(q, key, value));
  const type = String(q.type) as QuestionType;
  const TypeFields = TYPE_EDITORS[type] as ((p: Parameters<(typeof TYPE_EDITORS)['label']>[0]) => React.ReactNode) | undefined;
  const mine = problems.filter((p) => p.field === path || p.field.startsWith(`${path}.`) || p.field.startsWith(`${path}[`));
  const name = typeof q.id === 'string' && q.id !== '' ? q.id : `question ${index + 1}`;
  return (
    <details className={`card question-editor ${mine.length > 0 ? 'has-problems' : ''}`} open>
      <summary>
        <span className="q-number">{index + 1}.</span>
        <span className="q-type">{QUESTION_TYPE_NAMES[type] ?? type}</span>
        <code className="q-id">{String(q.id ?? '')}</code>
        <span className="q-prompt">{typeof q.prompt === 'string' && q.prompt !== '' ? q.prompt : <em className="muted">no prompt yet</em>}</span>
        {mine.length > 0 && (
          <span className="q-problems" aria-label={`${mine.length} problem${mine.length > 1 ? 's' : ''}`}>
            ⚠ {mine.length}
          </span>
        )}
      </summary>
      <div className="question-body">
        <div className="question-actions" role="group" aria-label={`Arrange ${name}`}>
          <button type="button" className="btn small" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={`Move ${name} up`}>
            ↑ Up
          </button>
          <button type="button" className="btn small" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={`Move ${name} down`}>
            ↓ Down
          </button>
          <button type="button" className="btn small danger" onClick={onRemove} aria-label={`Remove ${name}`}>
            Remove
          </button>
        </div>
        <FieldProblems problems={problems} path={path} />
        <FieldProblems problems={problems} path={`${path}.type`} />
        <div className="inline-fields">
          <TextField label="Id" path={`${path}.id`} problems={problems} value={q.id} onChange={(v) => set('id', v ?? '')} mono hint="Answer key and export column." />
          <CheckField label="Required" path={`${path}.required`} problems={problems} checked={q.required !== false} onChange={(v) => set('required', v ? undefined : false)} />
        </div>
        <TextField label="Prompt" path={`${path}.prompt`} problems={problems} value={q.prompt} onChange={(v) => set('prompt', v ?? '')} multiline />
        <TextField label="Help" path={`${path}.help`} problems={problems} value={q.help} onChange={(v) => set('help', v)} optional multiline />
        {TypeFields ? <TypeFields q={q} path={path} problems={problems} set={set} /> : <p className="status error">Unknown question type “{type}”: fix it in the JSON tab.</p>}
        <VisibleWhenEditor q={q} path={path} problems={problems} set={set} earlier={earlier} />
      </div>
    </details>
  );
}
