/** A progress bar on stderr when it is a terminal; silent otherwise (logs and pipes stay clean). */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Where the bar is drawn (default process.stderr); nothing is drawn unless it is a terminal. */
  readonly stream?: { write(chunk: string): unknown; isTTY?: boolean };
  /** Said after the counts, e.g. `bytes`. */
  readonly unit?: string;
}

export function progressBar(label: string, total: number | null, opts: ProgressOptions = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WriteStream,
      format: total ? `${label} [{bar}] {percentage}% | {value}/{total}${opts.unit ? ` ${opts.unit}` : ''}` : `${label} {value}`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
