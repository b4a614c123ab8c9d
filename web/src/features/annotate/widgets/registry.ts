/** Question type → widget. Adding a question type to the schema language means adding its widget here. */
import type { QuestionType } from '../../../schema';
import type { Widget } from './types';
import { LabelWidget } from './LabelWidget';

export const WIDGETS: { [T in QuestionType]?: Widget<T> } = {
  label: LabelWidget,
};
