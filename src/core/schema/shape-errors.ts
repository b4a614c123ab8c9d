/**
 * Turns zod's issues about a task schema's shape into our wording: the question named as in every other schema
 * error, the field as a path (`questions[2].options[3].value`), and the rule in plain words.
 */
import type { core } from 'zod';
import { invalid } from '../errors.js';
import type { AssayError } from '../errors.js';
import { formatPath, isPlainObject } from './field-path.js';
import { listValues, show } from './messages.js';
import { QUESTION_TYPES } from './types.js';

/** One shape problem, worded for people. */
export interface ShapeProblem {
  field: string;
  message: string;
}

/**
 * An `invalid` error for the first issue (zod reports them in input order, which is the order a person reads
 * the schema in); `details.issues` lists all of them, worded the same way, for editors that mark every line.
 */
export function shapeError(input: unknown, issues: readonly core.$ZodIssue[]): AssayError {
  const problems = issues.map((issue) => describeIssue(input, issue));
  const first = problems[0] ?? { field: '', message: 'Task schema is invalid' };
  return invalid(first.message, first.field || undefined, { issues: problems });
}

function describeIssue(input: unknown, issue: core.$ZodIssue): ShapeProblem {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const value = valueAt(input, path);
  let subject = 'Task schema';
  let inner = path;
  if (path[0] === 'questions' && typeof path[1] === 'number') {
    subject = nameRawQuestion(valueAt(input, path.slice(0, 2)), path[1]);
    inner = path.slice(2);
  }
  const rel = formatPath(inner);
  const what = rel === '' ? 'the value' : rel;
  let field = formatPath(path);
  let rule: string;
  switch (issue.code) {
    case 'invalid_type':
      rule = value === undefined ? `${what} is required` : `${what} must be ${typeName(issue.expected)}; got ${show(value)}`;
      break;
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      field = formatPath([...path, key]);
      rule = `unknown property "${key}"${rel === '' ? '' : ` in ${rel}`}`;
      break;
    }
    case 'invalid_union':
      if (issue.discriminator === 'type') {
        rule = `type must be one of ${QUESTION_TYPES.join(', ')}; got ${show(value)}`;
      } else {
        const expected = issue.errors.flatMap((branch) => branch.filter((i) => i.code === 'invalid_type' && i.path.length === 0));
        const names = expected.map((i) => (i.code === 'invalid_type' ? typeName(i.expected) : ''));
        rule = `${what} must be ${names.length > 0 ? names.join(' or ') : 'valid'}; got ${show(value)}`;
      }
      break;
    case 'too_small':
    case 'too_big': {
      const got = Array.isArray(value) || typeof value === 'string' ? value.length : show(value);
      rule = `${what} ${boundRule(issue)}; got ${got}`;
      break;
    }
    case 'invalid_value':
      rule = `${what} must be one of ${listValues(issue.values)}; got ${show(value)}`;
      break;
    case 'invalid_format':
      // Our regexes carry messages written as predicates ("must be a slug: ...").
      rule = `${what} ${issue.message}; got ${show(value)}`;
      break;
    default:
      rule = `${what}: ${issue.message}`;
  }
  return { field, message: `${subject}: ${rule}` };
}

/** `Question "sentiment" (label)` when the raw question says so, else its position. */
function nameRawQuestion(raw: unknown, index: number): string {
  if (!isPlainObject(raw) || typeof raw.id !== 'string') return `Question at questions[${index}]`;
  const type = (QUESTION_TYPES as readonly unknown[]).includes(raw.type) ? ` (${String(raw.type)})` : '';
  return `Question "${raw.id}"${type}`;
}

function boundRule(issue: core.$ZodIssueTooSmall | core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  const strict = issue.inclusive === false;
  switch (issue.origin) {
    case 'array':
      return `must have ${small ? 'at least' : 'at most'} ${strict ? bound + (small ? 1 : -1) : bound} item(s)`;
    case 'string':
      return `must have ${small ? 'at least' : 'at most'} ${bound} character(s)`;
    default:
      return `must be ${small ? (strict ? 'greater than' : 'at least') : strict ? 'less than' : 'at most'} ${bound}`;
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    int: 'an integer',
    boolean: 'a boolean',
    array: 'an array',
    object: 'an object',
    record: 'an object',
  };
  return names[expected] ?? expected;
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let current = input;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isPlainObject(current) && typeof segment === 'string' && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}
