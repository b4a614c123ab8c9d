/**
 * One upload: pick a file, optionally check it first (a dry run: the server reads and validates every line and
 * writes nothing), then send it with a progress bar, and show either the server's count or its line-numbered
 * errors. The import is all-or-nothing on the server, so a failure means nothing changed and the fixed file can
 * simply be sent again.
 */
import { useId, useRef, useState } from 'react';
import { ACCEPTED_EXTENSIONS, importContentType, uploadFile, type UploadProgress } from './upload';
import { ImportErrors } from './ImportErrors';
import { CheckReport, type DryRunReport, type RecordNoun } from './CheckReport';

type Mode = 'check' | 'import';

type Phase =
  | { kind: 'idle' }
  | { kind: 'sending'; mode: Mode; progress: UploadProgress }
  | { kind: 'checked'; report: DryRunReport }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; error: unknown };

export interface FileUploadProps<T> {
  /** Accessible name of the file input, e.g. "Items file". */
  label: string;
  url: string;
  /** The send button's text (default "Upload"). */
  actionLabel?: string;
  /** Where to send the file for a dry run; with it, a "Check file" button comes before the send button. */
  checkUrl?: string;
  /** What each record of the file becomes, for the check's report (default "item"). */
  noun?: RecordNoun;
  /** The success message for the server's reply. */
  describe: (reply: T) => string;
  onDone?: (reply: T) => void;
}

const formatBytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

export function FileUpload<T>({ label, url, actionLabel = 'Upload', checkUrl, noun, describe, onDone }: FileUploadProps<T>) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const contentType = file ? importContentType(file) : null;

  const send = async (mode: Mode) => {
    if (!file || !contentType) return;
    const target = mode === 'check' ? checkUrl : url;
    if (!target) return;
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: 'sending', mode, progress: { loaded: 0, total: file.size } });
    try {
      const onProgress = (progress: UploadProgress) => setPhase({ kind: 'sending', mode, progress });
      if (mode === 'check') {
        setPhase({ kind: 'checked', report: await uploadFile<DryRunReport>(target, file, contentType, onProgress, controller.signal) });
      } else {
        const reply = await uploadFile<T>(target, file, contentType, onProgress, controller.signal);
        setPhase({ kind: 'done', message: describe(reply) });
        onDone?.(reply);
      }
    } catch (error) {
      setPhase({ kind: 'failed', error });
    } finally {
      abort.current = null;
    }
  };

  const sending = phase.kind === 'sending';
  const ready = !!file && !!contentType && !sending;
  const percent = sending && phase.progress.total > 0 ? Math.round((phase.progress.loaded / phase.progress.total) * 100) : 0;
  return (
    <div className="file-upload">
      <div className="upload-row">
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input
            id={id}
            type="file"
            accept={ACCEPTED_EXTENSIONS}
            disabled={sending}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPhase({ kind: 'idle' });
            }}
          />
        </div>
        {checkUrl && (
          <button type="button" className="btn" disabled={!ready} onClick={() => void send('check')}>
            Check file
          </button>
        )}
        <button type="button" className="btn primary" disabled={!ready} onClick={() => void send('import')}>
          {actionLabel}
        </button>
        {sending && (
          <button type="button" className="btn" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        )}
      </div>
      {file && !contentType && (
        <p className="status error" role="alert">
          “{file.name}” is not a .json, .jsonl or .csv file.
        </p>
      )}
      {file && contentType && phase.kind === 'idle' && (
        <p className="muted small">
          {file.name} · {formatBytes(file.size)} · sent as {contentType}
          {checkUrl ? ' · “Check file” reads every line and writes nothing' : ''}
        </p>
      )}
      {sending && (
        <div className="upload-progress">
          <progress max={100} value={percent} aria-label={`${phase.mode === 'check' ? 'Checking' : 'Uploading'} ${file?.name ?? ''}`} aria-valuetext={`${percent}%`} />
          <span className="small muted" role="status">
            {phase.progress.loaded >= phase.progress.total
              ? phase.mode === 'check'
                ? 'Uploaded; checking every line (nothing is written)…'
                : 'Uploaded; checking every line and saving…'
              : `${percent}% · ${formatBytes(phase.progress.loaded)} of ${formatBytes(phase.progress.total)}`}
          </span>
        </div>
      )}
      {phase.kind === 'checked' && <CheckReport fileName={file?.name ?? 'The file'} report={phase.report} noun={noun} />}
      {phase.kind === 'done' && (
        <p className="status ok" role="status">
          {phase.message}
        </p>
      )}
      {phase.kind === 'failed' && <ImportErrors error={phase.error} />}
    </div>
  );
}
