/**
 * Two vendors compared on gold: pick A and B, read one sentence (the difference in points with its interval, the
 * test the server names and its p-value, on how many items and judgments), a small-sample label when a side has
 * fewer than 30, and the counts behind it (judgments and annotators of each vendor on the shared items). Managers and admins only: the tab leaves it out for a vendor manager.
 */
import { useId, useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/Status';
import { describeHeadToHead, pct } from './format';
import { useHeadToHead } from './queries';
import type { HeadToHeadView, VendorScorecard } from './types';

export function HeadToHeadCard({ projectId, vendors }: { projectId: string; vendors: readonly VendorScorecard[] }) {
  const id = useId();
  const [a, setA] = useState(vendors[0]?.vendorId ?? '');
  const [b, setB] = useState(vendors[1]?.vendorId ?? '');
  const result = useHeadToHead(projectId, a, b);
  const select = (label: string, value: string, set: (v: string) => void) => (
    <label className="inline-label">
      {label}
      <select value={value} onChange={(e) => set(e.target.value)}>
        {vendors.map((v) => (
          <option key={v.vendorId} value={v.vendorId}>
            {v.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="card quality-card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>Head-to-head</h2>
        {vendors.length >= 2 && (
          <div className="card-controls">
            {select('Vendor A', a, setA)}
            {select('Vendor B', b, setB)}
          </div>
        )}
      </div>
      {vendors.length < 2 ? (
        <p className="muted">A head-to-head needs two vendors on the project.</p>
      ) : a === b ? (
        <p className="muted">Pick two different vendors.</p>
      ) : result.isError ? (
        <ErrorMessage error={result.error} title="The comparison could not be loaded" />
      ) : !result.data ? (
        <Loading label="Comparing the vendors" />
      ) : (
        <HeadToHeadResult v={result.data} />
      )}
    </section>
  );
}

const judgments = (n: number, annotators: number) =>
  `${n.toLocaleString()} ${n === 1 ? 'judgment' : 'judgments'} by ${annotators} ${annotators === 1 ? 'annotator' : 'annotators'}`;

function HeadToHeadResult({ v }: { v: HeadToHeadView }) {
  const paired = v.paired.items > 0 && v.paired.difference !== null;
  const c = paired ? v.paired : v.independent;
  return (
    <div aria-live="polite">
      <p className="head-to-head-sentence">
        {describeHeadToHead(v)}
        {c.smallSample && (
          <>
            {' '}
            <span className="badge small-sample">Small sample</span>
            <span className="muted"> fewer than 30 {paired ? 'items' : 'judgments'} a side: read the difference with care.</span>
          </>
        )}
      </p>
      <dl className="head-to-head-facts">
        {paired ? (
          <>
            <dt>Shared gold items</dt>
            <dd>
              {v.paired.items.toLocaleString()}, with {judgments(v.paired.judgmentsA, v.paired.annotatorsA)} of {v.a.name} and {judgments(v.paired.judgmentsB, v.paired.annotatorsB)} of{' '}
              {v.b.name}, every one counted
            </dd>
          </>
        ) : (
          <>
            <dt>Gold judgments</dt>
            <dd>
              {v.a.name}: {v.independent.correctA} of {v.independent.nA}; {v.b.name}: {v.independent.correctB} of {v.independent.nB}
            </dd>
          </>
        )}
        <dt>Accuracy</dt>
        <dd>
          {v.a.name} {c.accuracyA === null ? '—' : pct(c.accuracyA)}, {v.b.name} {c.accuracyB === null ? '—' : pct(c.accuracyB)}
        </dd>
        <dt>Method</dt>
        <dd>
          {c.method.interval}; {c.method.test}
          {paired && `; it uses ${v.paired.method.pairing}`}
        </dd>
      </dl>
    </div>
  );
}
