/**
 * The shape of a task schema as zod sees it: types, required properties, no unknown keys (a typo such as
 * `requird` must fail loudly, not be ignored), and defaults that depend on nothing else. Rules that relate
 * properties to each other (unique ids, min < max, conditions on earlier questions) live in `schema-rules.ts`,
 * where they can name the question and the rule. Kept free of transforms so `z.toJSONSchema` can render it for
 * the OpenAPI document.
 */
import { z } from 'zod';
import { FIELD_PATH_PATTERN, MAX_FIELD_PATH_LENGTH } from './field-path.js';
import { WRITER_ROLES } from './types.js';
import type { QuestionType } from './types.js';

/** Limits that keep one schema renderable on one screen and cheap to validate on every submit. */
export const SCHEMA_LIMITS = {
  questions: 200,
  options: 1000,
  spanLabels: 100,
  criteria: 50,
  /** Points on a rating, pairwise or criterion scale (so 0..100 fits). */
  scalePoints: 101,
  textLength: 1_000_000,
  conversationTurns: 100,
} as const;

/** Defaults filled in by parsing, so a stored schema is explicit. */
export const SCHEMA_DEFAULTS = {
  textMaxLength: 20_000,
  pairwiseScale: { min: -3, max: 3 },
} as const;

/** Question ids and criterion ids: safe as JSON keys, CSV column names and in dotted error paths. */
export const SLUG_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

const slug = z.string().regex(SLUG_PATTERN, {
  error: 'must be a slug: a lowercase letter, then up to 63 lowercase letters, digits or underscores',
});
const fieldPath = z
  .string()
  .max(MAX_FIELD_PATH_LENGTH)
  .regex(FIELD_PATH_PATTERN, {
    error: 'must be an item field path such as "text" or "meta.title" (letters, digits, _ and -, joined by dots)',
  });
const shownText = (max: number) => z.string().max(max).regex(/\S/, { error: 'must not be blank' });
/** Values end up in exports and joins; surrounding whitespace there is always a mistake. */
const choiceValue = z
  .string()
  .max(200)
  .regex(/^\S(.*\S)?$/s, { error: 'must be non-empty with no leading or trailing whitespace' });
const int = z.number().int();
const pointLabels = z
  .record(z.string(), shownText(200))
  .describe('Text for scale points, keyed by the point written as an integer, e.g. {"1": "Poor", "5": "Excellent"}');

const common = {
  prompt: shownText(10_000).describe('What the annotator is asked'),
  help: z.string().max(20_000).optional().describe('Longer guidance shown on demand'),
  required: z.boolean().default(true).describe('Whether a visible question must be answered'),
  visibleWhen: z
    .strictObject({
      question: slug.describe('Id of an earlier label, multi_label, rating or pairwise question'),
      equals: z.union([z.string(), int]).optional(),
      in: z.array(z.union([z.string(), int])).min(1).optional(),
    })
    .optional()
    .describe('Show the question only when an earlier answer equals `equals` or is one of `in`'),
};

/** Every variant starts `id, type, prompt, ...`, so a stored schema reads in that order. */
function questionShape<T extends QuestionType, S extends z.core.$ZodLooseShape>(type: T, shape: S) {
  return z.strictObject({
    id: slug.describe('Unique slug; the key of the answer and the export column'),
    type: z.literal(type),
    ...common,
    ...shape,
  });
}

const labelOption = z.strictObject({
  value: choiceValue,
  label: shownText(500),
  hint: z.string().max(2000).optional(),
});
const options = z.array(labelOption).min(2).max(SCHEMA_LIMITS.options);

const labelInput = questionShape('label', {
  options,
  field: fieldPath.optional().describe('Item field holding the text shown'),
});

const multiLabelInput = questionShape('multi_label', {
  options,
  field: fieldPath.optional(),
  minSelected: int.min(0).optional().describe('Defaults to 1 when required, else 0'),
  maxSelected: int.min(1).optional().describe('Defaults to the number of options'),
});

const spanInput = questionShape('span', {
  field: fieldPath.describe('Item field holding the text (a string) that offsets index into'),
  labels: z
    .array(
      z.strictObject({
        value: choiceValue,
        label: shownText(500),
        color: z
          .string()
          .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { error: 'must be a hex colour such as "#e11d48"' })
          .optional(),
      }),
    )
    .min(1)
    .max(SCHEMA_LIMITS.spanLabels),
  allowOverlap: z.boolean().default(true),
  minSpans: int.min(0).default(0),
  maxSpans: int.min(1).optional(),
});

const ratingInput = questionShape('rating', {
  min: int,
  max: int,
  step: int.min(1).default(1),
  labels: pointLabels.optional(),
  field: fieldPath.optional(),
});

const pairwiseInput = questionShape('pairwise', {
  left: fieldPath.describe('Item field holding the left candidate'),
  right: fieldPath.describe('Item field holding the right candidate'),
  promptField: fieldPath.optional().describe('Item field holding the prompt both candidates answer'),
  scale: z
    .strictObject({ min: int, max: int })
    .default({ ...SCHEMA_DEFAULTS.pairwiseScale })
    .describe('Symmetric integer scale: negative prefers left, positive prefers right, 0 is a tie'),
  allowTie: z.boolean().default(true),
  labels: pointLabels.optional(),
});

const rankingInput = questionShape('ranking', {
  field: fieldPath.describe('Item field holding an array of strings or of {id, text} objects'),
  minItems: int.min(2).max(1000).default(2),
});

const rubricInput = questionShape('rubric', {
  criteria: z
    .array(
      z.strictObject({
        id: slug,
        label: shownText(500),
        description: z.string().max(5000).optional(),
        weight: z.number().default(1),
        min: int,
        max: int,
      }),
    )
    .min(1)
    .max(SCHEMA_LIMITS.criteria),
  comments: z.boolean().default(false).describe('Allow a comment per criterion'),
  field: fieldPath.optional(),
});

const textInput = questionShape('text', {
  minLength: int.min(0).max(SCHEMA_LIMITS.textLength).default(0),
  maxLength: int.min(1).max(SCHEMA_LIMITS.textLength).default(SCHEMA_DEFAULTS.textMaxLength),
  field: fieldPath.optional(),
  placeholder: z.string().max(500).optional(),
});

const conversationInput = questionShape('conversation', {
  field: fieldPath.describe('Item field holding the dialogue so far: an array of {role, content}'),
  role: z.enum(WRITER_ROLES).default('assistant'),
  minTurns: int.min(1).max(SCHEMA_LIMITS.conversationTurns).default(1),
  maxTurns: int.min(1).max(SCHEMA_LIMITS.conversationTurns).default(1),
  maxLength: int.min(1).max(SCHEMA_LIMITS.textLength).default(SCHEMA_DEFAULTS.textMaxLength),
});

/** One question; `type` selects the variant. */
export const questionInput = z.discriminatedUnion('type', [
  labelInput,
  multiLabelInput,
  spanInput,
  ratingInput,
  pairwiseInput,
  rankingInput,
  rubricInput,
  textInput,
  conversationInput,
]);

/**
 * The raw shape of a task schema (before meaning rules), for API request bodies and the OpenAPI document.
 * Use `parseTaskSchema` to accept one: it also checks the rules this shape cannot express.
 */
export const taskSchemaInput = z
  .strictObject({
    questions: z.array(questionInput).min(1).max(SCHEMA_LIMITS.questions),
  })
  .describe('A task schema: the typed questions annotators answer for each item');

/** What a client may send: defaults may be left out. */
export type TaskSchemaInput = z.input<typeof taskSchemaInput>;

// Compile-time guard: the zod variants cover exactly the QUESTION_TYPES union, no more and no fewer.
type InputType = z.output<typeof questionInput>['type'];
type IsSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _variantsMatchTypes: IsSame<InputType, QuestionType> = true;
