import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { renderWidget } from './widget-harness';

const item = { replies: ['Alpha reply', 'Bravo reply', 'Charlie reply'] };
const question = { field: 'replies' };

function positions() {
  return screen.getAllByRole('listitem').map((li) => li.getAttribute('aria-label'));
}

describe('RankingWidget', () => {
  it('shows the item order but gives no answer until the annotator keeps it', async () => {
    const w = renderWidget('ranking', question, item);
    expect(positions()).toEqual(['1 of 3: “Alpha reply”', '2 of 3: “Bravo reply”', '3 of 3: “Charlie reply”']);
    expect(w.onChange).not.toHaveBeenCalled();
    await w.user.click(screen.getByRole('button', { name: 'Keep this order' }));
    expect(w.last()).toEqual([0, 1, 2]);
    expect(w.accepted()).toEqual([0, 1, 2]);
  });

  it('moves a candidate with its buttons and announces the move', async () => {
    const w = renderWidget('ranking', question, item);
    await w.user.click(screen.getByRole('button', { name: 'Move “Charlie reply” up' }));
    expect(w.last()).toEqual([0, 2, 1]);
    expect(screen.getByText('“Charlie reply” moved to position 2 of 3.')).toBeInTheDocument();
    await w.user.click(screen.getByRole('button', { name: 'Move “Charlie reply” up' }));
    expect(w.last()).toEqual([2, 0, 1]);
    expect(w.accepted()).toEqual([2, 0, 1]);
    expect(screen.getByRole('button', { name: 'Move “Charlie reply” up' })).toBeDisabled();
  });

  it('moves the focus with ↑/↓ and the focused candidate with Shift+↑/↓', async () => {
    const w = renderWidget('ranking', question, item);
    act(() => screen.getAllByRole('listitem')[0]?.focus());
    await w.user.keyboard('{ArrowDown}');
    expect(screen.getByRole('listitem', { name: /Bravo/ })).toHaveFocus();
    await w.user.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(w.last()).toEqual([0, 2, 1]);
    expect(screen.getByRole('listitem', { name: '3 of 3: “Bravo reply”' })).toHaveFocus();
    await w.user.keyboard('{Home}{Shift>}{ArrowDown}{/Shift}');
    expect(w.last()).toEqual([2, 0, 1]);
    expect(positions()).toEqual(['1 of 3: “Charlie reply”', '2 of 3: “Alpha reply”', '3 of 3: “Bravo reply”']);
    expect(w.accepted()).toEqual([2, 0, 1]);
  });

  it('leaves Alt+↑/↓ to the workspace', async () => {
    const w = renderWidget('ranking', question, item);
    act(() => screen.getAllByRole('listitem')[0]?.focus());
    await w.user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(w.onChange).not.toHaveBeenCalled();
    expect(screen.getAllByRole('listitem')[0]).toHaveFocus();
  });

  it('ranks {id, text} candidates by index and resets to unranked', async () => {
    const w = renderWidget('ranking', question, { replies: [{ id: 'm1', text: 'First' }, { id: 'm2', text: 'Second' }] });
    await w.user.click(screen.getByRole('button', { name: 'Move m1 down' }));
    expect(w.last()).toEqual([1, 0]);
    await w.user.click(screen.getByRole('button', { name: /Reset/ }));
    expect(w.last()).toBeUndefined();
    expect(positions()).toEqual(['1 of 2: m1', '2 of 2: m2']);
  });
});
