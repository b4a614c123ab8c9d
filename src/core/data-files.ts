/**
 * The vocabulary of files going in and out: the formats an import reads, the kinds of error it reports, and the
 * formats an export writes.
 */

export const IMPORT_FORMATS = ['json', 'jsonl', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** `syntax`: the line could not be read; `field`: a record breaks the schema; `duplicate`: an id repeats or exists. */
export const IMPORT_ERROR_KINDS = ['syntax', 'field', 'duplicate'] as const;
export type ImportErrorKind = (typeof IMPORT_ERROR_KINDS)[number];

export const EXPORT_FORMATS = ['jsonl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
