/**
 * The item text a question reads (a field path into the item data): a string as Markdown, a dialogue as chat
 * bubbles, anything else as JSON. A missing field says so, which matters in the schema builder's preview, whose
 * sample item may not have every field yet.
 */
import { Markdown } from '../../../components/Markdown';
import { readFieldPath, type ItemData } from '../../../schema';
import { asDialogue, DialogueView } from './DialogueView';
import '../widgets.css';

export function fieldText(item: ItemData, field: string): string | undefined {
  const found = readFieldPath(item, field);
  if (!found.found) return undefined;
  return typeof found.value === 'string' ? found.value : JSON.stringify(found.value, null, 2);
}

export function MissingField({ field }: { field: string }) {
  return <p className="status empty small">This item has no field “{field}”.</p>;
}

export function ItemText({ item, field, label }: { item: ItemData; field: string; label?: string }) {
  const found = readFieldPath(item, field);
  if (!found.found) return <MissingField field={field} />;
  const dialogue = typeof found.value === 'string' ? undefined : asDialogue(found.value);
  return (
    <section className="item-text" aria-label={label ?? field}>
      {dialogue ? (
        <DialogueView turns={dialogue} label={label ?? field} />
      ) : (
        <Markdown source={typeof found.value === 'string' ? found.value : '```json\n' + JSON.stringify(found.value, null, 2) + '\n```'} />
      )}
    </section>
  );
}
