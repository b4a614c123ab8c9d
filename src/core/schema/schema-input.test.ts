import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sentimentAndPreferenceSchema } from './examples.js';
import { taskSchemaInput } from './schema-input.js';
import { QUESTION_TYPES } from './types.js';

describe('taskSchemaInput', () => {
  it('renders as JSON Schema for the OpenAPI document', () => {
    const json = z.toJSONSchema(taskSchemaInput, { io: 'input' }) as unknown as { type: string; properties: { questions: { items: { oneOf: { properties: { type: { const: string } } }[] } } } };
    expect(json.type).toBe('object');
    expect(json.properties.questions.items.oneOf.map((v) => v.properties.type.const)).toEqual([...QUESTION_TYPES]);
  });

  it('accepts a parsed schema unchanged', () => {
    expect(taskSchemaInput.parse(sentimentAndPreferenceSchema)).toEqual(sentimentAndPreferenceSchema);
  });
});
