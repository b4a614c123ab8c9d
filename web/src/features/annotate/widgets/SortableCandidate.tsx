/**
 * One candidate of a ranking: its position, text and move buttons. Draggable with dnd-kit (mouse, or Space then
 * arrows); the list item is also the roving focus stop for plain keyboard reordering, handled by the list.
 */
import type { KeyboardEvent } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Markdown } from '../../../components/Markdown';
import { candidateName, type Candidate } from './ranking-candidates';
import '../widgets.css';

export interface SortableCandidateProps {
  candidate: Candidate;
  position: number;
  count: number;
  /** This candidate holds the list's tab stop. */
  focused: boolean;
  onFocus: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLLIElement>) => boolean;
  onMove: (to: number) => void;
}

export function SortableCandidate({ candidate, position, count, focused, onFocus, onKeyDown, onMove }: SortableCandidateProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: String(candidate.index),
    // A list item, not a button: it contains the move buttons, and a button may not contain buttons.
    attributes: { role: 'listitem', roleDescription: 'sortable candidate' },
  });
  const name = candidateName(candidate);
  return (
    <li
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      tabIndex={focused ? 0 : -1}
      aria-label={`${position + 1} of ${count}: ${name}`}
      className={`candidate ${isDragging ? 'dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      onFocus={(e) => e.target === e.currentTarget && onFocus()}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (!onKeyDown(e)) listeners?.onKeyDown?.(e);
      }}
    >
      <span className="candidate-grip" aria-hidden="true">
        ⋮⋮
      </span>
      <span className="candidate-position" aria-hidden="true">
        {position + 1}
      </span>
      <div className="candidate-text">
        {candidate.id && <span className="candidate-id">{candidate.id}</span>}
        <Markdown source={candidate.text} />
      </div>
      <span className="candidate-moves">
        <button type="button" className="btn small ghost" tabIndex={focused ? 0 : -1} disabled={position === 0} aria-label={`Move ${name} up`} onClick={() => onMove(position - 1)}>
          ↑
        </button>
        <button type="button" className="btn small ghost" tabIndex={focused ? 0 : -1} disabled={position === count - 1} aria-label={`Move ${name} down`} onClick={() => onMove(position + 1)}>
          ↓
        </button>
      </span>
    </li>
  );
}
