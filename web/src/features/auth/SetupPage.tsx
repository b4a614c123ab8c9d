/**
 * The first-run screen: on an installation without any organization (`assay serve --no-demo` on a fresh
 * database), whoever opens it names the organization and becomes its first admin, then is signed in. It works only
 * while no organization exists: the server refuses (409) from then on, and the screen says so and points to sign-in.
 * Each field shows the server's message about it.
 */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, unwrap } from '../../api/client';
import { fetchMe, queryKeys } from '../../api/queries';
import { ErrorMessage, Loading } from '../../components/Status';
import { FormError, FormField, fieldErrorOf } from '../admin/FormField';
import './setup.css';

const FIELDS = ['organization', 'name', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export const setupKey = ['setup'] as const;

/** Whether the installation still needs its first organization. */
export function useSetupNeeded() {
  return useQuery({ queryKey: setupKey, queryFn: () => unwrap(api.GET('/api/v1/setup')), staleTime: 0 });
}

function AlreadySetUp() {
  return (
    <div className="status" role="status">
      <p>Assay is set up already: an organization exists.</p>
      <p>
        <Link to="/login">Sign in</Link>, or ask your admin for an account. A lost password is reset with{' '}
        <code>assay user reset-password --email E</code>.
      </p>
    </div>
  );
}

export function SetupPage() {
  const status = useSetupNeeded();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Record<Field, string>>({ organization: '', name: '', email: '', password: '' });
  const set = (f: Field) => (e: { target: { value: string } }) => setForm((v) => ({ ...v, [f]: e.target.value }));
  const setup = useMutation({
    mutationFn: async () => {
      await unwrap(api.POST('/api/v1/setup', { body: form }));
      await unwrap(api.POST('/api/v1/auth/login', { body: { email: form.email.trim(), password: form.password } }));
    },
    onSuccess: async () => {
      queryClient.clear();
      await queryClient.fetchQuery({ queryKey: queryKeys.me, queryFn: fetchMe });
      navigate('/admin', { replace: true });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!setup.isPending) setup.mutate();
  };
  const taken = isApiError(setup.error, 'conflict') || status.data?.needed === false;
  return (
    <main className="login">
      <div className="card login-card setup-card">
        <h1 id="setup-title">
          <span className="brand-mark" aria-hidden="true">A</span> Set up Assay
        </h1>
        {status.isPending ? (
          <Loading label="Checking this installation" />
        ) : status.isError ? (
          <ErrorMessage error={status.error} />
        ) : taken ? (
          <AlreadySetUp />
        ) : (
          <form onSubmit={submit} aria-labelledby="setup-title" noValidate>
            <p className="muted small">
              Name your organization and create its first admin. This screen works once: after it, people sign in, and the admin adds everyone else.
            </p>
            <FormField label="Organization" hint="Your lab or team, as people will see it." error={fieldErrorOf(setup.error, 'organization')}>
              {(p) => <input {...p} autoFocus required maxLength={200} autoComplete="organization" value={form.organization} onChange={set('organization')} />}
            </FormField>
            <FormField label="Your name" error={fieldErrorOf(setup.error, 'name')}>
              {(p) => <input {...p} required maxLength={200} autoComplete="name" value={form.name} onChange={set('name')} />}
            </FormField>
            <FormField label="Email" hint="You sign in with it." error={fieldErrorOf(setup.error, 'email')}>
              {(p) => <input {...p} type="email" required maxLength={320} autoComplete="username" value={form.email} onChange={set('email')} />}
            </FormField>
            <FormField label="Password" hint="At least 8 characters." error={fieldErrorOf(setup.error, 'password')}>
              {(p) => <input {...p} type="password" required minLength={8} maxLength={200} autoComplete="new-password" value={form.password} onChange={set('password')} />}
            </FormField>
            <FormError error={setup.error} fields={FIELDS} />
            <button className="btn primary" type="submit" aria-disabled={setup.isPending}>
              {setup.isPending ? 'Setting up…' : 'Create the organization and sign in'}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
