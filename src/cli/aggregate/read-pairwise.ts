/**
 * A `task,worker,left,right,winner` CSV as pairwise observations. Objects are keyed by task, so response ids that
 * repeat across tasks stay distinct; the winner is the left or right id, `left`, `right`, or `tie`/`draw`.
 */
import type { CliIo } from '../io/cli-io.js';
import { inputError, scanCsv } from '../io/scan-csv.js';

export interface PairwiseInput {
  readonly obs: {
    readonly left: Int32Array;
    readonly right: Int32Array;
    readonly outcome: Float64Array;
    readonly worker: Int32Array;
    readonly nObjects: number;
    readonly nWorkers: number;
  };
  /** Each object's task and id, by object index. */
  readonly objectTask: readonly string[];
  readonly objectId: readonly string[];
}

export async function readPairwise(file: string, io: CliIo): Promise<PairwiseInput> {
  const objects = new Map<string, number>();
  const objectTask: string[] = [];
  const objectId: string[] = [];
  const workers = new Map<string, number>();
  const left: number[] = [];
  const right: number[] = [];
  const outcome: number[] = [];
  const worker: number[] = [];
  const objectIndex = (task: string, id: string): number => {
    const key = `${task}\u0000${id}`;
    let k = objects.get(key);
    if (k === undefined) {
      k = objectTask.length;
      objects.set(key, k);
      objectTask.push(task);
      objectId.push(id);
    }
    return k;
  };
  await scanCsv(
    file,
    ['task', 'worker', 'left', 'right', 'winner'],
    ([task, w, l, r, win], line) => {
      if (l === r) throw inputError(file, line, `left and right are the same object (${l})`);
      let y: number;
      if (win === l || win === 'left') y = 1;
      else if (win === r || win === 'right') y = 0;
      else if (win === 'tie' || win === 'draw') y = 0.5;
      else throw inputError(file, line, `winner must be the left id, the right id, left, right or tie; got ${win}`);
      left.push(objectIndex(task!, l!));
      right.push(objectIndex(task!, r!));
      outcome.push(y);
      let k = workers.get(w!);
      if (k === undefined) workers.set(w!, (k = workers.size));
      worker.push(k);
    },
    { io },
  );
  const obs = {
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    outcome: Float64Array.from(outcome),
    worker: Int32Array.from(worker),
    nObjects: objectTask.length,
    nWorkers: workers.size,
  };
  return { obs, objectTask, objectId };
}
