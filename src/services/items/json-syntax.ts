/**
 * JSON syntax errors in words, with the column (or line and column) they are at. V8's `JSON.parse` messages name a
 * character offset ("… in JSON at position 34") and sometimes quote the whole input; a person fixing a file wants
 * "line 3, column 35: a string is not closed".
 */

/** Where a syntax error is and what is wrong, without the location in the text. */
export interface JsonSyntaxProblem {
  /** 0-based character offset into the parsed text, when the engine says. */
  position?: number;
  /** What is wrong, in words, starting lowercase. */
  reason: string;
}

/** Reads V8's message: the offset it names, and the reason rephrased where the original is cryptic. */
export function describeJsonError(error: unknown, text: string): JsonSyntaxProblem {
  const raw = error instanceof Error ? error.message : String(error);
  const at = /\s*(?:in JSON )?at position (\d+)(?: \(line \d+ column \d+\))?/.exec(raw);
  const position = at ? Number(at[1]) : undefined;
  let reason = (at ? raw.replace(at[0], '') : raw).trim();
  const token = /^Unexpected token '(.+?)', .* is not valid JSON$/s.exec(reason);
  if (token) {
    // No offset in this message: the first occurrence of the token outside a string is where the parser stopped.
    const found = findOutsideStrings(text, token[1]!);
    return { ...(found >= 0 && { position: found }), reason: `unexpected ${show(token[1]!)}${hint(token[1]!)}` };
  }
  if (/^Unexpected end of JSON input/.test(reason)) {
    return { position: text.length, reason: 'the JSON ends too early: a bracket, brace or string is not closed' };
  }
  if (/^Unterminated string/.test(reason)) reason = 'a string is not closed (a " is missing)';
  else if (/^Expected double-quoted property name/.test(reason)) reason = 'expected a property name in double quotes (a trailing comma, or a name in single quotes?)';
  else if (/^Expected ',' or '\}' after property value/.test(reason)) reason = 'expected "," or "}" after a value: a comma is missing, or the object is not closed';
  else if (/^Expected ',' or '\]' after array element/.test(reason)) reason = 'expected "," or "]" after an array element: a comma is missing, or the array is not closed';
  else if (/^Expected property name or '\}'/.test(reason)) reason = 'expected a property name in double quotes, or "}"';
  else if (/^Bad control character in string literal/.test(reason)) reason = 'a string holds a raw control character (write a line break as \\n, a tab as \\t)';
  else if (/^Unexpected non-whitespace character after JSON/.test(reason)) reason = 'more text follows a complete JSON value (two records on one line?)';
  else reason = reason.charAt(0).toLowerCase() + reason.slice(1);
  return { ...(position !== undefined && { position }), reason };
}

/** `line` and `column` (both 1-based) of an offset into `text`. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: position - start + 1 };
}

const show = (token: string) => (token.length === 1 ? `"${token}"` : `"${token.slice(0, 20)}"`);

function hint(token: string): string {
  if (token === "'") return ' (JSON strings take double quotes)';
  if (/^[A-Za-z]/.test(token)) return ' (text must be in double quotes)';
  return '';
}

function findOutsideStrings(text: string, token: string): number {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (text.startsWith(token, i)) {
      return i;
    }
  }
  return -1;
}
