/** Zod pieces that several route files share: pagination, ids, the error body. */
import { z } from 'zod';
import { ERROR_CODES } from '../core/errors.js';

export const pageQuery = z.object({
  cursor: z.string().optional().describe('The nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable().describe('null on the last page') });

export const errorBody = z.object({
  error: z.object({
    code: z.enum([...ERROR_CODES, 'internal']),
    message: z.string(),
    field: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** Error responses every authenticated route may give; routes add their own success codes. */
export const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
} as const;

export const projectParams = z.object({ projectId: z.string().min(1) });
export const jsonObject = z.record(z.string(), z.unknown());
