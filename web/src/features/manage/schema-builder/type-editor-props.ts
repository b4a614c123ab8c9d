import type { DraftQuestion, SchemaProblem } from './draft';

/** What every type's editor gets: the question as drafted, its error path, the problems, and a setter. */
export interface TypeEditorProps {
  q: DraftQuestion;
  /** Error path of the question, e.g. `questions[2]`. */
  path: string;
  problems: readonly SchemaProblem[];
  /** Sets one property of the question; `undefined` removes it. */
  set: (key: string, value: unknown) => void;
}

export const FIELD_PATH_HINT = 'A path into the item’s data, e.g. "text" or "meta.title".';
