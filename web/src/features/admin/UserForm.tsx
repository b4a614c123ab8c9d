/**
 * Create a user, or edit one (role, vendor, active, password reset). A generated password is shown once, after the
 * server has accepted it, with a copy button; the server's validation messages appear on the field they name.
 */
import { useState, type FormEvent } from 'react';
import type { Role, User, Vendor } from '../../api/types';
import { FormActions } from './FormActions';
import { FormError, FormField, fieldErrorOf } from './FormField';
import { SecretField } from './SecretField';
import { generatePassword } from './password';
import { ROLES, ROLE_LABELS, hasVendor } from './format';
import { useCreateUser, useUpdateUser, type CreateUserBody, type UpdateUserBody } from './queries';

type PasswordChoice = 'generate' | 'set' | 'none' | 'keep';

const FIELDS = ['name', 'email', 'role', 'vendorId', 'password', 'active'] as const;

export function UserForm({ user, vendors, onDone }: { user?: User | undefined; vendors: Vendor[]; onDone: () => void }) {
  const editing = user !== undefined;
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'annotator');
  const [vendorId, setVendorId] = useState(user?.vendorId ?? '');
  const [active, setActive] = useState(user?.active ?? true);
  const [passwordChoice, setPasswordChoice] = useState<PasswordChoice>(editing ? 'keep' : 'generate');
  const [password, setPassword] = useState('');
  /** The generated password the server accepted: shown once, then the dialog closes and it is gone. */
  const [issued, setIssued] = useState<{ email: string; password: string } | null>(null);
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = editing ? update : create;

  const vendorField = hasVendor(role);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const newPassword = passwordChoice === 'generate' ? generatePassword() : passwordChoice === 'set' ? password : undefined;
    const chosenVendor = vendorField && vendorId ? vendorId : null;
    const shown = () => (passwordChoice === 'generate' && newPassword ? setIssued({ email: user?.email ?? email.trim().toLowerCase(), password: newPassword }) : onDone());
    if (user) {
      const body: UpdateUserBody = {};
      if (name !== user.name) body.name = name;
      if (role !== user.role) body.role = role;
      if (chosenVendor !== user.vendorId) body.vendorId = chosenVendor;
      if (active !== user.active) body.active = active;
      if (newPassword !== undefined) body.password = newPassword;
      if (Object.keys(body).length === 0) return onDone();
      update.mutate({ userId: user.id, body }, { onSuccess: shown });
    } else {
      const body: CreateUserBody = { name, email, role, vendorId: chosenVendor };
      if (newPassword !== undefined) body.password = newPassword;
      create.mutate(body, { onSuccess: shown });
    }
  };

  if (issued) {
    return (
      <div className="issued">
        <p>
          {editing ? 'The password was reset.' : 'The user was created.'} Give <strong>{issued.email}</strong> this password:
        </p>
        <SecretField label="Password" value={issued.password} />
        <p className="status warn" role="note">
          This password is shown only now. Copy it before you close this dialog; it cannot be shown again (you can reset it).
        </p>
        <div className="dialog-actions">
          <button type="button" className="btn primary" onClick={onDone} autoFocus>
            Done
          </button>
        </div>
      </div>
    );
  }

  const err = (field: string) => fieldErrorOf(mutation.error, field);
  return (
    <form onSubmit={submit}>
      <FormField label="Name" error={err('name')}>
        {(p) => <input {...p} type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} data-autofocus />}
      </FormField>
      {!editing && (
        <FormField label="Email" error={err('email')}>
          {(p) => <input {...p} type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </FormField>
      )}
      <div className="field-row">
        <FormField label="Role" error={err('role')}>
          {(p) => (
            <select {...p} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {vendorField && (
          <FormField label="Vendor" error={err('vendorId')} hint={role === 'vendor_manager' ? 'Required: a vendor manager sees only this vendor.' : undefined}>
            {(p) => (
              <select {...p} value={vendorId} onChange={(e) => setVendorId(e.target.value)} required={role === 'vendor_manager'}>
                <option value="">{role === 'vendor_manager' ? 'Choose a vendor…' : 'No vendor'}</option>
                {vendors.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
      </div>
      {editing && (
        <div className="field">
          <label className="check">
            <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} aria-invalid={!!err('active')} />
            <span>Active (can sign in and use API tokens)</span>
          </label>
          {err('active') && <span className="field-error">{err('active')}</span>}
        </div>
      )}
      <fieldset className="field password-choice">
        <legend>{editing ? 'Password' : 'Initial password'}</legend>
        {(editing ? (['keep', 'generate', 'set'] as const) : (['generate', 'set', 'none'] as const)).map((choice) => (
          <label className="check" key={choice}>
            <input type="radio" name="password-choice" value={choice} checked={passwordChoice === choice} onChange={() => setPasswordChoice(choice)} />
            <span>{PASSWORD_CHOICES[choice]}</span>
          </label>
        ))}
        {passwordChoice === 'set' && (
          <FormField label="New password" error={err('password')} hint="At least 8 characters.">
            {(p) => <input {...p} type="password" required minLength={8} maxLength={200} autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
          </FormField>
        )}
        {passwordChoice !== 'set' && err('password') && <span className="field-error">{err('password')}</span>}
      </fieldset>
      <FormError error={mutation.error} fields={FIELDS} />
      <FormActions onCancel={onDone} submit={editing ? 'Save changes' : 'Create user'} busy={mutation.isPending} busyLabel="Saving…" />
    </form>
  );
}

const PASSWORD_CHOICES: Record<PasswordChoice, string> = {
  keep: 'Keep the current password',
  generate: 'Generate a strong password (shown once)',
  set: 'Type a password',
  none: 'No password (API tokens only)',
};
