import { z } from 'zod';
import { jsonObject } from '../common-schemas.js';

/** What the client measured while the annotator worked; unknown keys are refused on input. */
export const clientSignals = z.object({
  activeMs: z.number().int().min(0).optional(),
  pastes: z.number().int().min(0).optional(),
  pastedChars: z.number().int().min(0).optional(),
  focusLosses: z.number().int().min(0).optional(),
  keystrokes: z.number().int().min(0).optional(),
});

export const annotationView = z.object({
  id: z.string(),
  assignmentId: z.string(),
  projectId: z.string(),
  itemId: z.string(),
  annotatorId: z.string(),
  answers: jsonObject,
  schemaVersion: z.number().int(),
  guidelineVersion: z.number().int(),
  timeSpentMs: z.number().int(),
  clientSignals,
  createdAt: z.string(),
});
