/**
 * My API tokens: the list (never a secret), create one (its secret shown once, in a dialog that says so), and
 * revoke with a confirmation. A revoked token is listed with the date it stopped working.
 */
import { useState, type FormEvent } from 'react';
import type { ApiToken, CreatedToken } from '../../api/types';
import { ErrorMessage } from '../../components/Status';
import { Dialog } from '../../components/Dialog';
import { FormActions } from './FormActions';
import { FormError, FormField, fieldErrorOf } from './FormField';
import { NotAllowedIfForbidden } from './NotAllowed';
import { PagedList } from './PagedList';
import { SecretField } from './SecretField';
import { DateTime } from './format';
import { useCreateToken, useRevokeToken, useTokens } from './queries';

export function TokensPage() {
  const tokens = useTokens();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  return (
    <NotAllowedIfForbidden error={tokens.error}>
      <section aria-labelledby="tokens-title">
        <div className="section-header">
          <h2 id="tokens-title">My API tokens</h2>
          <button type="button" className="btn primary" onClick={() => setCreating(true)}>
            New token
          </button>
        </div>
        <p className="muted lead">
          A token acts as you in scripts and integrations: send it as <code>Authorization: Bearer …</code>. Tokens do not expire; revoke one you no
          longer use.
        </p>
        <PagedList query={tokens} noun="token" empty="You have no API tokens.">
          {(rows) => (
            <div className="table-scroll">
              <table className="data">
                <caption className="visually-hidden">My API tokens</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Created</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Expires</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((t) => (
                    <tr key={t.id} className={t.revokedAt ? 'inactive' : undefined}>
                      <td>{t.name}</td>
                      <td>
                        <DateTime iso={t.createdAt} withTime />
                      </td>
                      <td>{t.lastUsedAt ? <DateTime iso={t.lastUsedAt} withTime /> : <span className="muted">Never</span>}</td>
                      <td>
                        {t.revokedAt ? (
                          <span className="badge off">
                            Revoked <DateTime iso={t.revokedAt} />
                          </span>
                        ) : (
                          <span className="muted">Never (until revoked)</span>
                        )}
                      </td>
                      <td className="actions">
                        {!t.revokedAt && (
                          <button type="button" className="btn small danger" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
                            Revoke
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </PagedList>
        <Dialog open={creating} onClose={() => setCreating(false)} title="New API token">
          <TokenForm
            onCancel={() => setCreating(false)}
            onCreated={(t) => {
              setCreating(false);
              setCreated(t);
            }}
          />
        </Dialog>
        <Dialog open={created !== null} onClose={() => setCreated(null)} title="Your new API token" role="alertdialog">
          {created && <TokenSecret token={created} onDone={() => setCreated(null)} />}
        </Dialog>
        <Dialog open={revoking !== null} onClose={() => setRevoking(null)} title="Revoke this token?" role="alertdialog">
          {revoking && <RevokeConfirm token={revoking} onDone={() => setRevoking(null)} />}
        </Dialog>
      </section>
    </NotAllowedIfForbidden>
  );
}

function TokenForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (t: CreatedToken) => void }) {
  const [name, setName] = useState('');
  const create = useCreateToken();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name.trim(), { onSuccess: onCreated });
  };
  return (
    <form onSubmit={submit}>
      <FormField label="Name" error={fieldErrorOf(create.error, 'name')} hint="What it is for, e.g. “nightly export script”.">
        {(p) => <input {...p} type="text" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} data-autofocus />}
      </FormField>
      <FormError error={create.error} fields={['name']} />
      <FormActions onCancel={onCancel} submit="Create token" busy={create.isPending} busyLabel="Creating…" />
    </form>
  );
}

/** The one time the secret is shown; the server keeps only its hash. */
export function TokenSecret({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  return (
    <div className="issued">
      <p className="status warn" role="note">
        <strong>Copy this token now.</strong> It is shown only once and cannot be retrieved again; if you lose it, revoke it and create a new one.
      </p>
      <p>
        The secret of <strong>{token.name}</strong>:
      </p>
      <SecretField label="Token" value={token.token} />
      <div className="dialog-actions">
        <button type="button" className="btn primary" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </div>
  );
}

function RevokeConfirm({ token, onDone }: { token: ApiToken; onDone: () => void }) {
  const revoke = useRevokeToken();
  return (
    <div>
      <p>
        Anything using <strong>{token.name}</strong> will be refused from now on. This cannot be undone.
      </p>
      {revoke.isError && <ErrorMessage error={revoke.error} />}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onDone} data-autofocus>
          Keep it
        </button>
        <button type="button" className="btn danger" disabled={revoke.isPending} onClick={() => revoke.mutate(token.id, { onSuccess: onDone })}>
          {revoke.isPending ? 'Revoking…' : 'Revoke token'}
        </button>
      </div>
    </div>
  );
}
