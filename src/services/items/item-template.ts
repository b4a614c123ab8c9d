/**
 * An example import file for a project's schema: two items holding every field the schema's questions read, in the
 * shape each needs, a field of metadata kept with the item, and (on the first item, or on both for a qualification,
 * whose items all need one) a gold answer showing each question's answer format. It is what `importItems` reads:
 * the template imports as it is (the round trip is tested for every question type).
 */
import { authorize, type Actor } from '../../core/permissions.js';
import { questionFieldsRead, validateAnswers, isVisible, type FieldRead, type Question, type TaskSchema } from '../../core/schema/index.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';
import { loadSchema } from '../projects/schema-cache.js';
import type { ImportFormat } from '../../core/data-files.js';

export interface ItemTemplate {
  fileName: string;
  contentType: string;
  body: string;
}

export const TEMPLATE_CONTENT_TYPES: Record<ImportFormat, string> = {
  jsonl: 'application/x-ndjson',
  json: 'application/json',
  csv: 'text/csv',
};

/** The example file for the project's schema in force. */
export async function getItemTemplate(deps: ServiceDeps, actor: Actor, projectId: string, format: ImportFormat): Promise<ItemTemplate> {
  authorize(actor, 'item.import');
  const project = await requireProject(deps, actor, projectId);
  const schema = await loadSchema(deps.store.db, project.id, project.schema_version);
  const slug = project.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'project';
  return {
    fileName: `${slug}-items-template.${format}`,
    contentType: TEMPLATE_CONTENT_TYPES[format],
    body: buildItemTemplate(schema, format, { goldOnEvery: project.kind === 'qualification' }),
  };
}

/** One example record in the import's nested form. */
export interface TemplateRecord {
  id: string;
  priority: number;
  data: Record<string, unknown>;
  gold?: Record<string, unknown>;
  gold_explanation?: string;
}

/** The file's text: JSON Lines, a JSON array or CSV. */
export function buildItemTemplate(schema: TaskSchema, format: ImportFormat, opts: { goldOnEvery?: boolean } = {}): string {
  const records = templateRecords(schema, opts);
  switch (format) {
    case 'jsonl':
      return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
    case 'json':
      return JSON.stringify(records, null, 2) + '\n';
    case 'csv':
      return toCsv(records);
  }
}

const RESERVED = new Set(['id', 'external_id', 'priority', 'gold', 'gold_explanation', 'data']);

/** The two example items, gold included where it fits. */
export function templateRecords(schema: TaskSchema, opts: { goldOnEvery?: boolean } = {}): TemplateRecord[] {
  return [0, 1].map((n) => {
    const data = exampleData(schema, n);
    const record: TemplateRecord = { id: `example-${n + 1}`, priority: 0, data };
    if (n === 0 || opts.goldOnEvery) {
      const gold = exampleGold(schema, data);
      if (gold) {
        record.gold = gold;
        record.gold_explanation = 'Why this answer is right, shown to an annotator who missed it (when the project gives feedback on gold).';
      }
    }
    return record;
  });
}

const TEXTS: Record<FieldRead['role'], [string, string]> = {
  context: ['The kettle boils quickly, but the lid does not close properly.', 'Arrived a day late; works exactly as described.'],
  text: ["Ada Lovelace wrote the first program for Charles Babbage's Analytical Engine.", 'Grace Hopper built the first compiler at Remington Rand in 1952.'],
  prompt: ['How long should I boil an egg for a runny yolk?', 'What is the capital of Australia?'],
  left: ['About 6 minutes in boiling water, then straight into cold water.', 'Canberra.'],
  right: ['Boil it for 15 minutes.', 'Sydney, the largest city.'],
  candidates: ['', ''],
  dialogue: ['', ''],
};

/** Item data for example `n` (0 or 1): every field the schema reads, in the strictest shape any question needs. */
function exampleData(schema: TaskSchema, n: number): Record<string, unknown> {
  const reads = new Map<string, FieldRead>();
  const rank = { text: 3, dialogue: 2, candidates: 2, text_or_dialogue: 1 } as const;
  for (const q of schema.questions) {
    for (const read of questionFieldsRead(q)) {
      const had = reads.get(read.path);
      if (!had || rank[read.kind] > rank[had.kind] || (read.kind === 'candidates' && had.kind === 'candidates' && (read.minItems ?? 2) > (had.minItems ?? 2))) reads.set(read.path, read);
    }
  }
  const data: Record<string, unknown> = {};
  for (const read of reads.values()) writePath(data, read.path, exampleValue(read, n));
  if (!('source' in data)) data.source = n === 0 ? 'metadata: kept with the item and exported, not asked about' : 'support-tickets-2026-03';
  return data;
}

function exampleValue(read: FieldRead, n: number): unknown {
  switch (read.kind) {
    case 'text':
    case 'text_or_dialogue':
      return TEXTS[read.role][n];
    case 'dialogue':
      return [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: n === 0 ? 'Can you recommend a book on the history of computing?' : 'How do I undo my last git commit?' },
      ];
    case 'candidates':
      return Array.from({ length: Math.max(3, read.minItems ?? 2) }, (_, i) => `Candidate reply ${i + 1} to rank`);
  }
}

/** Writes `value` at a dotted path, creating objects (or arrays, for a digits-only next segment) on the way. */
function writePath(data: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  let current = data as Record<string | number, unknown>;
  segments.forEach((segment, i) => {
    const key = Array.isArray(current) ? Number(segment) : segment;
    if (i === segments.length - 1) {
      current[key] = value;
      return;
    }
    if (typeof current[key] !== 'object' || current[key] === null) current[key] = /^\d+$/.test(segments[i + 1]!) ? [] : {};
    current = current[key] as Record<string | number, unknown>;
  });
}

/**
 * A gold answer for every question shown (and answerable) with these answers, in question order: a hidden question
 * is left out, as it must be. Optional free-text questions are left out too (a gold rationale measures nothing).
 * Undefined when the schema's rules reject what was built (a combination this builder does not foresee).
 */
function exampleGold(schema: TaskSchema, data: Record<string, unknown>): Record<string, unknown> | undefined {
  const answers: Record<string, unknown> = {};
  for (const q of schema.questions) {
    if (!isVisible(q, answers)) continue;
    if (!q.required && (q.type === 'text' || q.type === 'conversation')) continue;
    answers[q.id] = exampleAnswer(q, data);
  }
  try {
    return validateAnswers(schema, data, answers);
  } catch {
    return undefined;
  }
}

function exampleAnswer(q: Question, data: Record<string, unknown>): unknown {
  switch (q.type) {
    case 'label':
      return q.options[0]!.value;
    case 'multi_label':
      return q.options.slice(0, Math.min(Math.max(1, q.minSelected), q.maxSelected)).map((o) => o.value);
    case 'rating':
      return q.min + q.step * Math.floor((q.max - q.min) / q.step / 2);
    case 'pairwise':
      return q.scale.min <= -1 ? -1 : 1;
    case 'ranking': {
      const n = (readPath(data, q.field) as unknown[]).length;
      return [1, 0, ...Array.from({ length: n - 2 }, (_, i) => i + 2)];
    }
    case 'rubric':
      return { scores: Object.fromEntries(q.criteria.map((c) => [c.id, c.max])) };
    case 'text':
      return 'A model answer, as the best annotator would write it.'.padEnd(q.minLength, '.').slice(0, q.maxLength);
    case 'conversation':
      return Array.from({ length: q.minTurns }, (_, i) => ({
        role: i % 2 === 0 ? q.role : q.role === 'assistant' ? 'user' : 'assistant',
        content: 'A reply written by the annotator.'.slice(0, q.maxLength),
      }));
    case 'span': {
      const text = String(readPath(data, q.field));
      const words = [...text.matchAll(/\S+/g)];
      const count = Math.min(Math.max(1, q.minSpans), q.maxSpans ?? Infinity, words.length);
      return words.slice(0, count).map((w) => ({ start: w.index, end: w.index + w[0].length, label: q.labels[0]!.value }));
    }
  }
}

const readPath = (data: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((at, s) => (at as Record<string, unknown> | undefined)?.[s], data);

/** CSV with a header: flat data columns (`NAME:json` for anything not a string), `gold:json` and `gold_explanation`. */
function toCsv(records: TemplateRecord[]): string {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r.data)))];
  // A data field named like a reserved column cannot sit flat beside it: the whole data goes in one JSON column.
  const nested = keys.some((k) => RESERVED.has(k));
  const asJson = (k: string) => records.some((r) => r.data[k] !== undefined && typeof r.data[k] !== 'string');
  const dataColumns = nested ? [{ name: 'data:json', cell: (r: TemplateRecord) => JSON.stringify(r.data) }] : keys.map((k) => ({ name: asJson(k) ? `${k}:json` : k, cell: (r: TemplateRecord) => (asJson(k) ? JSON.stringify(r.data[k] ?? null) : String(r.data[k] ?? '')) }));
  const hasGold = records.some((r) => r.gold);
  const columns = [
    { name: 'id', cell: (r: TemplateRecord) => r.id },
    { name: 'priority', cell: (r: TemplateRecord) => String(r.priority) },
    ...dataColumns,
    ...(hasGold
      ? [
          { name: 'gold:json', cell: (r: TemplateRecord) => (r.gold ? JSON.stringify(r.gold) : '') },
          { name: 'gold_explanation', cell: (r: TemplateRecord) => r.gold_explanation ?? '' },
        ]
      : []),
  ];
  const line = (cells: string[]) => cells.map(csvCell).join(',');
  return [line(columns.map((c) => c.name)), ...records.map((r) => line(columns.map((c) => c.cell(r))))].join('\n') + '\n';
}

const csvCell = (v: string) => (/[",\n\r]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
