/**
 * Accepting a task schema: zod checks the shape, we fill in defaults that depend on other properties, then
 * `schema-rules.ts` checks the meaning. The result is explicit: every default written out.
 */
import { checkSchemaRules } from './schema-rules.js';
import { shapeError } from './shape-errors.js';
import { taskSchemaInput } from './schema-input.js';
import type { questionInput } from './schema-input.js';
import type { Question, TaskSchema } from './types.js';
import type { z } from 'zod';

/**
 * Parses and checks a task schema from untrusted JSON. Throws `invalid` naming the question, the rule and the
 * field (e.g. `questions[2].options[3].value`); returns a fresh object with every default applied.
 */
export function parseTaskSchema(input: unknown): TaskSchema {
  const parsed = taskSchemaInput.safeParse(input);
  if (!parsed.success) throw shapeError(input, parsed.error.issues);
  const schema: TaskSchema = { questions: parsed.data.questions.map(fillDependentDefaults) };
  checkSchemaRules(schema);
  return schema;
}

/** Defaults zod cannot express because they depend on a sibling property. */
function fillDependentDefaults(question: z.output<typeof questionInput>): Question {
  if (question.type !== 'multi_label') return question;
  return {
    ...question,
    // A required multi-select means "pick at least one"; a schema that accepts "none apply" says minSelected: 0.
    minSelected: question.minSelected ?? (question.required ? 1 : 0),
    maxSelected: question.maxSelected ?? question.options.length,
  };
}
