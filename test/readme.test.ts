/** The README's examples stay true: its example schema parses, and the error it quotes is the one users get. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseTaskSchema } from '../src/core/schema/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows a task schema that parses', () => {
    const block = readme.split('```json')[1]?.split('```')[0];
    expect(block).toBeDefined();
    expect(parseTaskSchema(JSON.parse(block!)).questions.map((q) => q.id)).toEqual(['sentiment', 'preference', 'why']);
  });

  it('quotes the error an invalid schema really gets', () => {
    const schema = { questions: [{ id: 'sentiment', type: 'label', prompt: 'S', options: [{ value: 'pos', label: 'P' }, { value: 'pos', label: 'Q' }] }] };
    let message = '';
    let field = '';
    try {
      parseTaskSchema(schema);
    } catch (e) {
      ({ message, field } = e as { message: string; field: string });
    }
    expect(readme).toContain(message);
    expect(readme.replace(/\s+/g, ' ')).toContain(`field \`${field}\``);
  });
});
