/**
 * The Quality tab's "Effort and fraud signals" card: the thresholds in force in words (a manager can change them
 * here), then the flagged annotations, oldest first, a page at a time with the route's cursor, each linking to its
 * item's page in Results with its flags in words. Filters by kind and by annotator (the annotator table's flag
 * counts link here); both live in the URL (`flagKind`, `flagAnnotator`), so a filtered list can be linked.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../../api/queries';
import { ErrorMessage, Loading } from '../../../components/Status';
import { canManage } from '../../auth/roles';
import { LoadMore } from '../../admin/LoadMore';
import { formatDateTime } from '../format';
import { useVendors } from '../queries';
import { useUserNames } from '../review/queries';
import { useFlaggedAnnotations, useSignalPolicy } from './queries';
import { SignalFlagList } from './SignalFlagList';
import { TableScroll } from '../TableScroll';
import { SignalPolicySection } from './SignalPolicySection';
import { FLAG_PARAMS, SIGNAL_KIND_LABELS, SIGNAL_KINDS, SIGNALS_CARD_ID, signalPolicySentences } from './signal-words';
import type { SignalKind } from './types';

const isKind = (k: string | null): k is SignalKind => k !== null && (SIGNAL_KINDS as readonly string[]).includes(k);

export function SignalsCard({ projectId }: { projectId: string }) {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get(FLAG_PARAMS.kind);
  const kind = isKind(kindParam) ? kindParam : undefined;
  const annotatorId = params.get(FLAG_PARAMS.annotator) || undefined;
  const flagged = useFlaggedAnnotations(projectId, { kind, annotatorId });
  const vendors = useVendors();
  const names = useUserNames();
  const vendorName = (vendorId: string | null) => (vendorId === null ? 'No vendor' : (vendors.data?.items.find((v) => v.id === vendorId)?.name ?? vendorId));
  const nameOf = (annotatorId: string) => names.data?.get(annotatorId);

  const setFilter = (key: string, value: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  // Arriving from an annotator's flag count: bring the card into view and put the focus on its heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (annotatorId === undefined || !heading.current) return;
    heading.current.scrollIntoView?.({ block: 'start' });
    heading.current.focus({ preventScroll: true });
  }, [annotatorId]);

  const rows = flagged.data?.pages.flatMap((p) => p.items) ?? [];
  const annotatorCounts = flagged.data?.pages[0]?.annotators.find((a) => a.annotatorId === annotatorId);
  const annotatorLabel = annotatorId === undefined ? '' : (nameOf(annotatorId) ?? annotatorCounts?.pseudonym ?? annotatorId);

  return (
    <section className="card quality-card signals-card" id={SIGNALS_CARD_ID} aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          Effort and fraud signals
        </h2>
      </div>
      <p className="muted small">
        Every original annotation is checked against the thresholds below. A flag is a reason to look, not a verdict: it changes no result, and the review
        policy can send flagged annotations to review.
      </p>
      <Thresholds projectId={projectId} />

      <h3 className="signals-list-title">Flagged annotations</h3>
      <div className="card-controls signals-filters">
        <label className="inline-label">
          Kind
          <select value={kind ?? ''} onChange={(e) => setFilter(FLAG_PARAMS.kind, e.target.value || undefined)}>
            <option value="">All kinds</option>
            {SIGNAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {SIGNAL_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {annotatorId !== undefined && (
          <span className="signals-annotator-filter">
            Only <strong>{annotatorLabel}</strong>
            {annotatorCounts && ` (${annotatorCounts.flagged.toLocaleString()} of ${annotatorCounts.n.toLocaleString()} annotations flagged)`}
            <button type="button" className="btn small" onClick={() => setFilter(FLAG_PARAMS.annotator, undefined)}>
              Show every annotator
            </button>
          </span>
        )}
      </div>
      {flagged.isError ? (
        <ErrorMessage error={flagged.error} title="The flagged annotations could not be loaded" />
      ) : flagged.isPending ? (
        <Loading label="Loading flagged annotations" />
      ) : rows.length === 0 ? (
        <p className="muted">{kind || annotatorId ? 'No flagged annotation matches these filters.' : 'No annotation is flagged.'}</p>
      ) : (
        <>
          <TableScroll label="Flagged annotations">
            <table className="data signals-table">
              <caption className="visually-hidden">Flagged annotations, oldest first, each with the item it answers and its flags</caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Annotator</th>
                  <th scope="col">Submitted</th>
                  <th scope="col">Flags</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.annotationId}>
                    <th scope="row">
                      <Link to={`/manage/projects/${projectId}/results?item=${encodeURIComponent(r.itemId)}`}>{r.itemExternalId ?? r.itemId}</Link>
                    </th>
                    <td>
                      <span className="annotator-name">{nameOf(r.annotatorId) ?? r.pseudonym}</span>
                      {nameOf(r.annotatorId) !== undefined && <span className="annotator-pseudonym">{r.pseudonym}</span>}
                      <span className="cell-note">{vendorName(r.vendorId)}</span>
                    </td>
                    <td>{formatDateTime(r.createdAt)}</td>
                    <td>
                      <SignalFlagList flags={r.flags} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <LoadMore
            shown={rows.length}
            noun="flagged annotation"
            hasMore={flagged.hasNextPage}
            loading={flagged.isFetchingNextPage}
            onMore={() => void flagged.fetchNextPage()}
          />
        </>
      )}
    </section>
  );
}

/** The thresholds in force as one sentence per kind; a manager opens the form to change them. */
function Thresholds({ projectId }: { projectId: string }) {
  const policy = useSignalPolicy(projectId);
  const me = useMe().data;
  const [editing, setEditing] = useState(false);
  const formId = useId();
  if (policy.isError) return <ErrorMessage error={policy.error} title="The thresholds could not be loaded" />;
  if (!policy.data) return <Loading label="Loading the thresholds" />;
  const sentences = signalPolicySentences(policy.data);
  const mayEdit = me !== undefined && canManage(me.role);
  return (
    <div className="signals-thresholds">
      <h3>
        Thresholds in force
        {policy.data.updatedAt === null && (
          <>
            {' '}
            <span className="muted small">(the defaults)</span>
          </>
        )}
      </h3>
      <dl className="signals-policy">
        {SIGNAL_KINDS.map((k) => (
          <div key={k}>
            <dt>{SIGNAL_KIND_LABELS[k]}</dt>
            <dd>{sentences[k]}</dd>
          </div>
        ))}
      </dl>
      {mayEdit && (
        <button type="button" className="btn" aria-expanded={editing} aria-controls={editing ? formId : undefined} onClick={() => setEditing((e) => !e)}>
          {editing ? 'Close the thresholds form' : 'Change thresholds'}
        </button>
      )}
      {mayEdit && editing && (
        <div id={formId} className="signals-policy-form">
          <SignalPolicySection projectId={projectId} policy={policy.data} />
        </div>
      )}
    </div>
  );
}
