/**
 * What the annotator reads when an answer cannot be submitted: an instruction in their words, built from the
 * question's prompt and its options ("Pick the overall sentiment of this review.", "Write at least 20 characters
 * (12 so far)."), never the schema's wording (`Question "preference" (pairwise): is required`), which stays the
 * API's for API clients. Whether an answer is acceptable is still decided by the shared `checkAnswer`, so the
 * browser refuses exactly what the server would; only the words are chosen here.
 */
import { checkAnswer, isAnswerGiven } from '@core/schema/validate-answers';
import { validateItem } from '@core/schema/validate-item';
import { MAX_RUBRIC_COMMENT_LENGTH } from '@core/schema/answer-rubric';
import { roleOfTurn } from '@core/schema/answer-writing';
import { isVisible, pairwisePointLabel, readFieldPath, type AnswerSet, type ItemData, type Question, type QuestionOf, type TaskSchema } from '../../../schema';

/** Problems with the answers about to be submitted. */
export interface AnswerProblems {
  /** One message per question with a problem, in question order. */
  byQuestion: Record<string, string>;
  /** A problem of the item itself (it lacks data a question reads): the annotator can only skip it. */
  general: string | null;
}

/** Imperative verbs a prompt may start with; such a prompt is already the instruction ("Mark the people"). */
const IMPERATIVES = new Set(
  'answer assess choose classify compare continue correct decide describe edit enter evaluate explain find fix give highlight identify improve indicate judge label list mark order pick provide rank rate reply respond rewrite say score select sort summarise summarize tag tell translate write'.split(' '),
);

/** What to do for each type when the prompt gives no verb of its own. */
const FALLBACK: { [T in Question['type']]: string } = {
  label: 'Pick an answer',
  multi_label: 'Choose the options that apply',
  pairwise: 'Choose the better side',
  rating: 'Pick a rating',
  span: 'Mark the spans',
  ranking: 'Put the candidates in order',
  rubric: 'Score each criterion',
  text: 'Write an answer',
  conversation: 'Write the turns',
};

const PICK_VERB: { [T in Question['type']]: string } = {
  label: 'Pick',
  multi_label: 'Choose',
  pairwise: 'Choose',
  rating: 'Give',
  span: 'Mark',
  ranking: 'Give',
  rubric: 'Give',
  text: 'Write',
  conversation: 'Write',
};

const count = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/**
 * The question's prompt turned into an instruction, without a final stop: "Which reply is better?" → "Choose
 * which reply is better"; "What is the overall sentiment?" → "Pick the overall sentiment"; "How helpful is the
 * reply?" → "Rate how helpful the reply is"; an imperative prompt stays as it is; anything else is quoted after
 * what the question type asks for ("Pick an answer to “Is it toxic?”").
 */
export function instructionFor(question: Question): string {
  const prompt = question.prompt.trim().replace(/\s*\((?:optional|required)\)\s*$/i, '').replace(/\s+/g, ' ');
  if (prompt === '') return FALLBACK[question.type];
  const asked = prompt.endsWith('?');
  const body = prompt.replace(/[?.:!]+$/, '');
  if (asked) {
    const which = /^which\s+(.+)$/i.exec(body);
    if (which) return `Choose which ${which[1]}`;
    const what = /^what\s+(?:is|are)\s+((?:the|a|an|your)\s+.+)$/i.exec(body);
    if (what) return `${PICK_VERB[question.type]} ${what[1]}`;
    const how = /^how\s+(\w+)\s+(is|are|was|were)\s+(.+)$/i.exec(body);
    if (how) return `${question.type === 'rating' ? 'Rate' : 'Choose'} how ${how[1]} ${how[3]} ${how[2]}`;
  } else if (IMPERATIVES.has(body.split(' ')[0]?.toLowerCase() ?? '') && body.includes(' ')) {
    return body;
  }
  return `${FALLBACK[question.type]} ${asked ? 'to' : 'for'} “${prompt}”`;
}

/** The message for a required question left unanswered. */
export function missingMessage(question: Question): string {
  const ask = instructionFor(question);
  switch (question.type) {
    case 'multi_label':
      return question.minSelected === 0 ? `${ask}, or press “None apply” (0).` : `${ask} (at least ${count(question.minSelected)}).`;
    case 'span':
      return question.minSpans === 0
        ? `${ask}: select the words and press a label’s number, or press “Nothing to mark”.`
        : `${ask}: select the words, then press a label’s number.`;
    case 'ranking':
      return `${ask}: move a candidate, or press “Keep this order”.`;
    case 'rubric':
      return `${ask}: score every criterion.`;
    case 'text':
      return question.minLength > 0 ? `${ask} (at least ${plural(question.minLength, 'character')}).` : `${ask}.`;
    default:
      return `${ask}.`;
  }
}

/** The message for a given answer that the shared check refuses, said from what is wrong with it. */
export function invalidMessage(question: Question, value: unknown, item: ItemData): string {
  const fallback = `${instructionFor(question)}.`;
  switch (question.type) {
    case 'text':
      return textLengthMessage(typeof value === 'string' ? value.trim().length : 0, question.minLength, question.maxLength) ?? fallback;
    case 'multi_label': {
      const n = Array.isArray(value) ? value.length : 0;
      if (n < question.minSelected) return `Choose at least ${count(question.minSelected)} (${count(n)} chosen).`;
      if (n > question.maxSelected) return `Choose at most ${count(question.maxSelected)} (${count(n)} chosen).`;
      return fallback;
    }
    case 'pairwise':
      return value === 0 && !question.allowTie ? `Choose a side: “${pairwisePointLabel(question, 0)}” is not allowed here.` : fallback;
    case 'span':
      return spanMessage(question, value) ?? fallback;
    case 'ranking': {
      const found = readFieldPath(item, question.field);
      const total = found.found && Array.isArray(found.value) ? found.value.length : 0;
      return `Put all ${count(total)} candidates in order, each once.`;
    }
    case 'rubric':
      return rubricMessage(question, value) ?? fallback;
    case 'conversation':
      return conversationMessage(question, value) ?? fallback;
    default:
      return fallback;
  }
}

function textLengthMessage(length: number, min: number, max: number): string | null {
  if (length < min) return `Write at least ${plural(min, 'character')} (${count(length)} so far).`;
  if (length > max) return `Shorten this to at most ${plural(max, 'character')} (${count(length)} now).`;
  return null;
}

function spanMessage(question: QuestionOf<'span'>, value: unknown): string | null {
  const n = Array.isArray(value) ? value.length : 0;
  if (n < question.minSpans) return `Mark at least ${plural(question.minSpans, 'span')} (${count(n)} marked).`;
  if (question.maxSpans !== undefined && n > question.maxSpans) return `Mark at most ${plural(question.maxSpans, 'span')} (${count(n)} marked): remove some.`;
  if (!question.allowOverlap) return 'Two marked spans overlap, which this question does not allow: remove one of them.';
  return 'A marked span does not fit this text: remove it and mark it again.';
}

function rubricMessage(question: QuestionOf<'rubric'>, value: unknown): string | null {
  const answer = (value ?? {}) as { scores?: Record<string, unknown>; comments?: Record<string, unknown> };
  const unscored = question.criteria.filter((c) => typeof answer.scores?.[c.id] !== 'number');
  if (unscored.length > 0) {
    const names = unscored.map((c) => `“${c.label}”`);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    return `Score every criterion: ${list} ${unscored.length === 1 ? 'is' : 'are'} not scored yet.`;
  }
  const long = question.criteria.find((c) => {
    const comment = answer.comments?.[c.id];
    return typeof comment === 'string' && comment.length > MAX_RUBRIC_COMMENT_LENGTH;
  });
  return long ? `Shorten the comment on “${long.label}” to at most ${plural(MAX_RUBRIC_COMMENT_LENGTH, 'character')}.` : null;
}

function conversationMessage(question: QuestionOf<'conversation'>, value: unknown): string | null {
  const turns = Array.isArray(value) ? (value as { content?: unknown }[]) : [];
  if (turns.length < question.minTurns) return `Write at least ${plural(question.minTurns, 'turn')} (${count(turns.length)} so far).`;
  if (turns.length > question.maxTurns) return `Write at most ${plural(question.maxTurns, 'turn')}: remove the last one.`;
  for (const [i, turn] of turns.entries()) {
    const length = typeof turn?.content === 'string' ? turn.content.trim().length : 0;
    const role = roleOfTurn(question.role, i) === 'user' ? 'user' : 'assistant';
    if (length === 0) return `Write turn ${i + 1} (${role}), or remove it.`;
    if (length > question.maxLength) return `Shorten turn ${i + 1} to at most ${plural(question.maxLength, 'character')} (${count(length)} now).`;
  }
  return null;
}

/** The annotator-facing problem with one visible question's answer, or null when the server would accept it. */
export function answerProblem(question: Question, value: unknown, item: ItemData): string | null {
  if (!isAnswerGiven(question, value)) return question.required ? missingMessage(question) : null;
  try {
    checkAnswer(question, value, { data: item, path: ['answers', question.id] });
    return null;
  } catch {
    return invalidMessage(question, value, item);
  }
}

/**
 * Every problem of the answers about to be submitted (the visible questions' answers, as `answersToSubmit` gives
 * them), so the annotator sees all of them at once and the keyboard can go to the first.
 */
export function answerProblems(schema: TaskSchema, item: ItemData, answers: AnswerSet): AnswerProblems {
  try {
    validateItem(schema, item);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { byQuestion: {}, general: `This item is missing data the questions need, so it cannot be labeled: skip it (S) and say why. (${why})` };
  }
  const byQuestion: Record<string, string> = {};
  const seen: AnswerSet = {};
  for (const question of schema.questions) {
    if (!isVisible(question, seen)) continue;
    const value = answers[question.id];
    const problem = answerProblem(question, value, item);
    if (problem) byQuestion[question.id] = problem;
    else if (value !== undefined) seen[question.id] = value;
  }
  return { byQuestion, general: null };
}
