/**
 * The head of a versioned editor (schema, guidelines): which version is in force, a button that publishes the draft
 * as the next version, and how the last attempt went.
 */
import type { ReactNode } from 'react';
import { ErrorMessage } from '../../../components/Status';

/** The parts of a publish mutation this bar shows. */
export interface PublishState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isSuccess: boolean;
  data: { version: number } | undefined;
}

export function PublishBar({
  version,
  note,
  canPublish,
  publish,
  onPublish,
}: {
  /** The version in force; publishing makes `version + 1`. */
  version: number;
  note: ReactNode;
  /** Whether the draft is worth publishing (changed, and valid). */
  canPublish: boolean;
  publish: PublishState;
  onPublish: () => void;
}) {
  return (
    <>
      <div className="tab-toolbar">
        <p className="muted">{note}</p>
        <button type="button" className="btn primary" disabled={!canPublish || publish.isPending} onClick={onPublish}>
          {publish.isPending ? 'Publishing…' : `Publish as version ${version + 1}`}
        </button>
      </div>
      {publish.isError && <ErrorMessage error={publish.error} title="Not published" />}
      {publish.isSuccess && publish.data && (
        <p className="status ok" role="status">
          Published version {publish.data.version}.
        </p>
      )}
    </>
  );
}
