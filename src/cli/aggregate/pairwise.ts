/** `assay aggregate --pairwise`: Bradley–Terry (or Crowd-BT) scores with standard errors, ranked within each task. */
import { bradleyTerry } from '../../quality/pairwise/bradley-terry.js';
import { crowdBt } from '../../quality/pairwise/crowd-bt.js';
import type { PairwiseResult } from '../../quality/pairwise/types.js';
import type { CliIo } from '../io/cli-io.js';
import { formatCsv, formatProbability, writeOutput } from '../io/csv-output.js';
import type { AggregateOptions, PairwiseMethod } from './aggregate-options.js';
import { readPairwise } from './read-pairwise.js';

export async function aggregatePairwise(file: string, method: PairwiseMethod, opts: AggregateOptions, io: CliIo): Promise<void> {
  const { obs, objectTask, objectId } = await readPairwise(file, io);
  const it = { ...(opts.maxIter !== undefined && { maxIter: opts.maxIter }), ...(opts.tol !== undefined && { tol: opts.tol }) };
  const r: PairwiseResult = method === 'bt' ? bradleyTerry(obs, it) : crowdBt(obs, it);
  // Rank within each task (the ranking is global; tasks are usually disconnected components).
  const rankInTask = new Map<string, number>();
  const entries = Array.from(r.ranking, (k) => {
    const t = objectTask[k]!;
    const rank = (rankInTask.get(t) ?? 0) + 1;
    rankInTask.set(t, rank);
    return { t, k, rank };
  }).sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : a.rank - b.rank));
  const rows: string[][] = [['task', 'object', 'score', 'se', 'rank', 'comparisons']];
  for (const { t, k, rank } of entries) {
    rows.push([t, objectId[k]!, formatProbability(r.score[k]!), formatProbability(r.standardError[k]!), String(rank), String(r.comparisons[k])]);
  }
  writeOutput(formatCsv(rows), opts.out, io);
}
