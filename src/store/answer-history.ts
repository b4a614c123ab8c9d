/**
 * A project's answers in the order they were submitted: the input of agreement over time. Each row is one
 * annotation's answers with its item and time; a vendor manager's view keeps only the annotations submitted under
 * their vendor.
 */
import type { Executor } from './db.js';
import { fromJson } from './dialect.js';
import type { AnswerSet } from '../core/schema/index.js';

export interface AnswerHistoryRow {
  item_id: string;
  answers: AnswerSet;
  created_at: string;
}

/** Every annotation of the project (optionally of one vendor), oldest first, its answers parsed. */
export async function listAnswerHistory(db: Executor, projectId: string, vendorId?: string): Promise<AnswerHistoryRow[]> {
  const rows = await db
    .selectFrom('annotations')
    .select(['item_id', 'answers', 'created_at'])
    .where('project_id', '=', projectId)
    .$if(vendorId !== undefined, (q) => q.where('vendor_id', '=', vendorId!))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, answers: fromJson<AnswerSet>(r.answers) }));
}
