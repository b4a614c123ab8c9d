/**
 * Question type → widget, total over the schema language: adding a question type fails to compile until it has a
 * widget here.
 */
import type { Question, QuestionType } from '../../../schema';
import type { Shortcut, Widget } from './types';
import { ConversationWidget } from './ConversationWidget';
import { LabelWidget } from './LabelWidget';
import { MultiLabelWidget } from './MultiLabelWidget';
import { PairwiseWidget } from './PairwiseWidget';
import { RankingWidget } from './RankingWidget';
import { RatingWidget } from './RatingWidget';
import { RubricWidget } from './RubricWidget';
import { SpanWidget } from './SpanWidget';
import { TextWidget } from './TextWidget';

export const WIDGETS: { [T in QuestionType]: Widget<T> } = {
  label: LabelWidget,
  multi_label: MultiLabelWidget,
  span: SpanWidget,
  rating: RatingWidget,
  pairwise: PairwiseWidget,
  ranking: RankingWidget,
  rubric: RubricWidget,
  text: TextWidget,
  conversation: ConversationWidget,
};

/**
 * The widget of a question's type. The mapped type above ties each type to its widget; a union-typed question
 * cannot carry that link through an index, hence the one cast here rather than at every call site.
 */
export function widgetFor<T extends QuestionType>(question: Question & { type: T }): Widget<T> {
  return WIDGETS[question.type] as Widget<T>;
}

/** The shortcuts a question offers while active, for the workspace's help overlay. */
export function shortcutsFor(question: Question): Shortcut[] {
  return (widgetFor(question) as Widget<QuestionType>).shortcuts(question as never);
}
