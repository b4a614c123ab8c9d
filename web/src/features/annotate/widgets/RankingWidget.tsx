/**
 * `ranking`: order the candidates best first. Drag with the mouse, or with dnd-kit's keyboard sensor (Space, arrows,
 * Space); or, plainly, ↑/↓ to move the focus and Shift+↑/↓ to move the focused candidate (Alt+↑/↓ belong to the
 * workspace, which moves between questions with them). Every move is announced.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { Widget, WidgetProps } from './types';
import { MissingField } from './ItemText';
import { candidateName, identityOrder, moveInOrder, readCandidates, type Candidate } from './ranking-candidates';
import { rovingStep } from './roving';
import { SortableCandidate } from './SortableCandidate';
import '../widgets.css';

function RankingWidgetView({ question, item, value, onChange, idPrefix }: WidgetProps<'ranking'>) {
  const candidates = readCandidates(item, question.field);
  const [focusIndex, setFocusIndex] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  /** While dnd-kit's keyboard drag runs, arrows are its own. */
  const [dragging, setDragging] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  /** Which element to focus once a move has rendered: the moved candidate, or one of its buttons. */
  const pendingFocus = useRef<{ position: number; part: 'item' | 'up' | 'down' } | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  // The item's order is shown first, but it is not an answer until the annotator acts on it: an untouched
  // default would count as a judgment that the first candidate is best, and candidate order in the data is
  // often meaningful (model A first), so unexamined defaults would bias every aggregate toward it.
  const order = value ?? identityOrder(candidates?.length ?? 0);

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    const li = list.current?.children[target.position] as HTMLElement | undefined;
    const button = target.part === 'item' ? null : li?.querySelectorAll<HTMLButtonElement>('.candidate-moves button')[target.part === 'up' ? 0 : 1];
    (button && !button.disabled ? button : li)?.focus();
  });

  if (!candidates) return <MissingField field={question.field} />;
  const byIndex = (index: number) => candidates[index] as Candidate;

  const move = (from: number, to: number, part: 'item' | 'up' | 'down' = 'item') => {
    if (to < 0 || to >= order.length || from === to) return;
    const moved = byIndex(order[from] as number);
    onChange(moveInOrder(order, from, to));
    setFocusIndex(to);
    pendingFocus.current = { position: to, part };
    setAnnouncement(`${candidateName(moved)} moved to position ${to + 1} of ${order.length}.`);
  };

  const onItemKey = (position: number) => (e: KeyboardEvent<HTMLLIElement>): boolean => {
    if (dragging || e.altKey || e.ctrlKey || e.metaKey) return false;
    if (e.shiftKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      move(position, position + (e.key === 'ArrowUp' ? -1 : 1));
      return true;
    }
    const to = e.shiftKey ? undefined : rovingStep(e.key, position, order.length, 'vertical');
    if (to === undefined) return false;
    e.preventDefault();
    setFocusIndex(to);
    (list.current?.children[to] as HTMLElement | undefined)?.focus();
    return true;
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(false);
    if (!over) return;
    const from = order.indexOf(Number(active.id));
    const to = order.indexOf(Number(over.id));
    if (from !== to) move(from, to);
  };
  const nameOf = (id: string | number) => candidateName(byIndex(Number(id)));
  const positionOf = (id: string | number) => order.indexOf(Number(id)) + 1;

  return (
    <div className="ranking">
      <p className="muted small" id={`${idPrefix}-how`}>
        Best first. Drag, or focus a candidate and press Shift+↑/↓ to move it (↑/↓ move the focus).
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragStart={() => setDragging(true)}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(false)}
        accessibility={{
          screenReaderInstructions: { draggable: 'Press Space to pick up a candidate, arrows to move it, Space to drop, Escape to cancel. Or press Shift and an arrow to move it one place.' },
          announcements: {
            onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}, position ${positionOf(active.id)} of ${order.length}.`,
            onDragOver: ({ active, over }) => (over ? `${nameOf(active.id)} is over position ${positionOf(over.id)}.` : undefined),
            onDragEnd: ({ active, over }) => (over ? `${nameOf(active.id)} dropped at position ${positionOf(over.id)}.` : `${nameOf(active.id)} dropped.`),
            onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} cancelled.`,
          },
        }}
      >
        <SortableContext items={order.map(String)} strategy={verticalListSortingStrategy}>
          <ol className="candidates" ref={list} aria-labelledby={`${idPrefix}-prompt`} aria-describedby={`${idPrefix}-how`}>
            {order.map((index, position) => (
              <SortableCandidate
                key={index}
                candidate={byIndex(index)}
                position={position}
                count={order.length}
                focused={position === Math.min(focusIndex, order.length - 1)}
                onFocus={() => setFocusIndex(position)}
                onKeyDown={onItemKey(position)}
                onMove={(to) => move(position, to, to < position ? 'up' : 'down')}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <div className="row-actions">
        {value === undefined ? (
          <>
            <button type="button" className="btn small" onClick={() => onChange(identityOrder(candidates.length))}>
              Keep this order
            </button>
            <span className="muted small">Not ranked yet: move a candidate or keep this order.</span>
          </>
        ) : (
          <button type="button" className="btn small ghost" onClick={() => onChange(undefined)}>
            Reset to the item's order (unranked)
          </button>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

export const RankingWidget: Widget<'ranking'> = {
  Component: RankingWidgetView,
  shortcuts: () => [
    { keys: '↑ ↓', does: 'Focus the previous / next candidate' },
    { keys: 'Shift+↑ ↓', does: 'Move the focused candidate up / down' },
    { keys: 'Space', does: 'Pick up / drop a candidate (then ↑ ↓ to drag)' },
  ],
  hint: () => 'Tab to the list · Shift+↑ ↓ move a candidate · Alt+↓ when done',
};
