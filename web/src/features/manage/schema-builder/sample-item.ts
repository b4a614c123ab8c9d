/**
 * A stand-in item for the live preview when the project has none yet: placeholder text in every field the
 * schema reads, each in the shape its question needs (text, a dialogue, candidates to rank).
 */
import { questionFieldsRead, type FieldRead } from '@core/schema/item-fields';
import { readFieldPath } from '@core/schema/field-path';
import type { ItemData, TaskSchema } from '../../../schema';

function placeholderFor(read: FieldRead): unknown {
  switch (read.kind) {
    case 'text':
      return read.role === 'text'
        ? `Sample text for "${read.path}". Select a few words of it to mark a span, as an annotator would on a real item.`
        : `Sample ${read.role} text for "${read.path}".`;
    case 'text_or_dialogue':
      return `Sample ${read.role} for "${read.path}": the text shown beside the question.`;
    case 'dialogue':
      return [
        { role: 'user', content: 'Sample user turn: a question to the assistant.' },
        { role: 'assistant', content: 'Sample assistant turn.' },
        { role: 'user', content: 'Sample follow-up from the user.' },
      ];
    case 'candidates':
      return Array.from({ length: Math.max(3, read.minItems ?? 2) }, (_, i) => `Sample candidate ${i + 1}`);
  }
}

/** Writes `value` at a dotted path, creating objects (or arrays, for a digits-only next segment) on the way. */
function writePath(data: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  let current: Record<string, unknown> | unknown[] = data;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    const key = Array.isArray(current) ? Number(segment) : segment;
    const container = current as Record<string | number, unknown>;
    if (last) {
      container[key] = value;
      return;
    }
    const existing = container[key];
    if (typeof existing !== 'object' || existing === null) container[key] = /^\d+$/.test(segments[i + 1]!) ? [] : {};
    current = container[key] as Record<string, unknown> | unknown[];
  }
}

/**
 * `item` with a placeholder added for every field the schema reads that it lacks; what is there is kept, so
 * a sample the manager edited survives a schema change.
 */
export function withPlaceholders(schema: TaskSchema, item: ItemData = {}): ItemData {
  const next = structuredClone(item);
  for (const question of schema.questions) {
    for (const read of questionFieldsRead(question)) {
      if (!readFieldPath(next, read.path).found) writePath(next, read.path, placeholderFor(read));
    }
  }
  return next;
}
