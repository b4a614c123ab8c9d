/**
 * The contract between the workspace and a question widget. A widget is controlled: it shows `value` and reports
 * every change through `onChange` (undefined = unanswered); it renders the item fields its question reads. While
 * `active`, it owns the plain keys it documents in `shortcuts` (number keys pick options, etc.); the workspace
 * owns Ctrl+Enter, Ctrl+Z, Alt+↑/↓ (move between questions) and `?`.
 */
import type { AnswerOf, ItemData, QuestionOf, QuestionType } from '../../../schema';

export interface WidgetProps<T extends QuestionType> {
  question: QuestionOf<T>;
  item: ItemData;
  value: AnswerOf<T> | undefined;
  /**
   * `chosen`: the change is a final pick (a number key or a click on a single-choice option), after which the
   * workspace moves on to the next unanswered question; arrow keys and toggles leave it unset.
   */
  onChange: (value: AnswerOf<T> | undefined, chosen?: boolean) => void;
  /** This question has the keyboard: its plain-key shortcuts are live. */
  active: boolean;
  /** Prefix for element ids, unique per question on the page. */
  idPrefix: string;
}

/** A shortcut a widget offers, listed in the help overlay. */
export interface Shortcut {
  keys: string;
  does: string;
}

export interface Widget<T extends QuestionType> {
  Component: (props: WidgetProps<T>) => React.ReactNode;
  /** Shortcuts while the question is active, for the help overlay. */
  shortcuts: (question: QuestionOf<T>) => Shortcut[];
  /**
   * The question's own part of the one-line key hint under the active question (`1–3 choose`), short: the
   * workspace appends its own keys. Says how to move on where a pick does not (several answers, free text).
   */
  hint: (question: QuestionOf<T>) => string;
}
