import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { renderWidget } from './widget-harness';

const labels = [
  { value: 'PER', label: 'Person', color: '#2563eb' },
  { value: 'LOC', label: 'Place' },
];
// "👋🏽" is one grapheme of four UTF-16 code units: offsets after it are shifted by 4, not 1 or 2.
const text = 'Hi 👋🏽 Zoë, welcome to\nNew York!';
const item = { doc: { text } };
const question = { field: 'doc.text', labels };

function textbox() {
  return screen.getByRole('textbox', { name: 'Prompt' });
}

function focusText() {
  act(() => textbox().focus());
}

/** Selects [start, end) of the rendered text as a mouse drag would, then releases the mouse (Alt held or not). */
function dragSelect(start: number, end: number, { altKey = false } = {}) {
  const box = textbox();
  const pointAt = (offset: number): [Text, number] => {
    const segments = [...box.querySelectorAll<HTMLElement>('[data-start]')];
    const segment = segments.findLast((s) => Number(s.dataset.start) <= offset) as HTMLElement;
    return [segment.firstChild as Text, offset - Number(segment.dataset.start)];
  };
  const range = document.createRange();
  range.setStart(...pointAt(start));
  range.setEnd(...pointAt(end));
  const selection = window.getSelection() as Selection;
  selection.removeAllRanges();
  selection.addRange(range);
  fireEvent.mouseUp(box, { altKey });
}

describe('SpanWidget', () => {
  it('renders the raw text with its newline and marks a mouse selection with a clicked label', async () => {
    const w = renderWidget('span', question, item);
    expect(textbox().textContent).toBe(text);
    const start = text.indexOf('Zoë');
    dragSelect(start, start + 3);
    await w.user.click(screen.getByRole('radio', { name: /Person/ }));
    expect(w.last()).toEqual([{ start, end: start + 3, label: 'PER' }]);
    expect(w.accepted()).toEqual([{ start, end: start + 3, label: 'PER' }]);
    expect(screen.getByRole('list', { name: 'Marked spans' })).toHaveTextContent('Person“Zoë”');
  });

  it('widens a drag that starts and ends mid-word to whole words', async () => {
    const w = renderWidget('span', question, item);
    const start = text.indexOf('welcome');
    dragSelect(start + 2, start + 'welcome to\nNe'.length); // "lcome to\nNe"
    await w.user.keyboard('2');
    expect(w.last()).toEqual([{ start, end: start + 'welcome to\nNew'.length, label: 'LOC' }]);
    expect(screen.getByRole('list', { name: 'Marked spans' })).toHaveTextContent('Place“welcome to New”');
  });

  it('keeps the exact characters of a drag made with Alt held', async () => {
    const w = renderWidget('span', question, item);
    const start = text.indexOf('welcome');
    dragSelect(start + 2, start + 5, { altKey: true });
    await w.user.keyboard('1');
    expect(w.last()).toEqual([{ start: start + 2, end: start + 5, label: 'PER' }]);
    expect(screen.getByText(/hold Alt while dragging for exact characters/)).toBeInTheDocument();
  });

  it('trims whitespace off a selection and marks it with a number key', async () => {
    const w = renderWidget('span', question, item);
    const start = text.indexOf('New');
    dragSelect(start - 1, start + 8);
    await w.user.keyboard('2');
    expect(w.last()).toEqual([{ start, end: start + 8, label: 'LOC' }]);
    expect(w.accepted()).toEqual(w.last());
  });

  it('moves the caret by grapheme so an emoji is one step and offsets stay UTF-16', async () => {
    const w = renderWidget('span', question, item);
    focusText();
    await w.user.keyboard('{Home}{ArrowRight}{ArrowRight}{ArrowRight}{Shift>}{ArrowRight}{/Shift}');
    await w.user.keyboard('1');
    expect(w.last()).toEqual([{ start: 3, end: 7, label: 'PER' }]);
    expect(w.accepted()).toEqual([{ start: 3, end: 7, label: 'PER' }]);
  });

  it('selects by word with Ctrl+Shift+arrows and marks with Enter in the current label', async () => {
    const w = renderWidget('span', question, item);
    focusText();
    await w.user.keyboard('2'); // choose "Place" as the current label; nothing is selected, so nothing is marked
    expect(w.onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('radio', { name: /Place/ })).toHaveAttribute('aria-checked', 'true');
    const start = text.indexOf('New');
    // From the end of "to": Ctrl+→ twice ends after "New", then "York"; Ctrl+← from there starts at "York".
    await w.user.keyboard('{Control>}{End}{/Control}{Control>}{ArrowLeft}{ArrowLeft}{/Control}');
    await w.user.keyboard('{Control>}{Shift>}{ArrowRight}{ArrowRight}{/Shift}{/Control}{Enter}');
    expect(w.last()).toEqual([{ start, end: start + 'New York'.length, label: 'LOC' }]);
    expect(w.accepted()).toEqual(w.last());
  });

  it('selects to the end of a line with Shift+End and removes the span at the caret with Delete', async () => {
    const w = renderWidget('span', question, item);
    focusText();
    await w.user.keyboard('{Home}{Shift>}{End}{/Shift}1');
    expect(w.last()).toEqual([{ start: 0, end: text.indexOf('\n'), label: 'PER' }]);
    await w.user.keyboard('{ArrowLeft}{Delete}');
    expect(w.last()).toBeUndefined();
    expect(screen.getByRole('status')).toHaveTextContent('Removed Person');
  });

  it('shows overlapping spans on the characters they share and lists each', async () => {
    const start = text.indexOf('New');
    renderWidget('span', question, item, {
      value: [
        { start, end: start + 8, label: 'LOC' },
        { start: start + 4, end: start + 8, label: 'PER' },
      ],
    });
    const york = [...textbox().querySelectorAll('[data-start]')].find((el) => el.textContent === 'York');
    expect(york).toHaveAttribute('title', 'Place + Person');
    expect((york as HTMLElement).style.backgroundImage.match(/linear-gradient/g)).toHaveLength(4); // two bars, two tints
    expect(screen.getAllByRole('button', { name: /^Remove/ })).toHaveLength(2);
  });

  it('refuses an overlapping span when the question forbids overlap, saying why', async () => {
    const start = text.indexOf('New');
    const w = renderWidget('span', { ...question, allowOverlap: false }, item, { value: [{ start, end: start + 8, label: 'LOC' }] });
    dragSelect(start + 4, start + 8);
    await w.user.keyboard('1');
    expect(w.onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('may not overlap');
  });

  it('refuses a span past maxSpans', async () => {
    const w = renderWidget('span', { ...question, maxSpans: 1 }, item, { value: [{ start: 0, end: 2, label: 'PER' }] });
    dragSelect(3, 7);
    await w.user.keyboard('1');
    expect(w.onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('At most 1');
  });

  it('answers "nothing to mark" with an empty list the server accepts', async () => {
    const w = renderWidget('span', question, item);
    await w.user.click(screen.getByRole('button', { name: 'Nothing to mark' }));
    expect(w.last()).toEqual([]);
    expect(w.accepted()).toEqual([]);
  });

  it('removes a span with its button', async () => {
    const w = renderWidget('span', question, item, { value: [{ start: 0, end: 2, label: 'PER' }, { start: 3, end: 7, label: 'LOC' }] });
    await w.user.click(screen.getByRole('button', { name: 'Remove Person “Hi”' }));
    expect(w.last()).toEqual([{ start: 3, end: 7, label: 'LOC' }]);
  });

  it('ignores label keys while inactive', async () => {
    const w = renderWidget('span', question, item, { active: false });
    dragSelect(0, 2);
    await w.user.keyboard('1');
    expect(w.onChange).not.toHaveBeenCalled();
  });
});

describe('SpanWidget span list', () => {
  it('selects a listed span in the text, where Delete removes it', async () => {
    const w = renderWidget('span', question, item, { value: [{ start: 0, end: 2, label: 'PER' }, { start: 0, end: 7, label: 'LOC' }] });
    await w.user.click(screen.getByRole('button', { name: 'Select Place “Hi 👋🏽” in the text' }));
    expect(textbox()).toHaveFocus();
    await w.user.keyboard('{Delete}');
    expect(w.last()).toEqual([{ start: 0, end: 2, label: 'PER' }]);
  });
});
