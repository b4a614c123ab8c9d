import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWidget } from './widget-harness';

const item = {
  dialogue: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'What is **2 + 2**?' },
  ],
};

describe('ConversationWidget', () => {
  it('shows the dialogue so far as bubbles with roles and Markdown', () => {
    renderWidget('conversation', { field: 'dialogue' }, item);
    const dialogue = screen.getByRole('list', { name: 'The dialogue so far' });
    expect(dialogue).toHaveTextContent('SystemBe brief.');
    expect(screen.getByText('2 + 2').tagName).toBe('STRONG');
  });

  it('answers with the written turn in the question role', async () => {
    const w = renderWidget('conversation', { field: 'dialogue', maxLength: 50 }, item);
    await w.user.type(screen.getByRole('textbox', { name: 'Turn 1 (Assistant)' }), 'Four.');
    expect(w.last()).toEqual([{ role: 'assistant', content: 'Four.' }]);
    expect(w.accepted()).toEqual([{ role: 'assistant', content: 'Four.' }]);
    expect(screen.getByText(/5 \/ 50 characters/)).toBeInTheDocument();
    await w.user.clear(screen.getByRole('textbox', { name: 'Turn 1 (Assistant)' }));
    expect(w.last()).toBeUndefined();
  });

  it('adds and removes turns within minTurns..maxTurns, alternating roles', async () => {
    const w = renderWidget('conversation', { field: 'dialogue', role: 'assistant', minTurns: 1, maxTurns: 3 }, item);
    await w.user.type(screen.getByRole('textbox', { name: 'Turn 1 (Assistant)' }), 'Four.');
    await w.user.click(screen.getByRole('button', { name: 'Add turn (User)' }));
    await w.user.type(screen.getByRole('textbox', { name: 'Turn 2 (User)' }), 'And 3 + 3?');
    await w.user.click(screen.getByRole('button', { name: 'Add turn (Assistant)' }));
    expect(screen.getByRole('button', { name: /Add turn/ })).toBeDisabled();
    await w.user.type(screen.getByRole('textbox', { name: 'Turn 3 (Assistant)' }), 'Six.');
    expect(w.accepted()).toEqual([
      { role: 'assistant', content: 'Four.' },
      { role: 'user', content: 'And 3 + 3?' },
      { role: 'assistant', content: 'Six.' },
    ]);
    await w.user.click(screen.getByRole('button', { name: 'Remove last turn' }));
    expect(w.last()).toHaveLength(2);
  });

  it('does not let typed digits reach shortcuts', async () => {
    const w = renderWidget('conversation', { field: 'dialogue' }, item);
    await w.user.type(screen.getByRole('textbox', { name: 'Turn 1 (Assistant)' }), '4');
    expect(w.last()).toEqual([{ role: 'assistant', content: '4' }]);
  });
});
