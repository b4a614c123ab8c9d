/**
 * A qualification's attempts, newest first: who took it (annotator and vendor), when, how far they got (answered of
 * the attempt's size), how many were correct, the outcome, and its score as every gold accuracy is shown: correct of n
 * with its Wilson 95% interval, drawn as an error bar and written beside it. For an open
 * attempt n is what was answered so far; once closed it is the attempt's size (a skipped item counts as a miss).
 */
import { ColumnHeads, type Column } from '../../../components/ColumnHeads';
import { IntervalCell } from '../../manage/quality/IntervalCell';
import { formatDateTime } from '../../manage/format';
import type { AttemptRecord } from '../types';
import { intervalWords, percent } from '../words';
import '../../manage/quality/quality.css';

const COLUMNS: Column[] = [
  'Annotator',
  'Vendor',
  'Started',
  { label: 'Answered', numeric: true },
  { label: 'Correct', numeric: true },
  'Result',
  'Accuracy (95% interval)',
];

const RESULT: Record<AttemptRecord['status'], string> = { open: 'In progress', passed: 'Passed', failed: 'Failed' };

export function AttemptsTable({ attempts, vendorNames }: { attempts: readonly AttemptRecord[]; vendorNames: ReadonlyMap<string, string> }) {
  return (
    <div className="table-scroll">
      <table className="data attempts-table">
        <caption className="visually-hidden">Attempts at this qualification, newest first</caption>
        <ColumnHeads columns={COLUMNS} />
        <tbody>
          {attempts.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.annotatorName ?? a.annotatorId ?? 'You'}</th>
              <td>{a.vendorId ? (vendorNames.get(a.vendorId) ?? a.vendorId) : <span className="muted">none</span>}</td>
              <td>
                {formatDateTime(a.startedAt)}
                {a.finishedAt && <span className="cell-note">finished {formatDateTime(a.finishedAt)}</span>}
              </td>
              <td className="num">
                {a.answered.toLocaleString()} of {a.size.toLocaleString()}
              </td>
              <td className="num">{a.correct === undefined ? '—' : a.correct.toLocaleString()}</td>
              <td>
                <span className={`badge result-${a.status}`}>{RESULT[a.status]}</span>
                {a.status === 'failed' && a.retakeAt && <span className="cell-note">retake from {formatDateTime(a.retakeAt)}</span>}
              </td>
              <td>
                {a.accuracy && a.accuracy.rate !== null && a.accuracy.lower !== null && a.accuracy.upper !== null ? (
                  <IntervalCell
                    value={a.accuracy.rate}
                    lower={a.accuracy.lower}
                    upper={a.accuracy.upper}
                    figure={percent(a.accuracy.rate)}
                    interval={intervalWords(a.accuracy.lower, a.accuracy.upper)}
                    note={`${a.accuracy.correct} of ${a.accuracy.n}`}
                  />
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
