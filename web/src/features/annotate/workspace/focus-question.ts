/**
 * Moves the keyboard to the question at `index` of the answer form inside `root`: its chosen option, else its
 * first option or field, scrolled into view. AnswerForm makes a question active when focus enters it.
 */
const TARGETS = [
  '[role=radio][aria-checked=true]',
  '[role=radio]:not([tabindex="-1"])',
  '[role=checkbox], input:not([disabled]):not([type=hidden]), textarea:not([disabled]), select:not([disabled])',
  'button:not([disabled]), [tabindex]:not([tabindex="-1"])',
];

export function questionSections(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('.answer-form > section.question')];
}

export function focusQuestion(root: ParentNode | null, index: number): boolean {
  if (!root) return false;
  return focusSection(questionSections(root)[index]);
}

/** The same, for the question with id `questionId` (its index may have shifted as questions appear or hide). */
export function focusQuestionById(root: ParentNode | null, questionId: string): boolean {
  if (!root) return false;
  return focusSection(questionSections(root).find((s) => s.dataset.question === questionId));
}

function focusSection(section: HTMLElement | undefined): boolean {
  if (!section) return false;
  const target = TARGETS.map((s) => section.querySelector<HTMLElement>(s)).find((el) => el !== null);
  section.scrollIntoView?.({ block: 'nearest' });
  if (!target) return false;
  target.focus({ preventScroll: true });
  return true;
}
