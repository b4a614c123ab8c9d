/**
 * The ordered list of migrations, imported statically so the Migrator works the same from `src/` (tsx),
 * `dist/` (compiled) and a bundle: no directory scanning. Names sort by their date prefix.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './2026-11-25-0001-initial.js';
import * as importStaging from './2026-11-25-0002-item-import-staging.js';
import * as goldScores from './2026-11-25-0003-gold-scores.js';
import * as reviews from './2026-11-25-0004-reviews.js';
import * as qualityGates from './2026-11-25-0005-quality-gates.js';
import * as routing from './2026-11-25-0006-routing-and-live-quality.js';
import * as signals from './2026-11-25-0007-signals.js';
import * as vendorTerms from './2026-11-25-0008-vendor-terms.js';
import * as gateRule from './2026-12-07-0012-gate-rule.js';
import * as claimProbeIndex from './2026-12-07-0014-claim-probe-index.js';
import * as firstRun from './2026-12-07-0015-first-run.js';
import * as reviewGold from './2026-12-07-0016-review-gold.js';

const migrations: Record<string, Migration> = {
  '2026-11-25-0001-initial': initial,
  '2026-11-25-0002-item-import-staging': importStaging,
  '2026-11-25-0003-gold-scores': goldScores,
  '2026-11-25-0004-reviews': reviews,
  '2026-11-25-0005-quality-gates': qualityGates,
  '2026-11-25-0006-routing-and-live-quality': routing,
  '2026-11-25-0007-signals': signals,
  '2026-11-25-0008-vendor-terms': vendorTerms,
  '2026-12-07-0012-gate-rule': gateRule,
  '2026-12-07-0014-claim-probe-index': claimProbeIndex,
  '2026-12-07-0015-first-run': firstRun,
  '2026-12-07-0016-review-gold': reviewGold,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
