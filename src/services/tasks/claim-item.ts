/**
 * The claim's transactions: resume the annotator's open lease in the project, or take the next eligible item with a
 * new lease, through the store's statements (`store/claims.ts`). On an engine whose claim is one statement
 * (`singleStatementWrites`: PostgreSQL), the lapsed-lease sweep is its own short transaction and the resume read and
 * the claim statement each autocommit, so no transaction is held open across round trips; elsewhere (SQLite,
 * in-process, no round trips) everything runs in one group-committed write transaction.
 */
import type { Store } from '../../store/db.js';
import { expireLeases } from '../../store/assignments.js';
import { findOpenLease, tryClaim, type Claimed, type NewLease } from '../../store/claims.js';

export interface ClaimInput extends NewLease {
  /** Also return lapsed leases of the project to the pool first. */
  sweep: boolean;
  /** Only resume the annotator's open lease, never claim a new item (the routing checks refused a new one). */
  resumeOnly?: boolean | undefined;
}

/** Attempts when concurrent claimers take the chosen item's last slot, or hold every candidate, first. */
const CLAIM_ATTEMPTS = 8;

/** The annotator's open lease, or a new one; null when nothing is eligible. */
export async function claimItem(store: Store, c: ClaimInput): Promise<Claimed | null> {
  const { sweep, resumeOnly, ...lease } = c;
  const holder = { projectId: c.projectId, annotatorId: c.annotatorId, now: c.now };

  if (store.dialect.singleStatementWrites) {
    if (sweep) await store.write((trx) => expireLeases(trx, c.projectId, c.now, c.overlapK));
    const open = await findOpenLease(store.db, holder);
    if (open || resumeOnly) return open;
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const got = await tryClaim(store.db, lease);
      if (got === 'retry') continue;
      if (got !== 'wait') return got;
      // Locked, not gone: every candidate is being taken by a concurrent claim this instant (or its slot filled since
      // the statement's snapshot). Retrying at once meets the same locks; wait until those statements have ended
      // (well under a millisecond), a little longer each time.
      await new Promise((resolve) => setTimeout(resolve, attempt + 1));
    }
    return null;
  }

  return store.write(async (trx) => {
    if (sweep) await expireLeases(trx, c.projectId, c.now, c.overlapK);
    const open = await findOpenLease(trx, holder);
    if (open || resumeOnly) return open;
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const got = await tryClaim(trx, lease);
      if (got !== 'retry' && got !== 'wait') return got;
    }
    return null;
  });
}
