/**
 * A project's answers in the order they were submitted: the input of agreement over time. Each row is one
 * annotation's answers with its item and time; a vendor manager's view keeps only the annotations submitted under
 * their vendor.
 */
import type { Executor } from './db.js';

export interface AnswerHistoryRow {
  item_id: string;
  answers: unknown;
  created_at: string;
}

/** Every annotation of the project (optionally of one vendor), oldest first. */
export function listAnswerHistory(db: Executor, projectId: string, vendorId?: string): Promise<AnswerHistoryRow[]> {
  return db
    .selectFrom('annotations')
    .select(['item_id', 'answers', 'created_at'])
    .where('project_id', '=', projectId)
    .$if(vendorId !== undefined, (q) => q.where('vendor_id', '=', vendorId!))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
