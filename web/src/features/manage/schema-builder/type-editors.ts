/** Question type → the form for its own properties (the common ones are edited by QuestionEditor). */
import type { QuestionType } from '../../../schema';
import { LabelFields, MultiLabelFields, SpanFields } from './choice-editors';
import { PairwiseFields, RatingFields, RubricFields } from './scale-editors';
import { ConversationFields, RankingFields, TextFields } from './writing-editors';
import type { TypeEditorProps } from './type-editor-props';

export const TYPE_EDITORS: Record<QuestionType, (p: TypeEditorProps) => React.ReactNode> = {
  label: LabelFields,
  multi_label: MultiLabelFields,
  span: SpanFields,
  rating: RatingFields,
  pairwise: PairwiseFields,
  ranking: RankingFields,
  rubric: RubricFields,
  text: TextFields,
  conversation: ConversationFields,
};
