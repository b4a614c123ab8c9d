import { deleteExpiredSessions } from '../../store/credentials.js';
import type { ServiceDeps } from '../deps.js';

/** Deletes the login sessions past their expiry (the periodic job; an expired one is refused anyway). */
export async function deleteExpiredLoginSessions(deps: ServiceDeps): Promise<void> {
  const now = deps.now().toISOString();
  await deps.store.write((trx) => deleteExpiredSessions(trx, now));
}
