import { expireLeases, findProjectsWithLapsedLeases } from '../../store/assignments.js';
import { nowIsoOf, type ServiceDeps } from '../deps.js';

/**
 * Returns lapsed leases to the pool across all projects. The claim path also expires a project's leases before
 * claiming, so this sweep only keeps progress figures honest for projects nobody is claiming from.
 */
export async function expireAllLeases(deps: ServiceDeps): Promise<number> {
  const now = nowIsoOf(deps);
  const projects = await findProjectsWithLapsedLeases(deps.store.db, now);
  let n = 0;
  for (const p of projects) n += await deps.store.write((trx) => expireLeases(trx, p.id, now, p.overlap_k));
  return n;
}
