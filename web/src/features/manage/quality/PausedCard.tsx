/**
 * The quality gate at work: which annotators it has paused on the project, why, on what gold record and when, with a
 * Reinstate button for admins and managers (confirmed in a dialog, since it wipes the record that paused them), and
 * the gate's latest events. Vendor managers see their vendor's annotators and cannot reinstate (the server agrees).
 */
import { useId, useMemo, useState } from 'react';
import { describeGateRule } from '@core/gold/gate-words';
import { useMe } from '../../../api/queries';
import { Dialog } from '../../../components/Dialog';
import { ErrorMessage, Loading } from '../../../components/Status';
import { canManage } from '../../auth/roles';
import { formatDateTime } from '../format';
import { useVendors } from '../queries';
import { useAnnotatorAccuracy, useQualityGates, useReinstate } from './queries';
import type { GateEvent, PausedAnnotator, QualityGatesView } from './types';

/** The card lists this many of the newest events (the API gives up to 100). */
const EVENTS_SHOWN = 8;

const items = (n: number) => `${n} gold item${n === 1 ? '' : 's'}`;

/** "3 of 12 gold items correct, 5 missed in a row" */
export function goldRecordText(gold: PausedAnnotator['gold']): string {
  const streak = gold.failStreak > 0 ? `, the last ${gold.failStreak} missed in a row` : '';
  return `${gold.correct} of ${items(gold.n)} correct${streak}`;
}

function policyText(view: QualityGatesView): string {
  if (!view.policy.enabled) return 'The quality gate is off for this project: nobody is paused automatically.';
  return `${describeGateRule(view.rule)} Their open tasks go back to the pool.`;
}

export function PausedCard({ projectId }: { projectId: string }) {
  const id = useId();
  const me = useMe().data;
  const gates = useQualityGates(projectId);
  const accuracy = useAnnotatorAccuracy(projectId);
  const vendors = useVendors();
  const [confirming, setConfirming] = useState<PausedAnnotator | null>(null);
  const mayReinstate = me !== undefined && canManage(me.role);

  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const a of accuracy.data?.items ?? []) m.set(a.annotatorId, a.name);
    for (const p of gates.data?.paused ?? []) m.set(p.annotatorId, p.name);
    return m;
  }, [accuracy.data, gates.data]);
  const vendorNames = useMemo(() => new Map((vendors.data?.items ?? []).map((v) => [v.id, v.name])), [vendors.data]);

  return (
    <section className="card quality-card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>Paused annotators</h2>
      </div>
      {gates.isError ? (
        <ErrorMessage error={gates.error} title="The quality gate could not be loaded" />
      ) : !gates.data ? (
        <Loading label="Loading the quality gate" />
      ) : (
        <>
          <p className="muted small">{policyText(gates.data)}</p>
          {gates.data.paused.length === 0 ? (
            <p className="muted">No annotator is paused.</p>
          ) : (
            <ul className="paused-list" aria-labelledby={`${id}-title`}>
              {gates.data.paused.map((p) => (
                <li key={p.annotatorId} className="paused-annotator">
                  <div className="paused-who">
                    <strong>{p.name}</strong>
                    {p.vendorId && <span className="muted small">{vendorNames.get(p.vendorId) ?? p.vendorId}</span>}
                  </div>
                  <dl className="paused-facts">
                    <div>
                      <dt>Reason</dt>
                      <dd>{p.reason}</dd>
                    </div>
                    <div>
                      <dt>Gold record</dt>
                      <dd>
                        {goldRecordText(p.gold)}
                        {p.reinstatedAt && <span className="muted small"> (since reinstated {formatDateTime(p.reinstatedAt)})</span>}
                      </dd>
                    </div>
                    <div>
                      <dt>Paused</dt>
                      <dd>{p.pausedAt ? <time dateTime={p.pausedAt}>{formatDateTime(p.pausedAt)}</time> : '—'}</dd>
                    </div>
                  </dl>
                  {mayReinstate && (
                    <button type="button" className="btn small" onClick={() => setConfirming(p)} aria-label={`Reinstate ${p.name}`}>
                      Reinstate
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          <GateEvents events={gates.data.events} names={names} meId={me?.id} />
        </>
      )}
      <Dialog open={confirming !== null} onClose={() => setConfirming(null)} title={`Reinstate ${confirming?.name ?? ''}?`} role="alertdialog">
        {confirming && <ReinstateConfirm projectId={projectId} annotator={confirming} onDone={() => setConfirming(null)} />}
      </Dialog>
    </section>
  );
}

function ReinstateConfirm({ projectId, annotator, onDone }: { projectId: string; annotator: PausedAnnotator; onDone: () => void }) {
  const reinstate = useReinstate(projectId);
  return (
    <div>
      <p>
        <strong>{annotator.name}</strong> can take tasks on this project again, and the gate judges their gold from now on: the record that paused them (
        {goldRecordText(annotator.gold)}) no longer counts.
      </p>
      {reinstate.isError && <ErrorMessage error={reinstate.error} />}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onDone} data-autofocus>
          Keep paused
        </button>
        <button type="button" className="btn primary" disabled={reinstate.isPending} onClick={() => reinstate.mutate(annotator.annotatorId, { onSuccess: onDone })}>
          {reinstate.isPending ? 'Reinstating…' : 'Reinstate'}
        </button>
      </div>
    </div>
  );
}

function GateEvents({ events, names, meId }: { events: readonly GateEvent[]; names: ReadonlyMap<string, string>; meId: string | undefined }) {
  const id = useId();
  if (events.length === 0) return null;
  return (
    <div className="gate-events">
      <h3 id={`${id}-title`}>Recent gate events</h3>
      <ol aria-labelledby={`${id}-title`}>
        {events.slice(0, EVENTS_SHOWN).map((e) => (
          <li key={e.id}>
            <time className="muted small" dateTime={e.createdAt}>
              {formatDateTime(e.createdAt)}
            </time>{' '}
            <strong>{names.get(e.annotatorId ?? '') ?? 'An annotator'}</strong>: {e.message}
            {e.kind === 'annotator.reinstated' && e.actorId === meId && ' (by you)'}
          </li>
        ))}
      </ol>
    </div>
  );
}
