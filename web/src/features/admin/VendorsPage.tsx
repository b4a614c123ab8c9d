/**
 * Vendors (where the workforce comes from): the list with each vendor's pay terms in words, a dialog to add one, and
 * (admins, as the API allows) a dialog to set or clear a vendor's pay terms; "saved" is announced after it closes.
 */
import { useState, type FormEvent } from 'react';
import { useMe } from '../../api/queries';
import type { Vendor } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { canAdminister } from '../auth/roles';
import { FormActions } from './FormActions';
import { FormError, FormField, fieldErrorOf } from './FormField';
import { NotAllowedIfForbidden } from './NotAllowed';
import { PagedList } from './PagedList';
import { DateTime, VENDOR_KINDS, VENDOR_KIND_LABELS } from './format';
import { payTermsText } from './money';
import { PayTermsForm } from './PayTermsForm';
import { useCreateVendor, useVendorPages, type PayTerms, type VendorKind } from './queries';

export function VendorsPage() {
  const vendors = useVendorPages();
  const [creating, setCreating] = useState(false);
  const [paying, setPaying] = useState<Vendor | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const me = useMe().data;
  const mayEdit = me !== undefined && canAdminister(me.role);
  const saved = (v: Vendor, terms: PayTerms | null) => {
    setPaying(null);
    setAnnouncement(terms ? `Saved: ${v.name} is paid ${payTermsText(terms)}.` : `Saved: ${v.name} has no pay terms now.`);
  };
  return (
    <NotAllowedIfForbidden error={vendors.error}>
      <section aria-labelledby="vendors-title">
        <div className="section-header">
          <h2 id="vendors-title">Vendors</h2>
          <button type="button" className="btn primary" onClick={() => setCreating(true)}>
            New vendor
          </button>
        </div>
        <p className="muted lead">Annotators, reviewers and vendor managers belong to a vendor; projects choose which vendors may work on them.</p>
        <PagedList query={vendors} noun="vendor" empty="No vendors yet. Add the first one to assign annotators to it.">
          {(rows) => (
            <div className="table-scroll">
              <table className="data">
                <caption className="visually-hidden">Vendors</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Pay terms</th>
                    <th scope="col">Created</th>
                    {mayEdit && (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((v) => (
                    <tr key={v.id}>
                      <td>{v.name}</td>
                      <td>{VENDOR_KIND_LABELS[v.kind]}</td>
                      <td>{v.payTerms ? payTermsText(v.payTerms) : <span className="muted">Not set</span>}</td>
                      <td>
                        <DateTime iso={v.createdAt} />
                      </td>
                      {mayEdit && (
                        <td className="actions">
                          <button type="button" className="btn small" onClick={() => setPaying(v)} aria-label={`Pay terms of ${v.name}`}>
                            {v.payTerms ? 'Change pay' : 'Set pay'}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </PagedList>
        <p role="status" className="saved-note">
          {announcement}
        </p>
        <Dialog open={paying !== null} onClose={() => setPaying(null)} title={paying ? `Pay terms of ${paying.name}` : 'Pay terms'}>
          {paying && <PayTermsForm key={paying.id} vendor={paying} onSaved={(terms) => saved(paying, terms)} onCancel={() => setPaying(null)} />}
        </Dialog>
        <Dialog open={creating} onClose={() => setCreating(false)} title="New vendor">
          <VendorForm onDone={() => setCreating(false)} />
        </Dialog>
      </section>
    </NotAllowedIfForbidden>
  );
}

function VendorForm({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<VendorKind>('crowd');
  const create = useCreateVendor();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), kind }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <FormField label="Name" error={fieldErrorOf(create.error, 'name')}>
        {(p) => <input {...p} type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} data-autofocus />}
      </FormField>
      <FormField label="Kind" error={fieldErrorOf(create.error, 'kind')}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value as VendorKind)}>
            {VENDOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {VENDOR_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormError error={create.error} fields={['name', 'kind']} />
      <FormActions onCancel={onDone} submit="Create vendor" busy={create.isPending} busyLabel="Creating…" />
    </form>
  );
}
