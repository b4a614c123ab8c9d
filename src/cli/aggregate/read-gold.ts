/** A `task,label` CSV of known answers, as a map; a task with two different answers is an input error. */
import { type CliIo } from '../io/cli-io.js';
import { inputError, scanCsv } from '../io/scan-csv.js';

export async function readGold(file: string, io: CliIo): Promise<Map<string, string>> {
  const gold = new Map<string, string>();
  await scanCsv(
    file,
    ['task', 'label'],
    ([task, label], line) => {
      const prev = gold.get(task!);
      if (prev !== undefined && prev !== label) throw inputError(file, line, `task ${task} has two gold labels (${prev}, ${label})`);
      gold.set(task!, label!);
    },
    { io },
  );
  return gold;
}
