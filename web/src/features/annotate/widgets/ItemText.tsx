/** The item text a question reads (a field path into the item data), rendered as Markdown when it is a string. */
import { Markdown } from '../../../components/Markdown';
import { readFieldPath, type ItemData } from '../../../schema';

export function fieldText(item: ItemData, field: string): string | undefined {
  const found = readFieldPath(item, field);
  if (!found.found) return undefined;
  return typeof found.value === 'string' ? found.value : JSON.stringify(found.value, null, 2);
}

export function ItemText({ item, field, label }: { item: ItemData; field: string; label?: string }) {
  const text = fieldText(item, field);
  if (text === undefined) return null;
  return (
    <section className="item-text" aria-label={label ?? field}>
      <Markdown source={text} />
    </section>
  );
}
