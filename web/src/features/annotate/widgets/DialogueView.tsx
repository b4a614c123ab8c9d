/** A dialogue as chat bubbles: who spoke, then what they said as Markdown. Used for conversation items and context. */
import { Markdown } from '../../../components/Markdown';
import type { DialogueTurn } from '../../../schema';
import '../widgets.css';

const ROLE_NAMES: Record<string, string> = { user: 'User', assistant: 'Assistant', system: 'System' };

export function roleName(role: string): string {
  return ROLE_NAMES[role] ?? role;
}

/** The turns of a dialogue-shaped value, or undefined when the value is not a dialogue. */
export function asDialogue(value: unknown): DialogueTurn[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const isTurn = (t: unknown): t is DialogueTurn =>
    typeof t === 'object' && t !== null && typeof (t as DialogueTurn).role === 'string' && typeof (t as DialogueTurn).content === 'string';
  return value.every(isTurn) ? value : undefined;
}

export function DialogueView({ turns, label }: { turns: DialogueTurn[]; label: string }) {
  if (turns.length === 0) return <p className="muted small">The dialogue is empty: the first turn is yours.</p>;
  return (
    <ol className="dialogue" aria-label={label}>
      {turns.map((turn, i) => (
        <li key={i} className={`bubble bubble-${turn.role}`}>
          <span className="bubble-role">{roleName(turn.role)}</span>
          <Markdown source={turn.content} />
        </li>
      ))}
    </ol>
  );
}
