import { deleteAbandonedImports } from '../../store/items.js';
import type { ServiceDeps } from '../deps.js';

/** An import still staging after this long belongs to a process that died mid-import. */
export const ABANDONED_IMPORT_AFTER_MS = 6 * 3600_000;

/** Deletes the staged items of imports that never finished (see import-items.ts). */
export async function deleteAbandonedImportItems(deps: ServiceDeps): Promise<number> {
  const before = new Date(deps.now().getTime() - ABANDONED_IMPORT_AFTER_MS).toISOString();
  return deps.store.write((trx) => deleteAbandonedImports(trx, before));
}
