/**
 * An annotation: one annotator's answers to one item under one assignment, with the schema and guideline versions
 * they answered and what their client measured. The store returns this shape (answers and signals parsed); the API
 * returns it as is.
 */
import type { AnswerSet } from './schema/index.js';

/** What the client measured while the annotator worked (effort and fraud signals read these later). */
export interface ClientSignals {
  activeMs?: number | undefined;
  pastes?: number | undefined;
  pastedChars?: number | undefined;
  focusLosses?: number | undefined;
  keystrokes?: number | undefined;
}

export interface Annotation {
  id: string;
  assignmentId: string;
  projectId: string;
  itemId: string;
  annotatorId: string;
  answers: AnswerSet;
  schemaVersion: number;
  guidelineVersion: number;
  timeSpentMs: number;
  clientSignals: ClientSignals;
  createdAt: string;
}
