/**
 * `conversation`: the dialogue so far as chat bubbles, then an editor per new turn. Roles alternate from the
 * question's `role`; the annotator adds or removes turns within `minTurns..maxTurns`.
 */
import type { Widget, WidgetProps } from './types';
import { readFieldPath, type DialogueTurn } from '../../../schema';
import { roleOfTurn } from '@core/schema/answer-writing';
import { asDialogue, DialogueView, roleName } from './DialogueView';
import { MissingField } from './ItemText';
import { MarkdownEditor } from './MarkdownEditor';
import '../widgets.css';

function ConversationWidgetView({ question, item, value, onChange, idPrefix }: WidgetProps<'conversation'>) {
  const found = readFieldPath(item, question.field);
  const dialogue = found.found ? asDialogue(found.value) : undefined;
  const shown = Math.max(1, question.minTurns, value?.length ?? 0);
  const turns: DialogueTurn[] = Array.from({ length: shown }, (_, i) => ({ role: roleOfTurn(question.role, i), content: value?.[i]?.content ?? '' }));

  const update = (next: DialogueTurn[]) => {
    // Nothing written in the default number of turns is no answer at all, not an answer of blank turns.
    const untouched = next.length <= Math.max(1, question.minTurns) && next.every((t) => t.content === '');
    onChange(untouched ? undefined : next);
  };
  const write = (index: number, content: string) => update(turns.map((t, i) => (i === index ? { ...t, content } : t)));

  return (
    <div className="conversation">
      {dialogue ? <DialogueView turns={dialogue} label="The dialogue so far" /> : <MissingField field={question.field} />}
      <ol className="new-turns" aria-label="Your turns">
        {turns.map((turn, i) => (
          <li key={i} className={`new-turn new-turn-${turn.role}`}>
            <span className="bubble-role" id={`${idPrefix}-turn-${i}-label`}>
              Your turn {i + 1} of {turns.length}: {roleName(turn.role)}
            </span>
            <MarkdownEditor
              id={`${idPrefix}-turn-${i}`}
              value={turn.content}
              onChange={(text) => write(i, text)}
              label={`Turn ${i + 1} (${roleName(turn.role)})`}
              maxLength={question.maxLength}
              rows={4}
            />
          </li>
        ))}
      </ol>
      {question.maxTurns > Math.max(1, question.minTurns) && (
        <div className="row-actions">
          <button type="button" className="btn small" disabled={turns.length >= question.maxTurns} onClick={() => update([...turns, { role: roleOfTurn(question.role, turns.length), content: '' }])}>
            Add turn ({roleName(roleOfTurn(question.role, turns.length))})
          </button>
          <button type="button" className="btn small" disabled={turns.length <= Math.max(1, question.minTurns)} onClick={() => update(turns.slice(0, -1))}>
            Remove last turn
          </button>
          <span className="muted small">
            {question.minTurns === question.maxTurns ? `${question.maxTurns} turns` : `${Math.max(1, question.minTurns)} to ${question.maxTurns} turns`}
          </span>
        </div>
      )}
    </div>
  );
}

export const ConversationWidget: Widget<'conversation'> = {
  Component: ConversationWidgetView,
  shortcuts: () => [
    { keys: 'Tab', does: 'Between the turn editors; shortcuts pause while you type' },
    { keys: 'Esc', does: 'Leave a turn editor, so shortcuts work again' },
  ],
  hint: () => 'Tab into a turn to write',
};
