/**
 * The schema builder's working copy: the raw JSON a manager is writing (defaults may be left out, fields may be
 * half-typed), checked live by the server's own `parseTaskSchema`, so the builder shows the very message the
 * API would answer, at the field it names.
 */
import { parseTaskSchema } from '@core/schema/parse-schema';
import { isAssayError } from '@core/errors';
import type { QuestionType, TaskSchema } from '../../../schema';

/** A question as typed so far: any JSON object; the form edits the properties of its type. */
export type DraftQuestion = Record<string, unknown>;

/** The raw schema being edited; the JSON tab may make it anything, the form expects `{ questions: [...] }`. */
export type SchemaDraft = Record<string, unknown> & { questions?: unknown };

/** One problem the parser found: the error path it names (`questions[0].options[1].value`) and its message. */
export interface SchemaProblem {
  field: string;
  message: string;
}

export type SchemaCheck = { ok: true; schema: TaskSchema; problems: [] } | { ok: false; problems: SchemaProblem[] };

/** Parses the draft as the server will: every shape problem at once, or the first broken rule. */
export function checkSchemaDraft(draft: unknown): SchemaCheck {
  try {
    return { ok: true, schema: parseTaskSchema(draft), problems: [] };
  } catch (e) {
    if (!isAssayError(e)) throw e;
    const issues = e.details?.issues;
    if (Array.isArray(issues) && issues.length > 0) return { ok: false, problems: issues as SchemaProblem[] };
    return { ok: false, problems: [{ field: e.field ?? '', message: e.message }] };
  }
}

/** What the preview shows for a question whose prompt is not written yet. */
export const PROMPT_PLACEHOLDER = '(Prompt not written yet)';

/**
 * The draft as the preview may show it: a question just added has an empty prompt, which the parser rightly refuses,
 * but the preview should show the new question at once (with a placeholder prompt) rather than stay on the last
 * version that parsed. Only empty prompts are filled; every other problem still keeps the preview on that version.
 * Returns the ids of the questions given a placeholder.
 */
export function previewDraft(draft: SchemaDraft): { draft: SchemaDraft; placeholders: string[] } {
  const questions = draftQuestions(draft);
  if (!questions) return { draft, placeholders: [] };
  const placeholders: string[] = [];
  const filled = questions.map((q) => {
    if (typeof q.prompt === 'string' && q.prompt.trim() !== '') return q;
    if (q.prompt !== undefined && typeof q.prompt !== 'string') return q;
    placeholders.push(typeof q.id === 'string' ? q.id : '?');
    return { ...q, prompt: PROMPT_PLACEHOLDER };
  });
  return placeholders.length === 0 ? { draft, placeholders } : { draft: { ...draft, questions: filled }, placeholders };
}

/** The draft's questions when the form can edit them (an array of objects), else null. */
export function draftQuestions(draft: SchemaDraft): DraftQuestion[] | null {
  const q = draft.questions;
  if (!Array.isArray(q)) return null;
  return q.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x)) ? (q as DraftQuestion[]) : null;
}

/** Problems at exactly this error path. */
export const problemsAt = (problems: readonly SchemaProblem[], field: string) => problems.filter((p) => p.field === field);

/** Names of the question types for menus, in the order the docs list them. */
export const QUESTION_TYPE_NAMES: Record<QuestionType, string> = {
  label: 'Label (one of N)',
  multi_label: 'Multi-label (any of N)',
  span: 'Spans (mark text)',
  rating: 'Rating scale',
  pairwise: 'Pairwise (A vs B)',
  ranking: 'Ranking',
  rubric: 'Rubric',
  text: 'Free text',
  conversation: 'Conversation turn',
};

/** A fresh id `type_n` no question uses yet. */
export function freshId(type: QuestionType, questions: readonly DraftQuestion[]): string {
  const used = new Set(questions.map((q) => q.id));
  for (let n = 1; ; n++) if (!used.has(`${type}_${n}`)) return `${type}_${n}`;
}

/**
 * A new question of a type, filled in so it is nearly valid: the manager writes the prompt (and renames what
 * the template names generically); defaults the parser fills in are left out, as a person would write them.
 */
export function newQuestion(type: QuestionType, questions: readonly DraftQuestion[]): DraftQuestion {
  const base = { id: freshId(type, questions), type, prompt: '' };
  switch (type) {
    case 'label':
      return { ...base, field: 'text', options: [option('yes', 'Yes'), option('no', 'No')] };
    case 'multi_label':
      return { ...base, field: 'text', options: [option('a', 'Option A'), option('b', 'Option B'), option('c', 'Option C')] };
    case 'span':
      return { ...base, field: 'text', labels: [{ value: 'entity', label: 'Entity', color: '#2a4fb8' }] };
    case 'rating':
      return { ...base, min: 1, max: 5, labels: { '1': 'Poor', '5': 'Excellent' } };
    case 'pairwise':
      return { ...base, promptField: 'prompt', left: 'response_a', right: 'response_b', scale: { min: -3, max: 3 }, allowTie: true };
    case 'ranking':
      return { ...base, field: 'candidates' };
    case 'rubric':
      return { ...base, field: 'response', criteria: [{ id: 'accuracy', label: 'Accuracy', min: 1, max: 5 }] };
    case 'text':
      return { ...base, required: false, maxLength: 2000 };
    case 'conversation':
      return { ...base, field: 'dialogue', role: 'assistant' };
  }
}

const option = (value: string, label: string) => ({ value, label });

/** Sets (or, for `undefined`, removes) a property, returning a new object: optional properties stay absent. */
export function withProp<T extends Record<string, unknown>>(obj: T, key: string, value: unknown): T {
  const next: Record<string, unknown> = { ...obj };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as T;
}

/** Moves an element, returning a new array. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [x] = next.splice(from, 1);
  next.splice(to, 0, x as T);
  return next;
}
