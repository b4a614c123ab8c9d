/** `text`: a free-form written answer, with the item context above and a Markdown editor with preview. */
import type { Widget, WidgetProps } from './types';
import { ItemText } from './ItemText';
import { MarkdownEditor } from './MarkdownEditor';
import '../widgets.css';

function TextWidgetView({ question, item, value, onChange, idPrefix }: WidgetProps<'text'>) {
  return (
    <div>
      {question.field && <ItemText item={item} field={question.field} label="Context" />}
      <MarkdownEditor
        id={`${idPrefix}-text`}
        value={value ?? ''}
        onChange={(text) => onChange(text === '' ? undefined : text)}
        labelledBy={`${idPrefix}-prompt`}
        placeholder={question.placeholder}
        minLength={question.minLength}
        maxLength={question.maxLength}
      />
    </div>
  );
}

export const TextWidget: Widget<'text'> = {
  Component: TextWidgetView,
  shortcuts: () => [
    { keys: 'Tab', does: 'Into the text area; shortcuts pause while you type' },
    { keys: 'Esc', does: 'Leave the text area, so shortcuts work again' },
  ],
  hint: () => 'Tab into the box to write',
};
