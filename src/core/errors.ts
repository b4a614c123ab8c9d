/**
 * Domain errors. Services throw `AssayError` with a code from a closed set; only `src/api/errors.ts` knows how a
 * code maps to an HTTP status, and the CLI maps it to an exit code. Nothing below `api` knows about HTTP.
 */
export const ERROR_CODES = [
  'invalid', // the input breaks a rule; `field` names where
  'unauthenticated', // no valid session or token
  'forbidden', // authenticated, but the role does not allow the action
  'not_found', // absent, or outside the actor's scope (one message for both, so ids cannot be probed)
  'conflict', // the state forbids it (duplicate name, already submitted, ...)
  'lease_expired', // the assignment's lease ran out before the submit
  'no_task', // nothing eligible to label right now
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AssayError extends Error {
  readonly code: ErrorCode;
  /** Dotted path of the offending input field, e.g. `schema.questions[2].options`, or `line 14: answers.sentiment`. */
  readonly field: string | undefined;
  /** Extra machine-readable detail (e.g. the line number of an import error). */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, field?: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AssayError';
    this.code = code;
    this.field = field;
    this.details = details;
  }
}

export const invalid = (message: string, field?: string, details?: Record<string, unknown>) =>
  new AssayError('invalid', message, field, details);
export const notFound = (what: string) => new AssayError('not_found', `${what} not found or no access`);
export const forbidden = (message = 'Your role does not allow this action') => new AssayError('forbidden', message);
export const conflict = (message: string, field?: string) => new AssayError('conflict', message, field);

export const isAssayError = (e: unknown): e is AssayError => e instanceof AssayError;
