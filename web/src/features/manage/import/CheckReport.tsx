/** A dry run's answer: the file is ready (and how many items it would create), or every error it has, by line. */
import { countText, ErrorList, toLineErrors } from './ImportErrors';

/** `POST /projects/{id}/items?dryRun=true`'s reply. */
export interface DryRunReport {
  dryRun: true;
  ok: boolean;
  items: number;
  gold: number;
  errors: unknown[];
  errorCount: number;
  duplicates: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** What one record of the file becomes: an item (the items file) or a gold answer (the gold file). */
export type RecordNoun = 'item' | 'gold answer';

export function CheckReport({ fileName, report, noun = 'item' }: { fileName: string; report: DryRunReport; noun?: RecordNoun }) {
  const withGold = noun === 'item' && report.gold > 0 ? `, ${plural(report.gold, 'with a gold answer', 'with gold answers')}` : '';
  if (report.ok) {
    return (
      <p className="status ok" role="status">
        ✓ {fileName} is ready: importing it adds {plural(report.items, noun)}
        {withGold}. Nothing was written yet.
      </p>
    );
  }
  const errors = toLineErrors(report.errors);
  const duplicates = report.duplicates > 0 ? ` (${plural(report.duplicates, 'repeated or existing id')})` : '';
  return (
    <div className="status error import-errors" role="alert">
      <strong>
        Checked {fileName}, nothing written: {countText(errors.length, report.errorCount)}
        {duplicates}.
      </strong>{' '}
      <span>
        {plural(report.items, noun)} {report.items === 1 ? 'passes' : 'pass'} every check; fix the lines below and check again.
      </span>
      <ErrorList errors={errors} />
    </div>
  );
}
